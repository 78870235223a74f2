namespace Platform.Contracts.Youth;

/// <summary>
/// A participant completed the Young Professionals Program. Ids only, no personal data: Grants learns who may
/// apply to graduate calls; the participant's home municipality is where they may apply for.
/// </summary>
public sealed record ParticipantGraduated(
    Guid ParticipantId,
    Guid CohortId,
    string Municipality,
    Guid HostOrganizationId,
    DateOnly GraduatedOn) : IntegrationEvent;
