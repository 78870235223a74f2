namespace Platform.Contracts.Grants;

/// <summary>A grant was awarded from a call's envelope to an application.</summary>
public sealed record GrantAwarded(
    Guid AwardId,
    Guid ApplicationId,
    Guid CallId,
    TargetGroup TargetGroup,
    Guid? OrganizationId,
    Guid? ParticipantId,
    string Municipality,
    decimal Amount,
    string Currency) : IntegrationEvent;
