namespace Platform.Contracts.Grants;

/// <summary>A grant agreement was closed after its final report; <see cref="TotalPaid"/> is what was paid in all.</summary>
public sealed record GrantClosed(
    Guid AgreementId,
    Guid AwardId,
    Guid CallId,
    decimal TotalPaid,
    string Currency,
    DateOnly ClosedOn) : IntegrationEvent;
