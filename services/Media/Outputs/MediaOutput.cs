using Platform.Contracts.ReferenceData;
using Platform.Media.Campaigns;
using Platform.Media.Visibility;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Organizations;

namespace Platform.Media.Outputs;

public enum OutputType
{
    Article,
    TvSegment,
    RadioSegment,
    SocialPost,
    Publication,
    Event,
}

public enum OutputStatus
{
    Draft,
    Checked,
    Approved,
    Published,
}

/// <summary>What the media team enters about an output, as a client sends it.</summary>
public sealed record OutputDetails(
    OutputType? Type,
    string? Title,
    string? Language,
    string? Channel,
    string? Municipality,
    DateOnly? Date,
    string? Link,
    Guid? CampaignId,
    Guid? OutletId,
    string? OwnChannel);

/// <summary>
/// A media output (an article, a TV or radio segment, a social post, a publication, an event) in one language, in an
/// outlet from the registry or on the consortium's own channel, possibly part of a campaign. It is checked for EU
/// visibility before it can be approved, then published; once published its reach is measured over time.
/// </summary>
public sealed class MediaOutput
{
    public const int MaxTitleLength = 300;
    public const int MaxLinkLength = 500;
    public const int MaxOwnChannelLength = 200;

    /// <summary>The channels each type of output can appear on.</summary>
    public static readonly IReadOnlyDictionary<OutputType, string[]> ChannelsOf = new Dictionary<OutputType, string[]>
    {
        [OutputType.Article] = [Campaigns.Channel.Print, Campaigns.Channel.Online],
        [OutputType.TvSegment] = [Campaigns.Channel.Tv],
        [OutputType.RadioSegment] = [Campaigns.Channel.Radio],
        [OutputType.SocialPost] = [Campaigns.Channel.Social],
        [OutputType.Publication] = [Campaigns.Channel.Print, Campaigns.Channel.Online],
        [OutputType.Event] = [Campaigns.Channel.Events],
    };

    private MediaOutput() { }

    public Guid Id { get; private set; }

    public OutputType Type { get; private set; }

    public string Title { get; private set; } = "";

    public string Language { get; private set; } = "";

    public string Channel { get; private set; } = "";

    public string Municipality { get; private set; } = "";

    public DateOnly Date { get; private set; }

    /// <summary>A link to the output, or a reference to where it can be found (an issue number, a broadcast slot).</summary>
    public string Link { get; private set; } = "";

    public Guid? CampaignId { get; private set; }

    /// <summary>The media outlet from the registry; <c>null</c> when the output is on the consortium's own channel.</summary>
    public Guid? OutletId { get; private set; }

    /// <summary>The consortium's own channel (a partner's website or page) when there is no outlet.</summary>
    public string? OwnChannel { get; private set; }

    public OutputStatus Status { get; private set; }

    public List<VisibilityCheck> Checks { get; private set; } = [];

    public List<ReachMeasurement> Measurements { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastCheckedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public VisibilityCheck? LatestCheck => Checks.MaxBy(c => c.Number);

    /// <summary>Whether the first check found it compliant; <c>null</c> before any check. Kept for the figures.</summary>
    public bool? CompliantAtFirstCheck { get; private set; }

    /// <summary>Whether the latest check found it compliant; <c>null</c> before any check. Kept for the list of non-compliant outputs.</summary>
    public bool? LatestCheckCompliant { get; private set; }

    /// <summary>The latest measurement of each metric: a later one replaces an earlier one, the history is kept.</summary>
    public IReadOnlyList<ReachMeasurement> LatestReach =>
        [.. Measurements.GroupBy(m => m.Metric, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(m => m.MeasuredOn).ThenByDescending(m => m.RecordedAt).ThenByDescending(m => m.Id).First())
            .OrderBy(m => m.Metric, StringComparer.Ordinal)];

    /// <summary>The output's reach: the sum of the latest value of each metric.</summary>
    public long Reach => LatestReach.Sum(m => m.Value);

    public static MediaOutput Draft(OutputDetails details, Campaign? campaign, OrganizationReplica? outlet, DateTimeOffset now)
    {
        var output = new MediaOutput { Id = Guid.CreateVersion7(now), Status = OutputStatus.Draft, CreatedAt = now };
        output.Apply(details, campaign, outlet);
        return output;
    }

    /// <summary>Corrects the record before approval. A checked output goes back to draft: what was checked changed.</summary>
    public void Revise(OutputDetails details, Campaign? campaign, OrganizationReplica? outlet)
    {
        EnsureNotApproved();
        Apply(details, campaign, outlet);
        Status = OutputStatus.Draft;
    }

    /// <summary>Records an EU visibility check; a check after a fix is a new one, the earlier ones stay.</summary>
    public VisibilityCheck RecordCheck(Checklist checklist, string checkedBy, DateTimeOffset now)
    {
        EnsureNotApproved();
        var check = VisibilityCheck.Record(this, Checks.Count + 1, checklist, checkedBy, now);
        Checks.Add(check);
        CompliantAtFirstCheck ??= check.Compliant;
        LatestCheckCompliant = check.Compliant;
        Status = OutputStatus.Checked;
        LastCheckedAt = now;
        return check;
    }

    /// <summary>Approves the output for publication: only after a check, and only if the latest check found it compliant.</summary>
    public void Approve(string approvedBy, DateTimeOffset now)
    {
        EnsureNotApproved();
        if (Status == OutputStatus.Draft)
        {
            throw new RuleViolationException("not-checked", "Check the output for EU visibility before approving it.");
        }

        if (LatestCheck is { Compliant: false } check)
        {
            throw new RuleViolationException("not-compliant", $"The latest check failed: {string.Join(", ", check.Failed.Select(f => f.Point))}.");
        }

        Status = OutputStatus.Approved;
        ApprovedBy = approvedBy;
        ApprovedAt = now;
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status != OutputStatus.Approved)
        {
            throw new RuleViolationException(Status == OutputStatus.Published ? "output-published" : "not-approved",
                Status == OutputStatus.Published ? "The output is already published." : "Only an approved output can be published.");
        }

        Status = OutputStatus.Published;
        PublishedAt = now;
    }

