using Platform.Grants.Calls;
using Platform.Grants.Funding;

namespace Platform.Grants.Evaluation;

/// <summary>Where an evaluator stands on conflicts of interest with one application.</summary>
public enum Declaration
{
    /// <summary>Assigned; the evaluator has not declared yet and sees nothing of the application.</summary>
    Pending,

    /// <summary>Declared no conflict of interest: may read and score the application.</summary>
    NoConflict,

    /// <summary>Declared a conflict: recused, sees and scores nothing.</summary>
    Conflict,
}

/// <summary>
/// One evaluator (a token subject) assigned to one application of a call, their declaration, and their score card.
/// </summary>
public sealed class EvaluatorAssignment
{
    public const int MaxCommentLength = 2000;

    private EvaluatorAssignment() { }

    public Guid Id { get; private set; }

    public Guid CallId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public string Evaluator { get; private set; } = "";

    public Declaration Declaration { get; private set; }

    public DateTimeOffset? DeclaredAt { get; private set; }

    public List<CriterionScore> Scores { get; private set; } = [];

    /// <summary>0-100, from <see cref="Call.WeightedTotal"/>; <c>null</c> until scored.</summary>
    public decimal? WeightedTotal { get; private set; }

    public DateTimeOffset? ScoredAt { get; private set; }

    public DateTimeOffset AssignedAt { get; private set; }

    public bool IsScored => WeightedTotal is not null;

    public static EvaluatorAssignment Assign(Guid callId, Guid applicationId, string evaluator, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CallId = callId, ApplicationId = applicationId, Evaluator = evaluator, Declaration = Declaration.Pending, AssignedAt = now };

    /// <summary>Declared once: a declaration cannot be taken back, so a score cannot follow a declared conflict.</summary>
    public void Declare(bool conflictOfInterest, DateTimeOffset now)
    {
        if (Declaration != Declaration.Pending)
        {
            throw new RuleViolationException("already-declared", $"The evaluator already declared {(Declaration == Declaration.Conflict ? "a conflict of interest" : "no conflict of interest")}.");
        }

        Declaration = conflictOfInterest ? Declaration.Conflict : Declaration.NoConflict;
        DeclaredAt = now;
    }

    /// <summary>Whether the evaluator may see the application now; the reason when not.</summary>
    public void EnsureMaySee()
    {
        switch (Declaration)
        {
            case Declaration.Pending:
                throw new RuleViolationException("declaration-required", "Declare that you have no conflict of interest with this application before reading it.");
            case Declaration.Conflict:
                throw new RuleViolationException("conflict-of-interest", "You declared a conflict of interest with this application.");
        }
    }

    /// <summary>Scores every criterion of the call once, within its scale, each with a comment; may be revised while the call is being evaluated.</summary>
    public void Score(Call call, IReadOnlyList<ScoreInput?>? scores, DateTimeOffset now)
    {
        EnsureMaySee();
        if (call.Status != CallStatus.Closed)
        {
            throw new RuleViolationException("call-not-in-evaluation", $"The call is {call.Status}; applications are scored after submissions close and before the evaluation is complete.");
        }

        var errors = new ValidationErrors();
        var card = new List<CriterionScore>();
        if (scores is null || scores.Count == 0)
        {
            errors.Add("scores", $"Score every criterion: {string.Join(", ", call.Criteria.Select(c => c.Code))}.");
        }
        else
        {
            for (var i = 0; i < scores.Count; i++)
            {
                var field = $"scores[{i}]";
                if (scores[i] is not { } score)
                {
                    errors.Add(field, "This field is required.");
                    continue;
                }

                var criterion = call.Criteria.FirstOrDefault(c => c.Code == score.Criterion);
                if (criterion is null)
                {
                    errors.Add($"{field}.criterion", $"Use one of the call's criteria: {string.Join(", ", call.Criteria.Select(c => c.Code))}.");
                }
                else if (card.Any(c => c.Criterion == criterion.Code))
                {
                    errors.Add($"{field}.criterion", $"'{criterion.Code}' is scored twice.");
                }

                if (score.Score is null)
                {
                    errors.Add($"{field}.score", "This field is required.");
                }
                else if (criterion is not null && (score.Score < 0 || score.Score > criterion.MaxScore))
                {
                    errors.Add($"{field}.score", $"From 0 to {criterion.MaxScore}.");
                }

                errors.Required(score.Comment, $"{field}.comment", MaxCommentLength);
                if (criterion is not null && score.Score is not null && !string.IsNullOrWhiteSpace(score.Comment) && card.All(c => c.Criterion != criterion.Code))
                {
                    card.Add(new CriterionScore(criterion.Code, score.Score.Value, score.Comment.Trim()));
                }
            }

            var missing = call.Criteria.Where(c => scores.All(s => s?.Criterion != c.Code)).Select(c => c.Code).ToList();
            if (missing.Count > 0)
            {
                errors.Add("scores", $"Not scored: {string.Join(", ", missing)}.");
            }
        }

        errors.ThrowIfAny();
        Scores = [.. call.Criteria.Select(c => card.Single(s => s.Criterion == c.Code))];
        WeightedTotal = call.WeightedTotal(Scores);
        ScoredAt = now;
    }
}

/// <summary>A score as an evaluator sends it.</summary>
public sealed record ScoreInput(string? Criterion, int? Score, string? Comment);
