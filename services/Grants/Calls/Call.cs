using Platform.Grants.Funding;

namespace Platform.Grants.Calls;

/// <summary>
/// A call for proposals: who may apply, where, for how much, until when, and how applications are scored.
/// It also keeps the running sum of its awards, so the envelope is never over-committed.
/// </summary>
public sealed class Call
{
    private Call() { }

    public Guid Id { get; private set; }

    public LocalizedText Title { get; private set; } = null!;

    public LocalizedText Description { get; private set; } = null!;

    public TargetGroup TargetGroup { get; private set; }

    public List<string> EligibleMunicipalities { get; private set; } = [];

    public string Currency { get; private set; } = "";

    public decimal Envelope { get; private set; }

    public decimal MinimumAward { get; private set; }

    public decimal MaximumAward { get; private set; }

    /// <summary>The least share of the project's whole cost (requested + co-funding) the applicant brings: 0.1 is 10%.</summary>
    public decimal CoFundingShare { get; private set; }

    public DateTimeOffset OpensAt { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public List<EvaluationCriterion> Criteria { get; private set; } = [];

    public bool RequiresAssessment { get; private set; }

    /// <summary>How many evaluators' scores every eligible application needs before the call can be awarded.</summary>
    public int RequiredScores { get; private set; }

    public CallStatus Status { get; private set; }

    /// <summary>The sum of the awards made from the envelope; never more than <see cref="Envelope"/>.</summary>
    public decimal AwardedAmount { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public decimal RemainingEnvelope => Envelope - AwardedAmount;

    public static Call Draft(CallDetails details, DateTimeOffset now)
    {
        var call = new Call { Id = Guid.CreateVersion7(now), Status = CallStatus.Draft, CreatedAt = now };
        call.Take(details, now);
        return call;
    }

    /// <summary>Only a draft can be rewritten: applicants rely on an open call's terms.</summary>
    public void Update(CallDetails details, DateTimeOffset now)
    {
        Require(CallStatus.Draft, "change its terms");
        Take(details, now);
    }

    /// <summary>Publishes the call; it accepts submissions from <see cref="OpensAt"/> until <see cref="Deadline"/>.</summary>
    public CallOpened Open(DateTimeOffset now)
    {
        Require(CallStatus.Draft, "open it");
        if (Deadline <= now)
        {
            throw new RuleViolationException("deadline-passed", $"The deadline {Deadline:u} has passed; set a later one before opening the call.");
        }

        Status = CallStatus.Open;
        UpdatedAt = now;
        return new CallOpened(Id, Title.Values, TargetGroup, EligibleMunicipalities, Envelope, Currency, OpensAt, Deadline) { OccurredAt = now };
    }

    /// <summary>Whether an application can be submitted now, by the server's clock: open, opened and before the deadline.</summary>
    public void EnsureAcceptsSubmissions(DateTimeOffset now)
    {
        if (Status != CallStatus.Open)
        {
            throw new RuleViolationException("call-not-open", $"The call is {Status}; applications are submitted only while it is open.");
        }

        if (now < OpensAt)
        {
            throw new RuleViolationException("call-not-yet-open", $"The call accepts submissions from {OpensAt:u}.");
        }

        if (now >= Deadline)
        {
            throw new RuleViolationException("deadline-passed", $"The deadline {Deadline:u} has passed.");
        }
    }

    /// <summary>Drafts can be started and edited while the call is open, even before it accepts submissions.</summary>
    public void EnsureAcceptsDrafts(DateTimeOffset now)
    {
        if (Status != CallStatus.Open || now >= Deadline)
        {
            throw new RuleViolationException("call-not-open", "The call is not open for applications.");
        }
    }

    public void Close(DateTimeOffset now)
    {
        Require(CallStatus.Open, "close it for submissions");
        Status = CallStatus.Closed;
        UpdatedAt = now;
    }

    /// <summary>Ends the evaluation; <paramref name="unscored"/> are eligible applications still short of scores.</summary>
    public void CompleteEvaluation(IReadOnlyCollection<Guid> unscored, DateTimeOffset now)
    {
        Require(CallStatus.Closed, "complete its evaluation");
        if (unscored.Count > 0)
        {
            throw new RuleViolationException(
                "scores-missing",
                $"{unscored.Count} eligible application(s) have fewer than {RequiredScores} score(s): {string.Join(", ", unscored)}.");
        }

        Status = CallStatus.Evaluated;
        UpdatedAt = now;
    }

    /// <summary>
    /// Commits <paramref name="amount"/> of the envelope to an award. Callers hold a lock on the call's row, so two
    /// awards at once cannot both see the same remainder.
    /// </summary>
    public void Commit(decimal amount, DateTimeOffset now)
    {
        if (Status is not (CallStatus.Evaluated or CallStatus.Awarded))
        {
            throw new RuleViolationException("call-not-evaluated", $"The call is {Status}; awards are made once every eligible application is scored and the evaluation is complete.");
        }

        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "An award is more than zero.");
        }

        if (amount > RemainingEnvelope)
        {
            throw new RuleViolationException("envelope-exceeded", $"The envelope has {RemainingEnvelope} {Currency} left; {amount} {Currency} does not fit.");
        }

        AwardedAmount += amount;
        UpdatedAt = now;
    }

