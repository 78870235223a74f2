using System.Globalization;
using Platform.Contracts.Capacity;
using Platform.Contracts.Youth;
using Platform.ServiceDefaults.Organizations;
using Platform.Youth.Cohorts;
using Platform.Contracts.ReferenceData;

namespace Platform.Youth.Internships;

public enum InternshipStatus
{
    Running,
    Completed,
}

/// <summary>
/// An accepted candidate's internship with a national host organisation, with a mentor there. The mentor reports
/// monthly; once every planned month is reported the internship can be completed and the participant graduates.
/// </summary>
public sealed class Internship
{
    public const int MaxMentorLength = 200;
    public const int MaxMonths = 12;

    private Internship() { }

    public Guid Id { get; private set; }

    public Guid ApplicationId { get; private set; }

    /// <summary>The participant: the person's id, the same in every event.</summary>
    public Guid PersonId { get; private set; }

    public Guid CohortId { get; private set; }

    /// <summary>The participant's home municipality (anonymous fact, kept after erasure).</summary>
    public string Municipality { get; private set; } = "";

    public Guid HostOrganizationId { get; private set; }

    public string MentorName { get; private set; } = "";

    public string MentorContact { get; private set; } = "";

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public InternshipStatus Status { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateOnly? CompletedOn { get; private set; }

    public List<CheckIn> CheckIns { get; private set; } = [];

    /// <summary>Every calendar month the internship touches, as <c>yyyy-MM</c>: the mentor reports on each.</summary>
    public IReadOnlyList<string> PlannedMonths => MonthsBetween(StartsOn, EndsOn);

    public IReadOnlyList<string> MissingMonths => [.. PlannedMonths.Except(CheckIns.Select(c => c.Month), StringComparer.Ordinal)];

    /// <summary>
    /// Places an accepted candidate with a national host organisation. The cohort must be running, the internship
    /// must not start before the cohort does, and it must not overlap another internship of the same person.
    /// </summary>
    /// <summary>The mentor at the host: a name and a contact, each at most <see cref="MaxMentorLength"/> characters.</summary>
    public static void ValidateMentor(string? mentorName, string? mentorContact, ValidationErrors errors)
    {
        errors.Required(mentorName, "mentor.name", MaxMentorLength);
        errors.Required(mentorContact, "mentor.contact", MaxMentorLength);
    }

    public static (Internship Internship, InternshipStarted Started) Place(
        Cohort cohort, Application application, OrganizationReplica? host, Guid? hostOrganizationId, string? mentorName, string? mentorContact,
        DateOnly? startsOn, DateOnly? endsOn, IEnumerable<Internship> internshipsOfPerson, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (hostOrganizationId is null)
        {
            errors.Add("hostOrganizationId", "Required: a national organisation from the registry.");
        }
        else if (host is null)
        {
            errors.Add("hostOrganizationId", "Not an organisation known from the registry.");
        }
        else if (host.Type != OrganizationType.NationalOrganization)
        {
            errors.Add("hostOrganizationId", $"Host organisations are national organisations; this one is a {host.Type}.");
        }

        ValidateMentor(mentorName, mentorContact, errors);
        if (startsOn is null)
        {
            errors.Add("startsOn", "Required.");
        }
        else if (startsOn < cohort.StartsOn)
        {
            errors.Add("startsOn", $"The cohort starts on {cohort.StartsOn:yyyy-MM-dd}; no internship starts before.");
        }

        if (endsOn is null)
        {
            errors.Add("endsOn", "Required.");
        }
        else if (startsOn is not null && endsOn <= startsOn)
        {
            errors.Add("endsOn", "After the start.");
        }
        else if (startsOn is not null && MonthsBetween(startsOn.Value, endsOn.Value).Count > MaxMonths)
        {
            errors.Add("endsOn", $"An internship spans at most {MaxMonths} calendar months.");
        }

        errors.ThrowIfAny();
        if (application.CohortId != cohort.Id)
        {
            throw new InvalidOperationException("The application belongs to another cohort.");
        }

        if (application.Status != ApplicationStatus.Accepted)
        {
            throw new RuleViolationException("not-accepted", $"Only an accepted candidate is placed; this application is {application.Status}.");
        }

        if (cohort.Status != CohortStatus.Running)
        {
            throw new RuleViolationException("cohort-not-running", $"The cohort is {cohort.Status}: internships start once it is Running.");
        }

        var others = internshipsOfPerson.ToList();
        if (others.Any(o => o.ApplicationId == application.Id))
        {
            throw new RuleViolationException("already-placed", "This candidate already has an internship in this cohort.");
        }

        if (others.FirstOrDefault(o => o.Overlaps(startsOn!.Value, endsOn!.Value)) is { } overlapping)
        {
            throw new RuleViolationException(
                "internships-overlap",
                $"The person has another internship from {overlapping.StartsOn:yyyy-MM-dd} to {overlapping.EndsOn:yyyy-MM-dd}; internships of one person do not overlap.");
        }

        var internship = new Internship
        {
            Id = Guid.CreateVersion7(now),
            ApplicationId = application.Id,
            PersonId = application.PersonId,
            CohortId = cohort.Id,
            Municipality = application.Municipality,
            HostOrganizationId = host!.Id,
            MentorName = mentorName!.Trim(),
            MentorContact = mentorContact!.Trim(),
            StartsOn = startsOn!.Value,
            EndsOn = endsOn!.Value,
            Status = InternshipStatus.Running,
            StartedAt = now,
        };
        application.Placed(now);
        return (internship, new InternshipStarted(
            internship.Id, internship.PersonId, internship.CohortId, internship.Municipality, internship.HostOrganizationId, internship.StartsOn, internship.EndsOn)
        { OccurredAt = now });
    }

    /// <summary>Both ends inclusive.</summary>
    public bool Overlaps(DateOnly startsOn, DateOnly endsOn) => StartsOn <= endsOn && startsOn <= EndsOn;

    /// <summary>
    /// The mentor's report on one month of the internship (recorded by the Youth team): a month the internship
    /// covers, that has begun, once.
    /// </summary>
    public CheckIn RecordCheckIn(string? month, string? tasks, decimal? hours, IReadOnlyList<string?>? competencies, string? concerns, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        DateOnly firstDay = default;
        if (string.IsNullOrWhiteSpace(month) || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out firstDay))
        {
            errors.Add("month", "A month as yyyy-MM.");
        }
        else if (!PlannedMonths.Contains(month, StringComparer.Ordinal))
        {
            errors.Add("month", $"The internship covers {PlannedMonths[0]} to {PlannedMonths[^1]}.");
        }

        errors.Required(tasks, "tasks", CheckIn.MaxTextLength);
        if (hours is null or < 0 or > 744)
        {
            errors.Add("hours", "Hours worked in the month: 0 to 744.");
        }

        if (competencies is not null)
        {
            if (competencies.Count > 20)
            {
                errors.Add("competencies", "At most 20.");
            }

            for (var i = 0; i < competencies.Count; i++)
            {
                errors.Required(competencies[i], $"competencies[{i}]", CheckIn.MaxCompetencyLength);
            }
        }

        errors.MaxLength(concerns, "concerns", CheckIn.MaxTextLength);
        errors.ThrowIfAny();
        if (Status != InternshipStatus.Running)
        {
            throw new RuleViolationException("internship-not-running", $"The internship is {Status}; check-ins are recorded while it runs.");
        }

        if (firstDay > today)
        {
            throw new RuleViolationException("month-not-begun", $"{month} has not begun; a month is reported once it has.");
        }

        if (CheckIns.Any(c => c.Month == month))
        {
            throw new RuleViolationException("month-reported", $"{month} was already reported.");
        }

        var checkIn = new CheckIn(Id, month!, tasks!.Trim(), hours!.Value, [.. (competencies ?? []).Select(c => c!.Trim())],
            string.IsNullOrWhiteSpace(concerns) ? null : concerns.Trim(), now);
        CheckIns.Add(checkIn);
        return checkIn;
    }