    /// <summary>A measurement of the published output's reach, from a source (the outlet's statistics, a sign-in sheet).</summary>
    public ReachMeasurement RecordReach(string? metric, long? value, DateOnly? measuredOn, string? source, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (!ReachMetric.All.Contains(metric, StringComparer.Ordinal))
        {
            errors.Add("metric", $"Use one of {string.Join(", ", ReachMetric.All)}.");
        }

        if (value is null or < 0 or > Campaign.MaxReach)
        {
            errors.Add("value", $"Required: from 0 to {Campaign.MaxReach}.");
        }

        if (measuredOn is null || measuredOn > today || measuredOn < Date)
        {
            errors.Add("measuredOn", $"Required: a day from the output's date ({Date:yyyy-MM-dd}) to today.");
        }

        errors.Required(source, "source", ReachMeasurement.MaxSourceLength);
        errors.ThrowIfAny();
        if (Status != OutputStatus.Published)
        {
            throw new RuleViolationException("output-not-published", "Reach is measured once the output is published.");
        }

        var measurement = new ReachMeasurement(Id, metric!, value!.Value, measuredOn!.Value, source!.Trim(), now);
        Measurements.Add(measurement);
        return measurement;
    }

    public OutputReach ReachForCampaign() => new(Channel, Language, Municipality, Reach);

    private void Apply(OutputDetails details, Campaign? campaign, OrganizationReplica? outlet)
    {
        var errors = new ValidationErrors();
        if (details.Type is not { } type || !Enum.IsDefined(type))
        {
            errors.Add("type", $"Use one of {string.Join(", ", Enum.GetNames<OutputType>())}.");
        }
        else if (Campaigns.Channel.All.Contains(details.Channel, StringComparer.Ordinal) && !ChannelsOf[type].Contains(details.Channel))
        {
            errors.Add("channel", $"An output of type {type} appears on {string.Join(" or ", ChannelsOf[type])}.");
        }

        errors.Required(details.Title, "title", MaxTitleLength);
        if (!Contracts.ReferenceData.Language.IsKnown(details.Language))
        {
            errors.Add("language", $"Use one of {string.Join(", ", Contracts.ReferenceData.Language.All)}.");
        }

        if (!Campaigns.Channel.All.Contains(details.Channel, StringComparer.Ordinal))
        {
            errors.Add("channel", $"Use one of {string.Join(", ", Campaigns.Channel.All)}.");
        }

        if (!Contracts.ReferenceData.Municipality.IsKnown(details.Municipality))
        {
            errors.Add("municipality", $"Use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}.");
        }

        if (details.Date is null)
        {
            errors.Add("date", "Required.");
        }

        errors.Required(details.Link, "link", MaxLinkLength);
        CheckOutlet(details, outlet, errors);
        if (details.CampaignId is not null)
        {
            if (campaign is null || campaign.Id != details.CampaignId)
            {
                errors.Add("campaignId", "No such campaign.");
            }
            else
            {
                campaign.CheckOutput(details.Language, details.Channel, details.Municipality, errors);
            }
        }

        errors.ThrowIfAny();
        if (campaign is not null && campaign.Id != CampaignId)
        {
            campaign.EnsureOpen();
        }

        Type = details.Type!.Value;
        Title = details.Title!.Trim();
        Language = details.Language!;
        Channel = details.Channel!;
        Municipality = details.Municipality!;
        Date = details.Date!.Value;
        Link = details.Link!.Trim();
        CampaignId = details.CampaignId;
        OutletId = details.OutletId;
        OwnChannel = details.OutletId is null ? details.OwnChannel!.Trim() : null;
    }

    private static void CheckOutlet(OutputDetails details, OrganizationReplica? outlet, ValidationErrors errors)
    {
        if (details.OutletId is null)
        {
            errors.Required(details.OwnChannel, "ownChannel", MaxOwnChannelLength);
            return;
        }

        Engagement.CheckOutlet(outlet, details.OutletId, errors);
        if (details.OwnChannel is not null)
        {
            errors.Add("ownChannel", "Either an outlet or the consortium's own channel, not both.");
        }
    }

    private void EnsureNotApproved()
    {
        if (Status is OutputStatus.Approved or OutputStatus.Published)
        {
            throw new RuleViolationException("output-approved", "The output was approved; its record and checks are final.");
        }
    }
}

/// <summary>What a reach measurement counts.</summary>
public static class ReachMetric
{
    public const string Views = "views";
    public const string Listeners = "listeners";
    public const string Readers = "readers";
    public const string Attendees = "attendees";

    public static readonly IReadOnlyList<string> All = [Views, Listeners, Readers, Attendees];
}

/// <summary>One measurement of an output's reach: a metric's value on a day, from a source. Never changed; a later one supersedes it.</summary>
public sealed class ReachMeasurement
{
    public const int MaxSourceLength = 300;

    private ReachMeasurement() { }

    internal ReachMeasurement(Guid outputId, string metric, long value, DateOnly measuredOn, string source, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        OutputId = outputId;
        Metric = metric;
        Value = value;
        MeasuredOn = measuredOn;
        Source = source;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid OutputId { get; private set; }

    public string Metric { get; private set; } = "";

    public long Value { get; private set; }

    public DateOnly MeasuredOn { get; private set; }

    public string Source { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }
}
