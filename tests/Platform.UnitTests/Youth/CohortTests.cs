using Platform.Youth.Cohorts;
using Platform.Contracts.ReferenceData;
using static Platform.UnitTests.Youth.YouthExamples;

namespace Platform.UnitTests.Youth;

public sealed class CohortTests
{
    [Theory]
    [InlineData("2008-04-01", 18, true)]   // 18th birthday on the start day: eligible
    [InlineData("2008-04-02", 17, false)]  // turns 18 the day after the start
    [InlineData("1996-04-02", 29, true)]   // still 29 on the start day
    [InlineData("1996-04-01", 30, false)]  // 30th birthday on the start day: too old
    public void Age_is_taken_on_the_cohorts_start_day_and_the_range_is_inclusive(string birthDate, int age, bool eligible)
    {
        var cohort = Cohort(minAge: 18, maxAge: 29);
        var person = Person(DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(age, person.AgeOn(CohortStart));
        Assert.Equal(eligible, cohort.IneligibilityOf(person).Count == 0);
        if (eligible)
        {
            Assert.Equal(ApplicationStatus.Submitted, cohort.Apply(person, Now).Status);
        }
        else
        {
            var refused = Assert.Throws<DomainValidationException>(() => cohort.Apply(person, Now));
            Assert.Contains($"Aged {age}", Assert.Single(refused.Errors["personId"]), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_leap_day_birthday_counts_on_28_February_in_other_years()
    {
        Assert.Equal(18, Age.On(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 28)));
        Assert.Equal(17, Age.On(new DateOnly(2008, 2, 29), new DateOnly(2026, 2, 27)));
    }

    [Fact]
    public void Someone_from_a_municipality_outside_the_cohort_may_not_apply()
    {
        var cohort = Cohort(municipalities: [Municipality.Marneuli]);

        var refused = Assert.Throws<DomainValidationException>(() => cohort.Apply(Person(municipality: Municipality.Tsalka), Now));

        Assert.Contains("KK-TSALKA", Assert.Single(refused.Errors["personId"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Applications_are_taken_only_while_the_cohort_is_open()
    {
        var cohort = Cohort();
        cohort.StartSelection();

        Assert.Throws<RuleViolationException>(() => cohort.Apply(Person(), Now));
    }

    [Fact]
    public void Places_are_never_over_filled()
    {
        var cohort = Cohort(places: 2);
        var applications = Enumerable.Range(0, 3).Select(_ => cohort.Apply(Person(), Now)).ToList();
        cohort.StartSelection();

        cohort.Decide(applications[0], ApplicationStatus.Accepted, 90, "Excellent", Now);
        cohort.Decide(applications[1], ApplicationStatus.Accepted, 85, "Very good", Now);
        var full = Assert.Throws<RuleViolationException>(() => cohort.Decide(applications[2], ApplicationStatus.Accepted, 80, "Good", Now));

        Assert.Contains("All 2 places", full.Message, StringComparison.Ordinal);
        Assert.Equal(2, cohort.Accepted);
        Assert.Equal(0, cohort.FreePlaces);
        Assert.Equal(ApplicationStatus.Submitted, applications[2].Status);
        // The waiting list takes no place.
        cohort.Decide(applications[2], ApplicationStatus.WaitingList, 80, "Good; no place left", Now);
        Assert.Equal(ApplicationStatus.WaitingList, applications[2].Status);
        Assert.Equal(2, cohort.Accepted);
    }

    [Fact]
    public void A_decision_carries_a_score_and_a_reason()
    {
        var cohort = Cohort();
        var application = cohort.Apply(Person(), Now);
        cohort.StartSelection();

        var invalid = Assert.Throws<DomainValidationException>(() => cohort.Decide(application, ApplicationStatus.Accepted, 101, " ", Now));
        Assert.Equal(["reason", "score"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Throws<DomainValidationException>(() => cohort.Decide(application, ApplicationStatus.Submitted, 50, "back", Now));

        cohort.Decide(application, ApplicationStatus.Rejected, 42.5m, " Weak motivation letter ", Now);
        Assert.Equal(ApplicationStatus.Rejected, application.Status);
        Assert.Equal(42.5m, application.Score);
        Assert.Equal("Weak motivation letter", application.Reason);
        Assert.Equal(Now, application.DecidedAt);
        Assert.Equal(0, cohort.Accepted);
    }

    [Theory]
    [InlineData(ApplicationStatus.Accepted, ApplicationStatus.Rejected)]
    [InlineData(ApplicationStatus.Accepted, ApplicationStatus.WaitingList)]
    [InlineData(ApplicationStatus.Rejected, ApplicationStatus.Accepted)]
    [InlineData(ApplicationStatus.WaitingList, ApplicationStatus.WaitingList)]
    public void Some_decisions_cannot_follow_others(ApplicationStatus first, ApplicationStatus then)
    {
        var cohort = Cohort();
        var application = cohort.Apply(Person(), Now);
        cohort.StartSelection();
        cohort.Decide(application, first, 70, "First decision", Now);

        Assert.Throws<RuleViolationException>(() => cohort.Decide(application, then, 70, "Second decision", Now));
        Assert.Equal(first, application.Status);
    }

    [Fact]
    public void The_waiting_list_moves_up_when_the_team_accepts_from_it()
    {
        var cohort = Cohort(places: 1);
        var waiting = cohort.Apply(Person(), Now);
        cohort.StartSelection();
        cohort.Decide(waiting, ApplicationStatus.WaitingList, 75, "Reserve", Now);

        cohort.Decide(waiting, ApplicationStatus.Accepted, 75, "A place is free", Now);

        Assert.Equal(ApplicationStatus.Accepted, waiting.Status);
        Assert.Equal(1, cohort.Accepted);
    }

    [Fact]
    public void The_cohort_runs_not_before_its_start_day_and_moves_only_forward()
    {
        var cohort = Cohort();
        var late = cohort.Apply(Person(), Now);
        Assert.Throws<RuleViolationException>(() => cohort.Start(CohortStart));
        cohort.StartSelection();
        Assert.Throws<RuleViolationException>(() => cohort.StartSelection());
        Assert.Throws<RuleViolationException>(() => cohort.Start(CohortStart.AddDays(-1)));
        Assert.Throws<RuleViolationException>(() => cohort.Complete());

        cohort.Start(CohortStart);
        Assert.Equal(CohortStatus.Running, cohort.Status);
        cohort.Complete();
        Assert.Equal(CohortStatus.Completed, cohort.Status);
        Assert.Throws<RuleViolationException>(() => cohort.Decide(late, ApplicationStatus.Accepted, 90, "Too late", Now));
        Assert.Equal(ApplicationStatus.Submitted, late.Status);
    }

    [Fact]
    public void A_cohort_is_checked_field_by_field()
    {
        var invalid = Assert.Throws<DomainValidationException>(() => Platform.Youth.Cohorts.Cohort.Open(
            " ", new DateOnly(2026, 3, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 1, 1), 0, ["KK-MARNEULI", "KK-NOWHERE"], 30, 20, Now));

        Assert.Equal(
            ["eligibleMunicipalities[1]", "intakeClosesOn", "maxAge", "name", "places", "startsOn"],
            invalid.Errors.Keys.Order(StringComparer.Ordinal));
    }
}
