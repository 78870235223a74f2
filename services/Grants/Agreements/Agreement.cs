using Platform.Grants.Awards;
using Platform.Grants.Calls;
using Platform.Grants.Funding;

namespace Platform.Grants.Agreements;

public enum AgreementStatus
{
    Active,
    Closed,
}

public enum ReportStatus
{
    Due,
    Submitted,
    Approved,
    Rejected,
}

/// <summary>Where a tranche stands; the reason a payment must wait is part of it.</summary>
public enum TrancheState
{
    Paid,
    Payable,

    /// <summary>The report it depends on is not approved yet.</summary>
    AwaitingReport,

    /// <summary>A report is past its due date and not approved: the next tranche is held.</summary>
    HeldByOverdueReport,
}

/// <summary>A share of the award paid at once; tranche <c>n</c> (n ≥ 2) depends on report <c>n-1</c> being approved.</summary>
public sealed record Tranche(int Number, decimal Percentage, decimal Amount, decimal? PaidAmount = null, DateOnly? PaidOn = null);

/// <summary>
/// The narrative and financial report on the work tranche <see cref="Number"/> paid for; the last one is the final report.
/// </summary>
public sealed record GrantReport(
    int Number,
    DateOnly DueOn,
    ReportStatus Status = ReportStatus.Due,
    string? Narrative = null,
    decimal? Spent = null,
    DateTimeOffset? SubmittedAt = null,
    string? ReviewComment = null,
    DateTimeOffset? ReviewedAt = null);

/// <summary>One tranche of a schedule as the grants team sets it: its percentage and when the report on it is due.</summary>
public sealed record TrancheInput(decimal? Percentage, DateOnly? ReportDueOn);

/// <summary>
/// The agreement an award becomes: the amount paid in tranches (for example 40/40/20), each after the first paid only
/// when the report before it is approved and on time; closed after the final report is approved.
/// </summary>
public sealed class Agreement
{
    public const int MaxNarrativeLength = 8000;

    private Agreement() { }

    public Guid Id { get; private set; }

    public Guid AwardId { get; private set; }

    public Guid CallId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public Guid? ParticipantId { get; private set; }

    public TargetGroup TargetGroup { get; private set; }

    public string Municipality { get; private set; } = "";

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "";

    public DateOnly SignedOn { get; private set; }

