using Platform.Contracts.Media;
using Platform.Contracts.ReferenceData;
using Platform.ServiceDefaults.Domain;

namespace Platform.Media.Campaigns;

public enum CampaignStatus
{
    Planned,
    Running,
    Closed,
}

/// <summary>
/// An awareness campaign: what it wants to change, for whom, in which languages, channels and municipalities, over
/// which days, and the reach it aims at per channel and per language. Planned, then running, then closed; closing
/// freezes the reach its published outputs measured and tells the other services.
/// </summary>
public sealed class Campaign
{
    public const int MaxTextLength = 2000;
    public const int MaxTitleLength = 300;

    /// <summary>More than any campaign here can reach, even counting views: a larger number is a typing error.</summary>
    public const long MaxReach = 1_000_000_000;

    private Campaign() { }

    public Guid Id { get; private set; }

    public LocalizedText Title { get; private set; } = null!;

    public LocalizedText Objective { get; private set; } = null!;

    public List<string> Audiences { get; private set; } = [];

    public List<string> Languages { get; private set; } = [];

    public List<string> Channels { get; private set; } = [];

    public List<string> Municipalities { get; private set; } = [];

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    /// <summary>Reach aimed at, by channel code; their sum is the campaign's target reach.</summary>
    public Dictionary<string, long> TargetReachByChannel { get; private set; } = [];

    /// <summary>Reach aimed at, by language code: the same people seen by the language they were reached in.</summary>
    public Dictionary<string, long> TargetReachByLanguage { get; private set; } = [];

    public CampaignStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? StartedAt { get; private set; }

