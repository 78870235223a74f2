using Platform.Contracts.Capacity;
using Platform.Contracts.Partnerships;
using Platform.Partnerships.Awards;
using Platform.ServiceDefaults.Organizations;

namespace Platform.Partnerships.Pilots;

public enum PilotStatus
{
    Planned,
    Completed,
}

/// <summary>
/// A pilot initiative of participatory democracy (a public hearing, participatory budgeting, a petition, a citizen panel)
/// run jointly by a CSO and a municipality's LSG body, possibly financed by a grant (linked by its award id). Completed
/// with the participants (counts by gender and age group), the outcome and the follow-up.
/// </summary>
public sealed class PilotInitiative
{
    public const int MaxTitleLength = 300;
    public const int MaxTextLength = 10_000;

    private PilotInitiative() { }

    public Guid Id { get; private set; }

    public PilotInitiativeKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The LSG body's municipality.</summary>
    public string Municipality { get; private set; } = "";

    public Guid CsoOrganizationId { get; private set; }

    public Guid LocalSelfGovernmentId { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public Guid? AwardId { get; private set; }

    public PilotStatus Status { get; private set; }

    public Dictionary<string, int>? ParticipantsByGender { get; private set; }

    public Dictionary<string, int>? ParticipantsByAgeGroup { get; private set; }

    public int? Participants => ParticipantsByGender?.Values.Sum();

    public string? Outcome { get; private set; }

    public string? FollowUp { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <param name="awardRequested">Whether the request named an award; <paramref name="award"/> is what was found for it.</param>
    public static PilotInitiative Plan(PilotInitiativeKind? kind, string? title, OrganizationReplica? cso, OrganizationReplica? lsg,
        DateOnly? startsOn, DateOnly? endsOn, bool awardRequested, GrantAward? award, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (kind is null || !Enum.IsDefined(kind.Value))
        {
            errors.Add("kind", $"Use one of {string.Join(", ", Enum.GetNames<PilotInitiativeKind>())}.");
        }

        errors.Required(title, "title", MaxTitleLength);
        if (cso is not { Type: OrganizationType.Cso })
        {
            errors.Add("csoOrganizationId", "Required: a CSO known from the registry.");
        }

        if (lsg is not { Type: OrganizationType.LocalSelfGovernment } || !Contracts.ReferenceData.Municipality.IsKnown(lsg.Municipality))
        {
            errors.Add("localSelfGovernmentId", "Required: an LSG body of a programme municipality, known from the registry.");
        }

        if (startsOn is null)
        {
            errors.Add("startsOn", "Required.");
        }

        if (endsOn is null || (startsOn is not null && endsOn < startsOn))
        {
            errors.Add("endsOn", "Required: on or after the start.");
        }

        if (awardRequested && award is null)
        {
            errors.Add("awardId", "No grant award with this id is known (from Grants' GrantAwarded).");
        }

        errors.ThrowIfAny();
        return new PilotInitiative
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind!.Value,
            Title = title!.Trim(),
            Municipality = lsg!.Municipality,
            CsoOrganizationId = cso!.Id,
            LocalSelfGovernmentId = lsg.Id,
            StartsOn = startsOn!.Value,
            EndsOn = endsOn!.Value,
            AwardId = award?.AwardId,
            Status = PilotStatus.Planned,
            CreatedAt = now,
        };
    }

    public PilotInitiativeCompleted Complete(IReadOnlyDictionary<string, int>? byGender, IReadOnlyDictionary<string, int>? byAgeGroup,
        string? outcome, string? followUp, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var people = Counts.ReadPeople(byGender, byAgeGroup, "participantsByGender", "participantsByAgeGroup", errors);
        errors.Required(outcome, "outcome", MaxTextLength);
        errors.Required(followUp, "followUp", MaxTextLength);
        errors.ThrowIfAny();
        if (Status != PilotStatus.Planned)
        {
            throw new RuleViolationException("pilot-completed", "The initiative was completed; its record is closed.");
        }

        if (today < EndsOn)
        {
            throw new RuleViolationException("pilot-not-over", $"The initiative runs until {EndsOn:yyyy-MM-dd}; it is completed once its last day has come.");
        }

        (ParticipantsByGender, ParticipantsByAgeGroup) = people!.Value;
        Outcome = outcome!.Trim();
        FollowUp = followUp!.Trim();
        CompletedOn = today;
        Status = PilotStatus.Completed;
        return new PilotInitiativeCompleted(Id, Kind, Municipality, CsoOrganizationId, LocalSelfGovernmentId, today, Participants!.Value,
            ParticipantsByGender, ParticipantsByAgeGroup, AwardId) { OccurredAt = now };
    }
}
