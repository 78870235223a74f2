namespace Platform.Contracts.Grants;

/// <summary>A tranche of a grant agreement was paid (tranches are numbered from 1).</summary>
public sealed record TranchePaid(
    Guid AgreementId,
    Guid AwardId,
    int TrancheNumber,
    decimal Amount,
    string Currency,
    DateOnly PaidOn,
    string Municipality) : IntegrationEvent;
