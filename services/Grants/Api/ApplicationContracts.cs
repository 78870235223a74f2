using Platform.Grants.Applications;
using Platform.Grants.Evaluation;

namespace Platform.Grants.Api;

/// <summary>What an applicant sends to start or rewrite a draft application; on a rewrite the call stays the same.</summary>
public sealed record ApplicationRequest(
    Guid? CallId,
    string? ProjectTitle,
    string? Summary,
    string? Municipality,
    decimal? RequestedAmount,
    decimal? CoFunding,
    string? Currency,
    List<BudgetLineInput?>? BudgetLines);

public sealed record ApplicationResponse(
    Guid Id,
    Guid CallId,
    Guid? OrganizationId,
    Guid? ParticipantId,
    string ProjectTitle,
    string Summary,
    string Municipality,
    decimal RequestedAmount,
    decimal CoFunding,
    string Currency,
    IReadOnlyList<BudgetLine> BudgetLines,
    ApplicationStatus Status,
    bool? Eligible,
    IReadOnlyList<EligibilityFailure> EligibilityFailures,
    string? DecisionReason,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ApplicationResponse From(GrantApplication a) =>
        new(a.Id, a.CallId, a.OrganizationId, a.ParticipantId, a.ProjectTitle, a.Summary, a.Municipality, a.RequestedAmount, a.CoFunding,
            a.Currency, a.BudgetLines, a.Status, a.Eligible, a.EligibilityFailures, a.DecisionReason, a.SubmittedAt, a.CreatedAt, a.UpdatedAt);
}

public sealed record ApplicationQuery(Guid? CallId, string? Municipality, string? Status, int? Page, int? PageSize);

public sealed record AssignmentResponse(
    Guid Id,
    Guid CallId,
    Guid ApplicationId,
    string Evaluator,
    Declaration Declaration,
    DateTimeOffset? DeclaredAt,
    IReadOnlyList<Calls.CriterionScore> Scores,
    decimal? WeightedTotal,
    DateTimeOffset? ScoredAt,
    DateTimeOffset AssignedAt)
{
    public static AssignmentResponse From(EvaluatorAssignment a) =>
        new(a.Id, a.CallId, a.ApplicationId, a.Evaluator, a.Declaration, a.DeclaredAt, a.Scores, a.WeightedTotal, a.ScoredAt, a.AssignedAt);
}

public sealed record DeclarationRequest(bool? ConflictOfInterest);

public sealed record ScoresRequest(List<ScoreInput?>? Scores);

public sealed record AssignmentQuery(Guid? CallId, int? Page, int? PageSize);
