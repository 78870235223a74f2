using Platform.Grants.Agreements;

namespace Platform.Grants.Api;

public sealed record AgreementRequest(Guid? AwardId, DateOnly? SignedOn, List<TrancheInput?>? Tranches);

public sealed record PaymentRequest(decimal? Amount, string? Currency, DateOnly? PaidOn);

public sealed record ReportRequest(string? Narrative, decimal? Spent, string? Currency);

public sealed record ReviewRequest(string? Comment = null, string? Reason = null);

public sealed record TrancheResponse(int Number, decimal Percentage, decimal Amount, decimal? PaidAmount, DateOnly? PaidOn, TrancheState State, string? Reason);

public sealed record AgreementResponse(
    Guid Id,
    Guid AwardId,
    Guid CallId,
    Guid ApplicationId,
    Guid? OrganizationId,
    Guid? ParticipantId,
    TargetGroup TargetGroup,
    string Municipality,
    decimal Amount,
    string Currency,
    DateOnly SignedOn,
    AgreementStatus Status,
    DateOnly? ClosedOn,
    decimal PaidAmount,
    IReadOnlyList<TrancheResponse> Tranches,
    IReadOnlyList<GrantReport> Reports)
{
    /// <summary>The tranches' states as of <paramref name="today"/>: an overdue report shows as holding the next tranche.</summary>
    public static AgreementResponse From(Agreement a, DateOnly today) =>
        new(a.Id, a.AwardId, a.CallId, a.ApplicationId, a.OrganizationId, a.ParticipantId, a.TargetGroup, a.Municipality, a.Amount, a.Currency,
            a.SignedOn, a.Status, a.ClosedOn, a.PaidAmount,
            a.Tranches.Select(t => a.StateOf(t.Number, today) is var (state, reason)
                ? new TrancheResponse(t.Number, t.Percentage, t.Amount, t.PaidAmount, t.PaidOn, state, reason)
                : null!).ToList(),
            a.Reports);
}

public sealed record AgreementQuery(Guid? CallId, string? Municipality, string? Status, int? Page, int? PageSize);
