using Platform.Youth.People;

namespace Platform.Youth.Cohorts;

public enum ApplicationStatus
{
    Submitted,
    Accepted,
    WaitingList,
    Rejected,
}

/// <summary>
/// A person's application to a cohort: one per person and cohort. It keeps the applicant's gender and home
/// municipality as anonymous facts for the figures, so they stay the same after the person's data is erased.
/// </summary>
public sealed class Application
{
    public const int MaxReasonLength = 1000;

    private Application() { }

    public Guid Id { get; private set; }

    public Guid CohortId { get; private set; }

    /// <summary>The person; also their participant id once accepted (what <c>ParticipantGraduated</c> carries).</summary>
    public Guid PersonId { get; private set; }

    public string Gender { get; private set; } = "";

    public string Municipality { get; private set; } = "";

    public ApplicationStatus Status { get; private set; }

    public decimal? Score { get; private set; }

    /// <summary>Why the team decided as it did: free text about the person, erased with their data.</summary>
    public string? Reason { get; private set; }

    public DateTimeOffset SubmittedAt { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public DateTimeOffset? PlacedAt { get; private set; }

    public DateOnly? GraduatedOn { get; private set; }

    internal static Application Submitted(Cohort cohort, Person person, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        CohortId = cohort.Id,
        PersonId = person.Id,
        Gender = person.Gender!,
        Municipality = person.Municipality,
        Status = ApplicationStatus.Submitted,
        SubmittedAt = now,
    };

    internal void Decided(ApplicationStatus decision, decimal score, string reason, DateTimeOffset now)
    {
        Status = decision;
        Score = score;
        Reason = reason;
        DecidedAt = now;
    }

    internal void Placed(DateTimeOffset now) => PlacedAt ??= now;

    internal void Graduated(DateOnly on) => GraduatedOn = on;

    public void EraseFreeText() => Reason = null;
}
