namespace Platform.Contracts.Partnerships;

/// <summary>
/// A municipal partnership group of CSOs and the local self-government body was formed (one per municipality
/// while active). Organisation ids only; representatives stay in Partnerships.
/// </summary>
public sealed record PartnershipGroupFormed(
    Guid GroupId,
    string Municipality,
    DateOnly FormedOn,
    IReadOnlyList<Guid> MemberOrganizationIds,
    Guid LocalSelfGovernmentId) : IntegrationEvent;

/// <summary>A partnership group was closed; its municipality may form a new one.</summary>
public sealed record PartnershipGroupClosed(
    Guid GroupId,
    string Municipality,
    DateOnly ClosedOn) : IntegrationEvent;
