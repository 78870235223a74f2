using Platform.Contracts.Capacity;
using Platform.Youth.Cohorts;
using Platform.Contracts.ReferenceData;
using Platform.Youth.Internships;
using static Platform.UnitTests.Youth.YouthExamples;

namespace Platform.UnitTests.Youth;

public sealed class InternshipTests
{
    private static readonly DateOnly April1 = new(2026, 4, 1);
    private static readonly DateOnly June30 = new(2026, 6, 30);

    private static (Internship Internship, Application Application, Cohort Cohort) Placed(DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        var (cohort, accepted) = RunningCohortWith(Person());
        var host = Host();
        var (internship, _) = Internship.Place(cohort, accepted[0], host, host.Id, "Giorgi Kapanadze", "giorgi@psh.gov.ge",
            startsOn ?? April1, endsOn ?? June30, [], Now);
        return (internship, accepted[0], cohort);
    }

    [Fact]
    public void Placing_an_accepted_candidate_starts_the_internship_and_says_so_without_personal_data()
    {
        var person = Person(municipality: Municipality.Bolnisi);
        var (cohort, accepted) = RunningCohortWith(person);
        var host = Host();

        var (internship, started) = Internship.Place(cohort, accepted[0], host, host.Id, " Giorgi Kapanadze ", "giorgi@psh.gov.ge", April1, June30, [], Now);

        Assert.Equal(InternshipStatus.Running, internship.Status);
        Assert.Equal("Giorgi Kapanadze", internship.MentorName);
        Assert.Equal(["2026-04", "2026-05", "2026-06"], internship.PlannedMonths);
        Assert.Equal(Now, accepted[0].PlacedAt);
        Assert.Equal(
            new Platform.Contracts.Youth.InternshipStarted(internship.Id, person.Id, cohort.Id, Municipality.Bolnisi, host.Id, April1, June30)
            { EventId = started.EventId, OccurredAt = Now },
            started);
    }

    [Fact]
    public void The_host_must_be_a_national_organisation_known_from_the_registry()
    {
        var (cohort, accepted) = RunningCohortWith(Person());
        var cso = Host(OrganizationType.Cso);

        var notNational = Assert.Throws<DomainValidationException>(() =>
            Internship.Place(cohort, accepted[0], cso, cso.Id, "Mentor", "mentor@example.ge", April1, June30, [], Now));
        var unknown = Assert.Throws<DomainValidationException>(() =>
            Internship.Place(cohort, accepted[0], null, Guid.NewGuid(), "Mentor", "mentor@example.ge", April1, June30, [], Now));

        Assert.Contains("Cso", Assert.Single(notNational.Errors["hostOrganizationId"]), StringComparison.Ordinal);
        Assert.Contains("registry", Assert.Single(unknown.Errors["hostOrganizationId"]), StringComparison.Ordinal);
    }