    public AgreementStatus Status { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public List<Tranche> Tranches { get; private set; } = [];

    public List<GrantReport> Reports { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public decimal PaidAmount => Tranches.Sum(t => t.PaidAmount ?? 0);

    /// <summary>Makes the agreement; the tranche percentages must sum to 100 and the report due dates follow each other.</summary>
    public static Agreement Sign(
        Award award, Call call, Guid? organizationId, Guid? participantId, string municipality,
        DateOnly? signedOn, IReadOnlyList<TrancheInput?>? schedule, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var valid = ReadSchedule(signedOn, schedule, errors);
        errors.ThrowIfAny();

        var agreement = new Agreement
        {
            Id = Guid.CreateVersion7(now),
            AwardId = award.Id,
            CallId = call.Id,
            ApplicationId = award.ApplicationId,
            OrganizationId = organizationId,
            ParticipantId = participantId,
            TargetGroup = call.TargetGroup,
            Municipality = municipality,
            Amount = award.Amount,
            Currency = award.Currency,
            SignedOn = signedOn!.Value,
            Status = AgreementStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        agreement.Tranches = Split(award.Amount, valid.Select(t => t.Percentage).ToList());
        agreement.Reports = valid.Select((t, i) => new GrantReport(i + 1, t.DueOn)).ToList();
        return agreement;
    }

    /// <summary>
    /// The signing date and tranche schedule as given, checked on their own (percentages summing to 100, report dates
    /// in order after the signing); problems go to <paramref name="errors"/>, so they are reported with any other.
    /// </summary>
    public static List<(decimal Percentage, DateOnly DueOn)> ReadSchedule(DateOnly? signedOn, IReadOnlyList<TrancheInput?>? schedule, ValidationErrors errors)
    {
        if (signedOn is null)
        {
            errors.Add("signedOn", "This field is required.");
        }

        var valid = new List<(decimal Percentage, DateOnly DueOn)>();
        if (schedule is null || schedule.Count == 0)
        {
            errors.Add("tranches", "Give the tranche schedule, for example 40/40/20.");
        }
        else if (schedule.Count > 12)
        {
            errors.Add("tranches", "At most 12 tranches.");
        }
        else
        {
            for (var i = 0; i < schedule.Count; i++)
            {
                var field = $"tranches[{i}]";
                if (schedule[i] is not { } tranche)
                {
                    errors.Add(field, "This field is required.");
                    continue;
                }

                var ok = true;
                if (tranche.Percentage is null or <= 0 or > 100 || decimal.Round(tranche.Percentage.Value, 2) != tranche.Percentage)
                {
                    errors.Add($"{field}.percentage", "A percentage more than 0 and at most 100, with at most two decimals.");
                    ok = false;
                }

                if (tranche.ReportDueOn is null)
                {
                    errors.Add($"{field}.reportDueOn", "Required: when the report on this tranche is due.");
                    ok = false;
                }
                else if (signedOn is not null && tranche.ReportDueOn <= signedOn)
                {
                    errors.Add($"{field}.reportDueOn", "Must be after the signing.");
                    ok = false;
                }
                else if (valid.Count > 0 && tranche.ReportDueOn <= valid[^1].DueOn)
                {
                    errors.Add($"{field}.reportDueOn", "Must be after the previous report's due date.");
                    ok = false;
                }

                if (ok)
                {
                    valid.Add((tranche.Percentage!.Value, tranche.ReportDueOn!.Value));
                }
            }

            if (valid.Count == schedule.Count && valid.Sum(t => t.Percentage) is var sum && sum != 100)
            {
                errors.Add("tranches", $"The percentages sum to {sum}; they must sum to 100.");
            }
        }

        return valid;
    }

    /// <summary>Each tranche's amount rounded to cents; the last takes the remainder, so the tranches sum to the award exactly.</summary>
    public static List<Tranche> Split(decimal amount, IReadOnlyList<decimal> percentages)
    {
        var tranches = new List<Tranche>();
        for (var i = 0; i < percentages.Count; i++)
        {
            var share = i == percentages.Count - 1
                ? amount - tranches.Sum(t => t.Amount)
                : decimal.Round(amount * percentages[i] / 100, 2, MidpointRounding.ToZero);
            tranches.Add(new Tranche(i + 1, percentages[i], share));
        }

        return tranches;
    }

    /// <summary>Whether tranche <paramref name="number"/> may be paid on <paramref name="today"/>, and if not, why.</summary>
    public (TrancheState State, string? Reason) StateOf(int number, DateOnly today)
    {
        var tranche = TrancheNumbered(number);
        if (tranche.PaidOn is not null)
        {
            return (TrancheState.Paid, null);
        }

        if (Status == AgreementStatus.Closed)
        {
            return (TrancheState.AwaitingReport, "The agreement is closed.");
        }

        if (number > 1 && TrancheNumbered(number - 1).PaidOn is null)
        {
            return (TrancheState.AwaitingReport, $"Tranche {number - 1} is not paid yet.");
        }

        // Any report past its due date and not approved holds the next tranche, whichever tranche that is.
        if (Reports.FirstOrDefault(r => r.Number < number && r.Status != ReportStatus.Approved && r.DueOn < today) is { } overdue)
        {
            return (TrancheState.HeldByOverdueReport, $"Report {overdue.Number} was due on {overdue.DueOn:yyyy-MM-dd} and is not approved: the tranche is held.");
        }

        if (number > 1 && ReportNumbered(number - 1).Status != ReportStatus.Approved)
        {
            return (TrancheState.AwaitingReport, $"Tranche {number} is paid once report {number - 1} is approved.");
        }

        return (TrancheState.Payable, null);
    }

    /// <summary>Records the payment of a tranche: never more than the tranche, so never more than the award.</summary>
    public TranchePaid Pay(int number, decimal? amount, string? currency, DateOnly? paidOn, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var amountValid = Money.ValidatePositive(amount, "amount", errors);
        Money.ValidateCurrency(currency, Currency, "currency", errors);
        if (paidOn is null)
        {
            errors.Add("paidOn", "This field is required.");
        }
        else if (paidOn < SignedOn)
        {
            errors.Add("paidOn", "Must not be before the agreement was signed.");
        }

        var tranche = TrancheNumbered(number);
        if (amountValid && amount > tranche.Amount)
        {
            errors.Add("amount", $"Tranche {number} is {tranche.Amount} {Currency}; no more can be paid on it.");
        }

        errors.ThrowIfAny();

        var (state, reason) = StateOf(number, paidOn!.Value);
        if (state != TrancheState.Payable)
        {
            throw new RuleViolationException(state == TrancheState.Paid ? "tranche-paid" : state == TrancheState.HeldByOverdueReport ? "report-overdue" : "report-not-approved",
                reason ?? $"Tranche {number} is already paid.");
        }

        Tranches[number - 1] = tranche with { PaidAmount = amount, PaidOn = paidOn };
        UpdatedAt = now;
        return new TranchePaid(Id, AwardId, number, amount!.Value, Currency, paidOn.Value, Municipality) { OccurredAt = now };
    }

    /// <summary>The grantee submits (or, after a rejection, resubmits) the report on a paid tranche.</summary>
    public void SubmitReport(int number, string? narrative, decimal? spent, string? currency, DateTimeOffset now)
    {
        EnsureActive();
        var report = ReportNumbered(number);
        var errors = new ValidationErrors();
        errors.Required(narrative, "narrative", MaxNarrativeLength);
        Money.ValidatePositive(spent, "spent", errors, allowZero: true);
        Money.ValidateCurrency(currency, Currency, "currency", errors);
        errors.ThrowIfAny();

        if (TrancheNumbered(number).PaidOn is null)
        {
            throw new RuleViolationException("tranche-not-paid", $"Report {number} is on tranche {number}, which is not paid yet.");
        }

        if (report.Status is not (ReportStatus.Due or ReportStatus.Rejected))
        {
            throw new RuleViolationException("invalid-transition", $"Report {number} is {report.Status}.");
        }

        Reports[number - 1] = report with { Status = ReportStatus.Submitted, Narrative = narrative!.Trim(), Spent = spent, SubmittedAt = now, ReviewComment = null, ReviewedAt = null };
        UpdatedAt = now;
    }

    public void ReviewReport(int number, bool approve, string? comment, DateTimeOffset now)
    {
        EnsureActive();
        var report = ReportNumbered(number);
        if (!approve)
        {
            var errors = new ValidationErrors();
            errors.Required(comment, "reason", 2000);
            errors.ThrowIfAny();
        }

        if (report.Status != ReportStatus.Submitted)
        {
            throw new RuleViolationException("invalid-transition", $"Report {number} is {report.Status}; only a submitted report is reviewed.");
        }

        Reports[number - 1] = report with { Status = approve ? ReportStatus.Approved : ReportStatus.Rejected, ReviewComment = comment?.Trim(), ReviewedAt = now };
        UpdatedAt = now;
    }

    /// <summary>Closes the agreement once the final report is approved; what was paid in all goes with the event.</summary>
    public GrantClosed Close(DateTimeOffset now)
    {
        EnsureActive();
        var final = Reports[^1];
        if (final.Status != ReportStatus.Approved)
        {
            throw new RuleViolationException("final-report-not-approved", $"The final report (report {final.Number}) is {final.Status}; an agreement is closed after it is approved.");
        }

        Status = AgreementStatus.Closed;
        ClosedOn = DateOnly.FromDateTime(now.UtcDateTime);
        UpdatedAt = now;
        return new GrantClosed(Id, AwardId, CallId, PaidAmount, Currency, ClosedOn.Value) { OccurredAt = now };
    }

    public bool HasTranche(int number) => number >= 1 && number <= Tranches.Count;

    private Tranche TrancheNumbered(int number) =>
        HasTranche(number) ? Tranches[number - 1] : throw new ArgumentOutOfRangeException(nameof(number), number, "No such tranche.");

    private GrantReport ReportNumbered(int number) =>
        number >= 1 && number <= Reports.Count ? Reports[number - 1] : throw new ArgumentOutOfRangeException(nameof(number), number, "No such report.");

    private void EnsureActive()
    {
        if (Status != AgreementStatus.Active)
        {
            throw new RuleViolationException("agreement-closed", "The agreement is closed.");
        }
    }
}
