using Platform.Capacity.Assessments;
using Platform.Capacity.Instruments;

namespace Platform.Capacity.ActionPlans;

public enum ActionStatus
{
    Planned,
    InProgress,
    Done,
    Dropped,
}

/// <summary>The support an action needs from the programme.</summary>
public static class SupportKinds
{
    public const string Training = "training";
    public const string Mentoring = "mentoring";
    public const string SmallGrant = "small-grant";

    public static readonly IReadOnlyList<string> All = [Training, Mentoring, SmallGrant];
}

/// <summary>
/// One item of an organisation's action plan: what it will do about a weak sub-area (scored 1 or 2 in the
/// assessment's latest validated revision), who owns it, by when, and with what support. Planned, in progress, then
/// done (with evidence) or dropped (with a reason); an open action past its due day is overdue.
/// </summary>
public sealed class ImprovementAction
{
    public const int MaxTextLength = 2000;
    public const int MaxOwnerLength = 200;
    public const int MaxEvidence = 20;
    public const int MaxEvidenceLength = 500;

    private ImprovementAction() { }

    public Guid Id { get; private set; }

    public Guid AssessmentId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public string Municipality { get; private set; } = "";

    public string Domain { get; private set; } = "";

    public string SubArea { get; private set; } = "";

    /// <summary>The level the sub-area had when the action was planned.</summary>
    public int Level { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>Who in the organisation is responsible: a role (finance officer) rather than a name.</summary>
    public string Owner { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    public List<string> Support { get; private set; } = [];

    public ActionStatus Status { get; private set; }

    public string? DropReason { get; private set; }

    public List<string> Evidence { get; private set; } = [];

    public DateOnly? DoneOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public bool IsOpen => Status is ActionStatus.Planned or ActionStatus.InProgress;

    public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;

    public static ImprovementAction Plan(
        Assessment assessment, Instrument instrument, string? subArea, string? description, string? owner, DateOnly? dueOn, IReadOnlyList<string?>? support,
        DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.Required(subArea, "subArea", 100);
        errors.Required(description, "description", MaxTextLength);
        errors.Required(owner, "owner", MaxOwnerLength);
        if (dueOn is null)
        {
            errors.Add("dueOn", "Required: the day the action is due (yyyy-MM-dd).");
        }

        for (var i = 0; i < (support?.Count ?? 0); i++)
        {
            if (support![i] is null || !SupportKinds.All.Contains(support[i]!, StringComparer.Ordinal))
            {
                errors.Add($"support[{i}]", $"Use one of {string.Join(", ", SupportKinds.All)}.");
            }
        }

        errors.ThrowIfAny();
        if (instrument.Id != assessment.InstrumentId)
        {
            throw new InvalidOperationException("An action follows the instrument version the assessment was made with.");
        }

        if (assessment.LatestValidated is not { } validated)
        {
            throw new RuleViolationException("assessment-not-validated", "An action plan follows a validated assessment.");
        }

        if (validated.Scores.FirstOrDefault(s => s.SubArea == subArea) is not { } score)
        {
            throw new DomainValidationException(new Dictionary<string, string[]> { ["subArea"] = ["Not a sub-area scored in this assessment."] });
        }

        if (score.Level > 2)
        {
            throw new RuleViolationException("sub-area-not-weak", $"{subArea} scored {score.Level}; actions are planned for sub-areas scored 1 or 2.");
        }

        return new ImprovementAction
        {
            Id = Guid.CreateVersion7(now),
            AssessmentId = assessment.Id,
            OrganizationId = assessment.OrganizationId,
            Municipality = assessment.Municipality,
            Domain = instrument.DomainOf(subArea!)?.Code ?? "",
            SubArea = subArea!,
            Level = score.Level,
            Description = description!.Trim(),
            Owner = owner!.Trim(),
            DueOn = dueOn!.Value,
            Support = [.. (support ?? []).Select(s => s!).Distinct().Order(StringComparer.Ordinal)],
            Status = ActionStatus.Planned,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public void Start(DateTimeOffset now)
    {
        if (Status != ActionStatus.Planned)
        {
            throw new RuleViolationException("action-not-planned", $"The action is {Status}; only a planned action is started.");
        }

        Status = ActionStatus.InProgress;
        UpdatedAt = now;
    }

    /// <summary>Done, with the evidence that shows it.</summary>
    public void Complete(IReadOnlyList<string?>? evidence, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (evidence is null || evidence.Count == 0 || evidence.Count > MaxEvidence)
        {
            errors.Add("evidence", $"Between 1 and {MaxEvidence} references to what shows the action is done.");
        }

        for (var i = 0; i < (evidence?.Count ?? 0); i++)
        {
            errors.Required(evidence![i], $"evidence[{i}]", MaxEvidenceLength);
        }

        errors.ThrowIfAny();
        EnsureOpen();
        Status = ActionStatus.Done;
        Evidence = [.. evidence!.Select(e => e!.Trim())];
        DoneOn = today;
        UpdatedAt = now;
    }

    public void Drop(string? reason, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.Required(reason, "reason", MaxTextLength);
        errors.ThrowIfAny();
        EnsureOpen();
        Status = ActionStatus.Dropped;
        DropReason = reason!.Trim();
        UpdatedAt = now;
    }

    private void EnsureOpen()
    {
        if (!IsOpen)
        {
            throw new RuleViolationException("action-closed", $"The action is {Status.ToString().ToLowerInvariant()}; it no longer changes.");
        }
    }
}