    /// <summary>The ranking has been awarded; later awards (from the waiting list) still fit in the envelope.</summary>
    public void MarkAwarded(DateTimeOffset now)
    {
        if (Status is not (CallStatus.Evaluated or CallStatus.Awarded))
        {
            throw new RuleViolationException("call-not-evaluated", $"The call is {Status}; it is awarded after its evaluation is complete.");
        }

        Status = CallStatus.Awarded;
        UpdatedAt = now;
    }

    public void Archive(DateTimeOffset now)
    {
        if (Status is not (CallStatus.Draft or CallStatus.Awarded))
        {
            throw new RuleViolationException("invalid-transition", $"The call is {Status}; only a draft or an awarded call is archived.");
        }

        Status = CallStatus.Archived;
        UpdatedAt = now;
    }

    public bool IsEligibleMunicipality(string? municipality) =>
        municipality is not null && EligibleMunicipalities.Contains(municipality, StringComparer.Ordinal);

    /// <summary>A score card's weighted total, 0-100: each criterion's score as a share of its maximum, times its weight.</summary>
    public decimal WeightedTotal(IReadOnlyList<CriterionScore> scores) =>
        decimal.Round(Criteria.Sum(c => scores.Single(s => s.Criterion == c.Code).Score * (decimal)c.Weight / c.MaxScore), 2);

    public CallDetails Details =>
        new(Title, Description, TargetGroup, EligibleMunicipalities, Currency, Envelope, MinimumAward, MaximumAward, CoFundingShare,
            OpensAt, Deadline, Criteria, RequiresAssessment, RequiredScores);

    private void Require(CallStatus status, string action)
    {
        if (Status != status)
        {
            throw new RuleViolationException("invalid-transition", $"The call is {Status}; only a call that is {status} can {action}.");
        }
    }

    private void Take(CallDetails details, DateTimeOffset now)
    {
        Title = details.Title;
        Description = details.Description;
        TargetGroup = details.TargetGroup;
        EligibleMunicipalities = [.. details.EligibleMunicipalities];
        Currency = details.Currency;
        Envelope = details.Envelope;
        MinimumAward = details.MinimumAward;
        MaximumAward = details.MaximumAward;
        CoFundingShare = details.CoFundingShare;
        OpensAt = details.OpensAt;
        Deadline = details.Deadline;
        Criteria = [.. details.Criteria];
        RequiresAssessment = details.RequiresAssessment;
        RequiredScores = details.RequiredScores;
        UpdatedAt = now;
    }
}

/// <summary>An evaluator's score on one criterion, with the comment that justifies it.</summary>
public sealed record CriterionScore(string Criterion, int Score, string Comment);