    /// <summary>When an output of the campaign last had its reach measured; touching the row makes a close that raced it lose.</summary>
    public DateTimeOffset? ReachMeasuredAt { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    /// <summary>Set when closed: the reach as it was then.</summary>
    public ReachTotals? ClosingReach { get; private set; }

    public long TargetReach => TargetReachByChannel.Values.Sum();

    public static Campaign Plan(CampaignDetails details, DateTimeOffset now)
    {
        var campaign = new Campaign { Id = Guid.CreateVersion7(now), Status = CampaignStatus.Planned, CreatedAt = now };
        campaign.Apply(details);
        return campaign;
    }

    /// <summary>Changes what was planned; only before the campaign runs.</summary>
    public void Revise(CampaignDetails details)
    {
        var errors = details.Validate();
        errors.ThrowIfAny();
        EnsureIn(CampaignStatus.Planned, "campaign-not-planned", "Only a planned campaign can be revised.");
        Apply(details);
    }

    public void Start(DateTimeOffset now)
    {
        EnsureIn(CampaignStatus.Planned, "campaign-not-planned", "Only a planned campaign can start.");
        Status = CampaignStatus.Running;
        StartedAt = now;
    }

    /// <summary>
    /// Whether an output can take part: a closed campaign takes no new outputs, and an output must use the campaign's
    /// languages, channels and municipalities. Problems are added under the output's field names.
    /// </summary>
    public void CheckOutput(string? language, string? channel, string? municipality, ValidationErrors errors)
    {
        if (language is not null && Language.IsKnown(language) && !Languages.Contains(language))
        {
            errors.Add("language", $"The campaign is in {string.Join(", ", Languages)}.");
        }

        if (channel is not null && Channel.All.Contains(channel) && !Channels.Contains(channel))
        {
            errors.Add("channel", $"The campaign uses {string.Join(", ", Channels)}.");
        }

        if (municipality is not null && Municipality.IsKnown(municipality) && !Municipalities.Contains(municipality))
        {
            errors.Add("municipality", $"The campaign covers {string.Join(", ", Municipalities)}.");
        }
    }

    public void EnsureOpen() => EnsureNotClosed();

    /// <summary>A measurement of one of the campaign's outputs: refused once closed, since the closing reach is final.</summary>
    public void NoteReachMeasured(DateTimeOffset now)
    {
        EnsureNotClosed();
        ReachMeasuredAt = now;
    }

    /// <summary>Closes the running campaign with the reach of its published outputs, which becomes final.</summary>
    public CampaignClosed Close(IEnumerable<OutputReach> outputs, DateOnly today, DateTimeOffset now)
    {
        EnsureIn(CampaignStatus.Running, "campaign-not-running", "Only a running campaign can be closed.");
        var reach = ReachTotals.Of(outputs);
        Status = CampaignStatus.Closed;
        ClosedOn = today;
        ClosingReach = reach;
        return new CampaignClosed(
            Id, Title.Values, [.. Audiences], [.. Municipalities], StartsOn, EndsOn, today,
            reach.Reach, TargetReach, reach.ByChannel, reach.ByLanguage, reach.ByMunicipality, reach.Outputs) { OccurredAt = now };
    }

    private void Apply(CampaignDetails details)
    {
        var errors = details.Validate();
        errors.ThrowIfAny();
        Title = LocalizedText.From(details.Title!);
        Objective = LocalizedText.From(details.Objective!);
        Audiences = [.. details.Audiences!.Select(a => a!)];
        Languages = [.. details.Languages!.Select(l => l!)];
        Channels = [.. details.Channels!.Select(c => c!)];
        Municipalities = [.. details.Municipalities!.Select(m => m!)];
        StartsOn = details.StartsOn!.Value;
        EndsOn = details.EndsOn!.Value;
        TargetReachByChannel = Channels.ToDictionary(c => c, c => details.TargetReachByChannel?.GetValueOrDefault(c) ?? 0L, StringComparer.Ordinal);
        TargetReachByLanguage = Languages.ToDictionary(l => l, l => details.TargetReachByLanguage?.GetValueOrDefault(l) ?? 0L, StringComparer.Ordinal);
    }

    private void EnsureNotClosed()
    {
        if (Status == CampaignStatus.Closed)
        {
            throw new RuleViolationException("campaign-closed", "The campaign is closed; its reach is final.");
        }
    }

    private void EnsureIn(CampaignStatus status, string code, string reason)
    {
        EnsureNotClosed();
        if (Status != status)
        {
            throw new RuleViolationException(code, reason);
        }
    }
}

/// <summary>What the media team plans for a campaign, as a client sends it.</summary>
public sealed record CampaignDetails(
    IReadOnlyDictionary<string, string?>? Title,
    IReadOnlyDictionary<string, string?>? Objective,
    IReadOnlyList<string?>? Audiences,
    IReadOnlyList<string?>? Languages,
    IReadOnlyList<string?>? Channels,
    IReadOnlyList<string?>? Municipalities,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    IReadOnlyDictionary<string, long>? TargetReachByChannel,
    IReadOnlyDictionary<string, long>? TargetReachByLanguage)
{
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();
        LocalizedText.Validate(Title, "title", Campaign.MaxTitleLength, errors);
        LocalizedText.Validate(Objective, "objective", Campaign.MaxTextLength, errors);
        Codes.Check(Audiences, Audience.All, "audiences", errors);
        var languages = Codes.Check(Languages, Language.All, "languages", errors);
        var channels = Codes.Check(Channels, Channel.All, "channels", errors);
        Codes.Check(Municipalities, Municipality.All, "municipalities", errors);
        if (StartsOn is null)
        {
            errors.Add("startsOn", "Required.");
        }

        if (EndsOn is null)
        {
            errors.Add("endsOn", "Required.");
        }
        else if (StartsOn is not null && EndsOn < StartsOn)
        {
            errors.Add("endsOn", "On or after the first day.");
        }

        CheckTargets(TargetReachByChannel, Channel.All, channels, "targetReachByChannel", "channels", errors);
        CheckTargets(TargetReachByLanguage, Language.All, languages, "targetReachByLanguage", "languages", errors);
        return errors;
    }

    private static void CheckTargets(
        IReadOnlyDictionary<string, long>? targets, IReadOnlyList<string> known, List<string> codes, string field, string codesField, ValidationErrors errors)
    {
        if (targets is null || targets.Count == 0)
        {
            errors.Add(field, $"The reach aimed at in each of the campaign's {codesField}.");
            return;
        }

        foreach (var (code, target) in targets)
        {
            // Checked against the campaign's own codes only when those are valid; an unknown code is wrong either way.
            if (!known.Contains(code, StringComparer.Ordinal) || (codes.Count > 0 && !codes.Contains(code, StringComparer.Ordinal)))
            {
                errors.Add($"{field}.{code}", $"Not one of the campaign's {codesField}.");
            }
            else if (target is < 0 or > Campaign.MaxReach)
            {
                errors.Add($"{field}.{code}", $"From 0 to {Campaign.MaxReach} people.");
            }
        }
    }
}
