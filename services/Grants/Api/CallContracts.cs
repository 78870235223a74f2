using Platform.Grants.Calls;

namespace Platform.Grants.Api;

/// <summary>What the grants team sends to draft or rewrite a call for proposals.</summary>
public sealed record CallRequest(
    Dictionary<string, string?>? Title,
    Dictionary<string, string?>? Description,
    TargetGroup? TargetGroup,
    List<string?>? EligibleMunicipalities,
    string? Currency,
    decimal? Envelope,
    decimal? MinimumAward,
    decimal? MaximumAward,
    decimal? CoFundingShare,
    DateTimeOffset? OpensAt,
    DateTimeOffset? Deadline,
    List<CriterionInput?>? Criteria,
    bool? RequiresAssessment = null,
    int? RequiredScores = null)
{
    public CallDetails? ToDetails(ValidationErrors errors) =>
        CallDetails.Create(Title, Description, TargetGroup, EligibleMunicipalities, Currency, Envelope, MinimumAward, MaximumAward,
            CoFundingShare, OpensAt, Deadline, Criteria, RequiresAssessment, RequiredScores, errors);
}

public sealed record CallResponse(
    Guid Id,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Description,
    TargetGroup TargetGroup,
    IReadOnlyList<string> EligibleMunicipalities,
    string Currency,
    decimal Envelope,
    decimal MinimumAward,
    decimal MaximumAward,
    decimal CoFundingShare,
    DateTimeOffset OpensAt,
    DateTimeOffset Deadline,
    IReadOnlyList<EvaluationCriterion> Criteria,
    bool RequiresAssessment,
    int RequiredScores,
    CallStatus Status,
    decimal AwardedAmount,
    decimal RemainingEnvelope,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static CallResponse From(Call c) =>
        new(c.Id, c.Title.Values, c.Description.Values, c.TargetGroup, c.EligibleMunicipalities, c.Currency, c.Envelope, c.MinimumAward,
            c.MaximumAward, c.CoFundingShare, c.OpensAt, c.Deadline, c.Criteria, c.RequiresAssessment, c.RequiredScores, c.Status,
            c.AwardedAmount, c.RemainingEnvelope, c.CreatedAt, c.UpdatedAt);
}

public sealed record CallQuery(string? Status, string? Municipality, string? TargetGroup, int? Page, int? PageSize);

/// <summary>Evaluators (token subjects) for every eligible application of the call, or only for those listed.</summary>
public sealed record AssignEvaluatorsRequest(List<string?>? Evaluators, List<Guid>? ApplicationIds = null);

/// <summary>One award from the ranking; without an amount, the requested amount. The currency, when given, must be the call's.</summary>
public sealed record AwardRequest(Guid? ApplicationId, decimal? Amount = null, string? Currency = null);

public sealed record AwardResponse(Guid Id, Guid CallId, Guid ApplicationId, decimal Amount, string Currency, DateTimeOffset AwardedAt)
{
    public static AwardResponse From(Awards.Award a) => new(a.Id, a.CallId, a.ApplicationId, a.Amount, a.Currency, a.AwardedAt);
}

/// <summary>What awarding a ranking decided: who was awarded, who waits, who was rejected and why.</summary>
public sealed record AwardingResult(
    IReadOnlyList<AwardResponse> Awarded,
    IReadOnlyList<DecisionResponse> WaitingList,
    IReadOnlyList<DecisionResponse> Rejected,
    decimal AwardedAmount,
    decimal RemainingEnvelope);

public sealed record DecisionResponse(Guid ApplicationId, string Reason);
