using Platform.Capacity.Instruments;
using Platform.Contracts.Capacity;

namespace Platform.Capacity.Assessments;

public enum AssessmentStatus
{
    Draft,
    Submitted,
    Validated,
}

/// <summary>
/// A facilitated self-assessment of an organisation with one instrument version: baseline, midline or endline (at
/// most one of each per organisation and instrument). It is scored sub-area by sub-area while a draft, submitted,
/// and validated by the capacity team, which locks it and publishes it. A correction reopens it as the next
/// revision with a reason; every validated revision is kept as it was.
/// </summary>
public sealed class Assessment
{
    public const int MaxJustificationLength = 2000;
    public const int MaxEvidenceLength = 500;
    public const int MaxEvidence = 20;
    public const int MaxReasonLength = 1000;
    public const int MaxPeople = 100;

    private Assessment() { }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    /// <summary>The organisation's type and municipality when the assessment began: what figures group by.</summary>
    public OrganizationType OrganizationType { get; private set; }

    public string Municipality { get; private set; } = "";

    public Guid InstrumentId { get; private set; }

    public string InstrumentCode { get; private set; } = "";

    public int InstrumentVersion { get; private set; }

    public AssessmentKind Kind { get; private set; }

    public AssessmentStatus Status { get; private set; }

    /// <summary>1 until the first correction; each correction counts up.</summary>
    public int Revision { get; private set; }

    /// <summary>Why the current revision was opened (null for the first).</summary>
    public string? CorrectionReason { get; private set; }

    /// <summary>People of Capacity's participant registry who facilitated, and who took part for the organisation.</summary>
    public List<Guid> FacilitatorIds { get; private set; } = [];

    public List<Guid> ParticipantIds { get; private set; } = [];

    public List<SubAreaScore> Scores { get; private set; } = [];

    /// <summary>Every validated revision, oldest first, as it was published.</summary>
    public List<ValidatedRevision> ValidatedRevisions { get; private set; } = [];

    /// <summary>The day of the latest validation; null until first validated.</summary>
    public DateOnly? CompletedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public ValidatedRevision? LatestValidated => ValidatedRevisions.Count == 0 ? null : ValidatedRevisions[^1];

    /// <summary>
    /// Starts an assessment; <paramref name="kindsTaken"/> are the kinds the organisation already has with this
    /// instrument (any version): one of each.
    /// </summary>
    public static Assessment Start(
        Guid organizationId, OrganizationType organizationType, string municipality, Instrument instrument, AssessmentKind kind,
        IReadOnlyCollection<AssessmentKind> kindsTaken, IReadOnlyList<Guid> facilitatorIds, IReadOnlyList<Guid> participantIds, DateTimeOffset now)
    {
        if (kindsTaken.Contains(kind))
        {
            throw new RuleViolationException("assessment-kind-taken",
                $"The organisation already has a {kind.ToString().ToLowerInvariant()} assessment with {instrument.Code}; correct that one instead.");
        }

        return new Assessment
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organizationId,
            OrganizationType = organizationType,
            Municipality = municipality,
            InstrumentId = instrument.Id,
            InstrumentCode = instrument.Code,
            InstrumentVersion = instrument.Version,
            Kind = kind,
            Status = AssessmentStatus.Draft,
            Revision = 1,
            FacilitatorIds = [.. facilitatorIds.Distinct()],
            ParticipantIds = [.. participantIds.Distinct()],
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Records (or replaces) the scores of sub-areas; a 3 or a 4 needs a justification and evidence.</summary>
    public void Score(Instrument instrument, IReadOnlyList<ScoreDraft?>? scores, DateTimeOffset now)
    {
        EnsureInstrument(instrument);
        var errors = new ValidationErrors();
        if (scores is null || scores.Count == 0)
        {
            errors.Add("scores", "At least one sub-area score.");
        }

        var parsed = new List<SubAreaScore>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (scores?.Count ?? 0); i++)
        {
            var field = $"scores[{i}]";
            if (scores![i] is not { } score)
            {
                errors.Add(field, "Required.");
                continue;
            }

            if (score.SubArea is null || instrument.DomainOf(score.SubArea) is null)
            {
                errors.Add($"{field}.subArea", $"Not a sub-area of {instrument.Code} version {instrument.Version}.");
            }
            else if (!seen.Add(score.SubArea))
            {
                errors.Add($"{field}.subArea", "Scored twice in one request.");
            }

            if (score.Level is not (>= 1 and <= Instrument.Levels))
            {
                errors.Add($"{field}.level", "A level from 1 (needs urgent attention) to 4 (strong).");
            }

            errors.MaxLength(score.Justification, $"{field}.justification", MaxJustificationLength);
            var evidence = (score.Evidence ?? []).ToList();
            if (evidence.Count > MaxEvidence)
            {
                errors.Add($"{field}.evidence", $"At most {MaxEvidence} references.");
            }

            for (var e = 0; e < evidence.Count; e++)
            {
                if (string.IsNullOrWhiteSpace(evidence[e]))
                {
                    errors.Add($"{field}.evidence[{e}]", "A reference must not be empty.");
                }
                else
                {
                    errors.MaxLength(evidence[e], $"{field}.evidence[{e}]", MaxEvidenceLength);
                }
            }

            // A strong score is a claim: the OCA asks for what shows it.
            if (score.Level is >= 3 and <= Instrument.Levels)
            {
                if (string.IsNullOrWhiteSpace(score.Justification))
                {
                    errors.Add($"{field}.justification", "Required for a score of 3 or 4.");
                }

                if (evidence.Count == 0)
                {
                    errors.Add($"{field}.evidence", "At least one evidence reference for a score of 3 or 4.");
                }
            }

            if (!errors.Any)
            {
                parsed.Add(new SubAreaScore(score.SubArea!, score.Level!.Value, Blank(score.Justification), [.. evidence.Select(e => e!.Trim())]));
            }
        }

        errors.ThrowIfAny();
        EnsureDraft();
        Scores = [.. Scores.Where(s => !seen.Contains(s.SubArea)).Concat(parsed).OrderBy(s => s.SubArea, StringComparer.Ordinal)];
        UpdatedAt = now;
    }