    [Fact]
    public void An_internship_does_not_start_before_the_cohort_and_has_a_mentor_and_sensible_dates()
    {
        var (cohort, accepted) = RunningCohortWith(Person());
        var host = Host();

        var invalid = Assert.Throws<DomainValidationException>(() =>
            Internship.Place(cohort, accepted[0], host, host.Id, "", null, CohortStart.AddDays(-1), CohortStart.AddDays(-1), [], Now));
        var tooLong = Assert.Throws<DomainValidationException>(() =>
            Internship.Place(cohort, accepted[0], host, host.Id, "Mentor", "m@example.ge", April1, April1.AddMonths(12), [], Now));

        Assert.Equal(["endsOn", "mentor.contact", "mentor.name", "startsOn"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["endsOn"], tooLong.Errors.Keys);
    }

    [Fact]
    public void Only_an_accepted_candidate_of_a_running_cohort_is_placed()
    {
        var cohort = Cohort();
        var waiting = cohort.Apply(Person(), Now);
        var accepted = cohort.Apply(Person(), Now);
        cohort.StartSelection();
        cohort.Decide(waiting, ApplicationStatus.WaitingList, 60, "Reserve", Now);
        cohort.Decide(accepted, ApplicationStatus.Accepted, 90, "Top", Now);
        var host = Host();

        // Selecting: not running yet.
        Assert.Throws<RuleViolationException>(() => Internship.Place(cohort, accepted, host, host.Id, "Mentor", "m@example.ge", April1, June30, [], Now));
        cohort.Start(CohortStart);
        Assert.Throws<RuleViolationException>(() => Internship.Place(cohort, waiting, host, host.Id, "Mentor", "m@example.ge", April1, June30, [], Now));
        Internship.Place(cohort, accepted, host, host.Id, "Mentor", "m@example.ge", April1, June30, [], Now);
    }

    [Theory]
    [InlineData("2026-07-31", "2026-09-30", false)] // starts on the other's last day
    [InlineData("2026-04-01", "2026-05-01", false)] // ends on the other's first day
    [InlineData("2026-06-01", "2026-06-30", false)] // inside the other
    [InlineData("2026-04-01", "2026-08-31", false)] // around the other
    [InlineData("2026-04-01", "2026-04-30", true)]  // before
    [InlineData("2026-08-01", "2026-10-31", true)]  // the day after the other ends
    public void Internships_of_one_person_do_not_overlap(string startsOn, string endsOn, bool allowed)
    {
        var (existing, _, _) = Placed(new DateOnly(2026, 5, 1), new DateOnly(2026, 7, 31));
        var (cohort, accepted) = RunningCohortWith(Person());
        var host = Host();
        var starts = DateOnly.ParseExact(startsOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var ends = DateOnly.ParseExact(endsOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var place = () => Internship.Place(cohort, accepted[0], host, host.Id, "Mentor", "m@example.ge", starts, ends, [existing], Now);

        if (allowed)
        {
            Assert.Equal(starts, place().Internship.StartsOn);
        }
        else
        {
            Assert.Contains("do not overlap", Assert.Throws<RuleViolationException>(() => place()).Message, StringComparison.Ordinal);
            Assert.Null(accepted[0].PlacedAt);
        }
    }

    [Fact]
    public void A_candidate_has_one_internship_per_cohort()
    {
        var (internship, application, cohort) = Placed();
        var host = Host();

        Assert.Throws<RuleViolationException>(() =>
            Internship.Place(cohort, application, host, host.Id, "Mentor", "m@example.ge", new DateOnly(2026, 9, 1), new DateOnly(2026, 9, 30), [internship], Now));
    }

    [Fact]
    public void Check_ins_are_for_a_month_of_the_internship_that_has_begun_once_each()
    {
        var (internship, _, _) = Placed();
        var today = new DateOnly(2026, 5, 15);

        var invalid = Assert.Throws<DomainValidationException>(() => internship.RecordCheckIn("2026-13", "", -1, [""], null, today, Now));
        Assert.Equal(["competencies[0]", "hours", "month", "tasks"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        var outside = Assert.Throws<DomainValidationException>(() => internship.RecordCheckIn("2026-07", "Tasks", 80, [], null, today, Now));
        Assert.Contains("2026-04 to 2026-06", Assert.Single(outside.Errors["month"]), StringComparison.Ordinal);
        Assert.Throws<RuleViolationException>(() => internship.RecordCheckIn("2026-06", "Not yet", 80, [], null, today, Now));

        var checkIn = internship.RecordCheckIn("2026-05", " Drafted a service map ", 120.5m, ["research", "teamwork"], "Needs a laptop", today, Now);
        Assert.Equal("Drafted a service map", checkIn.Tasks);
        Assert.Equal(120.5m, checkIn.Hours);
        Assert.Throws<RuleViolationException>(() => internship.RecordCheckIn("2026-05", "Again", 10, [], null, today, Now));
        Assert.Equal(["2026-04", "2026-06"], internship.MissingMonths);
    }

    [Fact]
    public void Completion_needs_a_check_in_for_every_planned_month_and_graduates_the_participant()
    {
        var (internship, application, cohort) = Placed();
        var today = new DateOnly(2026, 7, 3);
        internship.RecordCheckIn("2026-04", "Induction", 100, [], null, today, Now);
        internship.RecordCheckIn("2026-06", "Report", 100, [], null, today, Now);

        var missing = Assert.Throws<RuleViolationException>(() => internship.Complete(application, today, Now));
        Assert.Contains("2026-05", missing.Message, StringComparison.Ordinal);
        Assert.Equal(InternshipStatus.Running, internship.Status);
        Assert.Null(application.GraduatedOn);

        internship.RecordCheckIn("2026-05", "Fieldwork", 100, [], null, today, Now);
        var graduated = internship.Complete(application, today, Now);

        Assert.Equal(InternshipStatus.Completed, internship.Status);
        Assert.Equal(today, internship.CompletedOn);
        Assert.Equal(today, application.GraduatedOn);
        Assert.Equal(application.PersonId, graduated.ParticipantId);
        Assert.Equal(cohort.Id, graduated.CohortId);
        Assert.Equal(application.Municipality, graduated.Municipality);
        Assert.Equal(internship.HostOrganizationId, graduated.HostOrganizationId);
        Assert.Equal(today, graduated.GraduatedOn);
        Assert.Throws<RuleViolationException>(() => internship.Complete(application, today, Now));
        Assert.Throws<RuleViolationException>(() => internship.RecordCheckIn("2026-06", "After", 1, [], null, today, Now));
    }

    [Fact]
    public void Planned_months_are_every_calendar_month_the_internship_touches()
    {
        Assert.Equal(["2026-11", "2026-12", "2027-01"], Internship.MonthsBetween(new DateOnly(2026, 11, 30), new DateOnly(2027, 1, 1)));
        Assert.Equal(["2026-04"], Internship.MonthsBetween(new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30)));
    }
}
