namespace Platform.Contracts.Youth;

/// <summary>A participant of the Young Professionals Program started an internship with a host organisation.</summary>
public sealed record InternshipStarted(
    Guid InternshipId,
    Guid ParticipantId,
    Guid CohortId,
    string Municipality,
    Guid HostOrganizationId,
    DateOnly StartsOn,
    DateOnly EndsOn) : IntegrationEvent;