    /// <summary>Replaces who facilitated and who took part; only while a draft.</summary>
    public void RecordPeople(IReadOnlyList<Guid> facilitatorIds, IReadOnlyList<Guid> participantIds, DateTimeOffset now)
    {
        EnsureDraft();
        FacilitatorIds = [.. facilitatorIds.Distinct()];
        ParticipantIds = [.. participantIds.Distinct()];
        UpdatedAt = now;
    }

    /// <summary>Hands the draft to the capacity team; every sub-area must be scored and a facilitator recorded.</summary>
    public void Submit(Instrument instrument, DateTimeOffset now)
    {
        EnsureInstrument(instrument);
        EnsureDraft();
        var missing = instrument.SubAreas.Select(s => s.Code).Except(Scores.Select(s => s.SubArea), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new RuleViolationException("assessment-incomplete", $"Not yet scored: {string.Join(", ", missing)}.");
        }

        if (FacilitatorIds.Count == 0)
        {
            throw new RuleViolationException("no-facilitator", "A facilitated self-assessment records at least one facilitator.");
        }

        Status = AssessmentStatus.Submitted;
        UpdatedAt = now;
    }

    /// <summary>Sends a submitted assessment back to its draft, for the organisation or facilitator to rework.</summary>
    public void Return(DateTimeOffset now)
    {
        if (Status != AssessmentStatus.Submitted)
        {
            throw new RuleViolationException("assessment-not-submitted", "Only a submitted assessment can be returned to its draft.");
        }

        Status = AssessmentStatus.Draft;
        UpdatedAt = now;
    }

    /// <summary>The capacity team validates: the revision is locked, kept, and published.</summary>
    public CapacityAssessmentCompleted Validate(Instrument instrument, DateOnly today, DateTimeOffset now)
    {
        EnsureInstrument(instrument);
        if (Status != AssessmentStatus.Submitted)
        {
            throw new RuleViolationException(Status == AssessmentStatus.Validated ? "assessment-locked" : "assessment-not-submitted",
                Status == AssessmentStatus.Validated ? "The assessment is validated; a change is a correction." : "Only a submitted assessment can be validated.");
        }

        var domains = Scoring.DomainScores(instrument, Scores);
        var overall = Scoring.Overall(instrument, domains) ?? throw new InvalidOperationException("A submitted assessment is complete.");
        Status = AssessmentStatus.Validated;
        CompletedOn = today;
        UpdatedAt = now;
        ValidatedRevisions = [.. ValidatedRevisions, new ValidatedRevision(Revision, CorrectionReason, [.. Scores], domains, overall, today, now)];
        return new CapacityAssessmentCompleted(Id, OrganizationId, Kind, domains, overall, today)
        {
            OccurredAt = now,
            Instrument = InstrumentCode,
            InstrumentVersion = InstrumentVersion,
            Revision = Revision,
        };
    }

    /// <summary>Opens the next revision of a validated assessment, its scores as they were; the validated one stays kept and counted until the next validation.</summary>
    public void Correct(string? reason, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.Required(reason, "reason", MaxReasonLength);
        errors.ThrowIfAny();
        if (Status != AssessmentStatus.Validated)
        {
            throw new RuleViolationException("assessment-not-validated", "Only a validated assessment is corrected; a draft is simply edited.");
        }

        Revision++;
        CorrectionReason = reason!.Trim();
        Status = AssessmentStatus.Draft;
        UpdatedAt = now;
    }

    private void EnsureDraft()
    {
        if (Status != AssessmentStatus.Draft)
        {
            throw new RuleViolationException("assessment-locked",
                Status == AssessmentStatus.Validated ? "The assessment is validated and locked; a change is a correction (a new revision)." : "The assessment is submitted; it changes only if returned to its draft.");
        }
    }

    private void EnsureInstrument(Instrument instrument)
    {
        if (instrument.Id != InstrumentId)
        {
            throw new InvalidOperationException("An assessment is scored with the instrument version it was made with.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The level of one sub-area, why, and what shows it.</summary>
public sealed record SubAreaScore(string SubArea, int Level, string? Justification, List<string> Evidence);

/// <summary>A validated revision as it was published.</summary>
public sealed record ValidatedRevision(
    int Revision, string? Reason, List<SubAreaScore> Scores, Dictionary<string, decimal> DomainScores, decimal Overall, DateOnly CompletedOn, DateTimeOffset ValidatedAt);

/// <summary>What a client sends to score a sub-area.</summary>
public sealed record ScoreDraft(string? SubArea, int? Level, string? Justification, List<string?>? Evidence);
