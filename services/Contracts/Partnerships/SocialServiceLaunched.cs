namespace Platform.Contracts.Partnerships;

/// <summary>
/// A co-created social service was institutionalised: the municipality decided to fund it from its own budget.
/// People served in the pilot are counts (gender and age-group codes of <c>ReferenceData</c>), never names.
/// </summary>
public sealed record SocialServiceLaunched(
    Guid SocialServiceId,
    IReadOnlyDictionary<string, string> Name,
    string Municipality,
    string TargetGroup,
    decimal MunicipalFunding,
    string Currency,
    int BudgetYear,
    DateOnly DecidedOn,
    Guid? RecommendationId,
    int PeopleServedInPilot,
    IReadOnlyDictionary<string, int> PeopleServedByGender,
    IReadOnlyDictionary<string, int> PeopleServedByAgeGroup) : IntegrationEvent;

/// <summary>What kind of participatory-democracy pilot an initiative is.</summary>
public enum PilotInitiativeKind
{
    PublicHearing,
    ParticipatoryBudgeting,
    Petition,
    CitizenPanel,
}

/// <summary>
/// A participatory pilot initiative run jointly by a CSO and an LSG body was completed; participants are counts.
/// <see cref="AwardId"/> links it to the grant that financed it (from <c>GrantAwarded</c>), if any.
/// </summary>
public sealed record PilotInitiativeCompleted(
    Guid InitiativeId,
    PilotInitiativeKind Kind,
    string Municipality,
    Guid CsoOrganizationId,
    Guid LocalSelfGovernmentId,
    DateOnly CompletedOn,
    int Participants,
    IReadOnlyDictionary<string, int> ParticipantsByGender,
    IReadOnlyDictionary<string, int> ParticipantsByAgeGroup,
    Guid? AwardId) : IntegrationEvent;
