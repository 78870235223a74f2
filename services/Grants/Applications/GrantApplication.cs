using Platform.Grants.Calls;
using Platform.Grants.Funding;

namespace Platform.Grants.Applications;

/// <summary>
/// Who applies: an organisation of the registry, or (to a graduate call) a graduate of the Young Professionals
/// Program by their participant id. Exactly one is set; it comes from the applicant's access token.
/// </summary>
public readonly record struct Applicant(Guid? OrganizationId, Guid? ParticipantId);

/// <summary>An application to a call for proposals, from draft to the award decision.</summary>
public sealed class GrantApplication
{
    private GrantApplication() { }

    public Guid Id { get; private set; }

    public Guid CallId { get; private set; }

    public Guid? OrganizationId { get; private set; }

    public Guid? ParticipantId { get; private set; }

    /// <summary>The token subject of the person or client that created the draft.</summary>
    public string CreatedBy { get; private set; } = "";

    public string ProjectTitle { get; private set; } = "";

    public string Summary { get; private set; } = "";

    public string Municipality { get; private set; } = "";

    public decimal RequestedAmount { get; private set; }

    public decimal CoFunding { get; private set; }

    public string Currency { get; private set; } = "";

    public List<BudgetLine> BudgetLines { get; private set; } = [];

    public ApplicationStatus Status { get; private set; }

    /// <summary>Decided at submission by the call's rules; <c>null</c> while a draft.</summary>
    public bool? Eligible { get; private set; }

    public List<EligibilityFailure> EligibilityFailures { get; private set; } = [];

    /// <summary>Why the application was put on the waiting list or rejected.</summary>
    public string? DecisionReason { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Applicant Applicant => new(OrganizationId, ParticipantId);

    public ApplicationDetails Details => new(ProjectTitle, Summary, Municipality, RequestedAmount, CoFunding, BudgetLines);

    /// <summary>An eligible application that is still in the running (not withdrawn): it needs scores and a decision.</summary>
    public bool InCompetition => Eligible == true && Status is ApplicationStatus.Submitted or ApplicationStatus.Awarded or ApplicationStatus.WaitingList;

    public static GrantApplication Start(Call call, Applicant applicant, string createdBy, ApplicationDetails details, DateTimeOffset now)
    {
        if (applicant.OrganizationId is null == applicant.ParticipantId is null)
        {
            throw new ArgumentException("An application is made for exactly one organisation or one graduate.", nameof(applicant));
        }

        call.EnsureAcceptsDrafts(now);
        var application = new GrantApplication
        {
            Id = Guid.CreateVersion7(now),
            CallId = call.Id,
            OrganizationId = applicant.OrganizationId,
            ParticipantId = applicant.ParticipantId,
            CreatedBy = createdBy,
            Currency = call.Currency,
            Status = ApplicationStatus.Draft,
            CreatedAt = now,
        };
        application.Take(details, now);
        return application;
    }

    public void Update(Call call, ApplicationDetails details, DateTimeOffset now)
    {
        Require(ApplicationStatus.Draft, "be changed");
        call.EnsureAcceptsDrafts(now);
        Take(details, now);
    }

    /// <summary>
    /// Submits the application while the call accepts submissions (by the server's clock) and records whether it
    /// is eligible, with every reason it is not. An ineligible application stays submitted but is never awarded.
    /// </summary>
    public ApplicationSubmitted Submit(Call call, ApplicantFacts facts, DateTimeOffset now)
    {
        Require(ApplicationStatus.Draft, "be submitted");
        call.EnsureAcceptsSubmissions(now);
        var failures = Eligibility.Check(call, Details, facts);
        Eligible = failures.Count == 0;
        EligibilityFailures = [.. failures];
        Status = ApplicationStatus.Submitted;
        SubmittedAt = now;
        UpdatedAt = now;
        return new ApplicationSubmitted(Id, CallId, OrganizationId, ParticipantId, Municipality, RequestedAmount, Currency) { OccurredAt = now };
    }

    /// <summary>The applicant steps back, as long as no award decision was made.</summary>
    public void Withdraw(DateTimeOffset now)
    {
        if (Status is not (ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.WaitingList))
        {
            throw new RuleViolationException("invalid-transition", $"The application is {Status}; it can no longer be withdrawn.");
        }

        Status = ApplicationStatus.Withdrawn;
        UpdatedAt = now;
    }

    /// <summary>Checks that the application can receive an award of <paramref name="amount"/>.</summary>
    public void EnsureAwardable(Call call, decimal amount)
    {
        if (Eligible != true)
        {
            throw new RuleViolationException("not-eligible", "The application is not eligible; it cannot be awarded.");
        }

        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.WaitingList))
        {
            throw new RuleViolationException("invalid-transition", $"The application is {Status}; only a submitted or waiting-listed application is awarded.");
        }

        if (amount > RequestedAmount)
        {
            throw new RuleViolationException("amount-out-of-range", $"The award cannot be more than the requested {RequestedAmount} {Currency}.");
        }

        if (amount < call.MinimumAward)
        {
            throw new RuleViolationException("amount-out-of-range", $"The award cannot be less than the call's minimum, {call.MinimumAward} {Currency}.");
        }
    }

    public void MarkAwarded(DateTimeOffset now)
    {
        Status = ApplicationStatus.Awarded;
        DecisionReason = null;
        UpdatedAt = now;
    }

    public void PlaceOnWaitingList(string reason, DateTimeOffset now)
    {
        Status = ApplicationStatus.WaitingList;
        DecisionReason = reason;
        UpdatedAt = now;
    }

    public void Reject(string reason, DateTimeOffset now)
    {
        if (Status is not (ApplicationStatus.Submitted or ApplicationStatus.WaitingList))
        {
            throw new RuleViolationException("invalid-transition", $"The application is {Status}; it cannot be rejected.");
        }

        Status = ApplicationStatus.Rejected;
        DecisionReason = reason;
        UpdatedAt = now;
    }

    private void Require(ApplicationStatus status, string action)
    {
        if (Status != status)
        {
            throw new RuleViolationException("invalid-transition", $"The application is {Status}; only a {status} application can {action}.");
        }
    }

    private void Take(ApplicationDetails details, DateTimeOffset now)
    {
        ProjectTitle = details.ProjectTitle;
        Summary = details.Summary;
        Municipality = details.Municipality;
        RequestedAmount = details.RequestedAmount;
        CoFunding = details.CoFunding;
        BudgetLines = [.. details.BudgetLines];
        UpdatedAt = now;
    }
}