    /// <summary>Completes the internship once every planned month is reported; the participant graduates.</summary>
    public ParticipantGraduated Complete(Application application, DateOnly today, DateTimeOffset now)
    {
        if (Status != InternshipStatus.Running)
        {
            throw new RuleViolationException("internship-not-running", $"The internship is {Status}.");
        }

        if (MissingMonths is { Count: > 0 } missing)
        {
            throw new RuleViolationException("check-ins-missing", $"Completion needs a check-in for every planned month; missing: {string.Join(", ", missing)}.");
        }

        Status = InternshipStatus.Completed;
        CompletedOn = today;
        application.Graduated(today);
        return new ParticipantGraduated(PersonId, CohortId, Municipality, HostOrganizationId, today) { OccurredAt = now };
    }

    public void EraseFreeText()
    {
        foreach (var checkIn in CheckIns)
        {
            checkIn.EraseFreeText();
        }
    }

    public static IReadOnlyList<string> MonthsBetween(DateOnly from, DateOnly to)
    {
        var months = new List<string>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            months.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        }

        return months;
    }
}

/// <summary>A mentor's monthly report: what the participant did, how long, what they learned, any concerns.</summary>
public sealed class CheckIn
{
    public const int MaxTextLength = 2000;
    public const int MaxCompetencyLength = 100;

    private CheckIn() { }

    internal CheckIn(Guid internshipId, string month, string tasks, decimal hours, List<string> competencies, string? concerns, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        InternshipId = internshipId;
        Month = month;
        Tasks = tasks;
        Hours = hours;
        Competencies = competencies;
        Concerns = concerns;
        RecordedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid InternshipId { get; private set; }

    /// <summary><c>yyyy-MM</c>.</summary>
    public string Month { get; private set; } = "";

    /// <summary>Free text about the person: erased with their data.</summary>
    public string? Tasks { get; private set; }

    public decimal Hours { get; private set; }

    public List<string> Competencies { get; private set; } = [];

    public string? Concerns { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    internal void EraseFreeText()
    {
        Tasks = null;
        Competencies = [];
        Concerns = null;
    }
}
