namespace Platform.Contracts.Grants;

/// <summary>
/// An application was submitted to a call: by an organisation (<see cref="OrganizationId"/>) or, to a graduate
/// call, by a graduate of the Young Professionals Program (<see cref="ParticipantId"/>). Exactly one of them is set.
/// </summary>
public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    Guid CallId,
    Guid? OrganizationId,
    Guid? ParticipantId,
    string Municipality,
    decimal RequestedAmount,
    string Currency) : IntegrationEvent;
