using Platform.Contracts.Capacity;
using Platform.Contracts.Grants;
using Platform.Contracts.ReferenceData;
using Platform.Contracts.Youth;
using Platform.Media.Results;

namespace Platform.UnitTests.Results;

public sealed class IndicatorFormulaTests
{
    private static readonly DateTimeOffset Recorded = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<Guid, OrganizationFacts> NoOrganizations = [];

    private static Fact Camp(string municipality, DateOnly endsOn, Dictionary<string, int> byGender, DateTimeOffset? recorded = null) =>
        Fact.From(new CampHeld(Guid.NewGuid(), CampAudience.Youth, municipality, endsOn.AddDays(-2), endsOn, byGender.Values.Sum(), byGender,
            new Dictionary<string, int> { [Age.From18To24] = byGender.Values.Sum() }), recorded ?? Recorded);

    private static Fact Assessment(Guid organization, AssessmentKind kind, decimal overall, DateOnly on, Guid? assessment = null, int revision = 1) =>
        Fact.From(new CapacityAssessmentCompleted(assessment ?? Guid.NewGuid(), organization, kind, new Dictionary<string, decimal> { ["governance"] = overall }, overall, on)
            { Revision = revision }, Recorded);

    private static Indicator Indicator(string code) => ProgrammeFramework.Find(code)!;

    private static ResultsCalculator Calculator(IEnumerable<Fact> facts, Dictionary<Guid, OrganizationFacts>? organizations = null,
        Dictionary<string, DateTimeOffset>? locks = null) =>
        new([.. facts], organizations ?? NoOrganizations, locks ?? []);

    [Fact]
    public void The_framework_has_at_least_ten_indicators_across_the_three_results_each_with_a_baseline_and_a_target_for_every_programme_year()
    {
        Assert.Equal(["R1", "R2", "R3"], ProgrammeFramework.Results.Select(r => r.Code));
        Assert.All(ProgrammeFramework.Results, r => Assert.NotEmpty(r.Indicators));
        Assert.True(ProgrammeFramework.Indicators.Count() >= 10);
        Assert.All(ProgrammeFramework.Indicators, i =>
        {
            Assert.Equal([2025, 2026, 2027, 2028], i.Targets.Keys.Order());
            Assert.Equal(new DateOnly(2025, 1, 1), i.Baseline.On);
            Assert.All(Language.All, l => Assert.False(string.IsNullOrWhiteSpace(i.Title[l])));
        });
        Assert.Equal(ProgrammeFramework.Indicators.Count(), ProgrammeFramework.Indicators.Select(i => i.Code).Distinct().Count());
    }

    [Fact]
    public void A_percent_is_its_numerator_over_its_denominator_and_has_no_value_without_a_denominator()
    {
        var improved = Guid.NewGuid();
        var unchanged = Guid.NewGuid();
        var notYetReassessed = Guid.NewGuid();
        var facts = new[]
        {
            Assessment(improved, AssessmentKind.Baseline, 1.5m, new(2025, 2, 1)), Assessment(improved, AssessmentKind.Midline, 2.6m, new(2026, 2, 1)),
            Assessment(unchanged, AssessmentKind.Baseline, 2.0m, new(2025, 2, 1)), Assessment(unchanged, AssessmentKind.Midline, 2.5m, new(2026, 2, 1)),
            Assessment(notYetReassessed, AssessmentKind.Baseline, 1.0m, new(2025, 3, 1)),
        };
        var calculator = Calculator(facts);

        var figure = calculator.Evaluate(Indicator("R1.1"), new Quarter(2026, 1), null);

        Assert.Equal(1m, figure.Numerator);
        Assert.Equal(2m, figure.Denominator);
        Assert.Equal(50m, figure.Value);
        Assert.Equal(4, figure.Facts.Count); // the baselines and midlines of the two reassessed organisations
        Assert.Null(calculator.Evaluate(Indicator("R1.1"), new Quarter(2025, 4), null).Value);
    }

    [Fact]
    public void A_corrected_assessment_replaces_the_earlier_revision()
    {
        var organization = Guid.NewGuid();
        var midline = Guid.NewGuid();
        var calculator = Calculator([
            Assessment(organization, AssessmentKind.Baseline, 1.0m, new(2025, 2, 1)),
            Assessment(organization, AssessmentKind.Midline, 1.5m, new(2026, 2, 1), midline),
            Assessment(organization, AssessmentKind.Midline, 2.25m, new(2026, 2, 1), midline, revision: 2),
        ]);

        var figure = calculator.Evaluate(Indicator("R1.1"), new Quarter(2026, 1), null);

        Assert.Equal(100m, figure.Value);
        Assert.DoesNotContain(figure.Facts, f => f.Kind == FactKinds.CapacityAssessment && f.Revision == 1 && f.Dimension("assessment-kind") == "midline");
    }

    [Fact]
    public void A_cumulative_indicator_counts_everything_up_to_the_quarter_and_a_per_period_one_only_the_quarter()
    {
        Fact Training(DateOnly endsOn, int participants) => Fact.From(new TrainingDelivered(Guid.NewGuid(), CapacityActivityKind.Training, "cso-staff", false,
            Municipality.Marneuli, null, endsOn, endsOn, participants, new Dictionary<string, int> { [Gender.Female] = participants }, new Dictionary<string, int>(),
            new Dictionary<string, int>(), participants, null), Recorded);
        var calculator = Calculator([
            Training(new(2025, 8, 1), 12), Training(new(2025, 11, 3), 7), Training(new(2025, 12, 31), 6),
            Camp(Municipality.Marneuli, new(2025, 8, 2), new() { [Gender.Female] = 10 }), Camp(Municipality.Bolnisi, new(2025, 10, 1), new() { [Gender.Male] = 8 }),
        ]);

        Assert.Equal(12m, calculator.Evaluate(Indicator("R1.4"), new Quarter(2025, 3), null).Value);
        Assert.Equal(13m, calculator.Evaluate(Indicator("R1.4"), new Quarter(2025, 4), null).Value);
        Assert.Equal(0m, calculator.Evaluate(Indicator("R1.4"), new Quarter(2026, 1), null).Value);
        Assert.Equal(10m, calculator.Evaluate(Indicator("R1.6"), new Quarter(2025, 3), null).Value);
        Assert.Equal(18m, calculator.Evaluate(Indicator("R1.6"), new Quarter(2025, 4), null).Value);
        Assert.Equal(18m, calculator.Evaluate(Indicator("R1.6"), new Quarter(2026, 1), null).Value);

        var actuals = calculator.Actuals(Indicator("R1.4"), new Quarter(2026, 1));
        Assert.Equal(25m, ResultsCalculator.ToDate(Indicator("R1.4"), actuals));
    }

    [Fact]
    public void Every_breakdown_sums_to_the_total_with_what_an_event_does_not_break_down_as_not_recorded()
    {
        var partial = Fact.From(new CampHeld(Guid.NewGuid(), CampAudience.Women, Municipality.Tsalka, new(2025, 9, 1), new(2025, 9, 3), 9,
            new Dictionary<string, int> { [Gender.Female] = 7 }, new Dictionary<string, int> { [Age.From25To34] = 9 }), Recorded);
        var calculator = Calculator([
            Camp(Municipality.Marneuli, new(2025, 8, 2), new() { [Gender.Female] = 6, [Gender.Male] = 5 }),
            Camp(Municipality.Bolnisi, new(2025, 9, 2), new() { [Gender.Male] = 8, [Gender.Undisclosed] = 1 }),
            partial,
        ]);

        var figure = calculator.Evaluate(Indicator("R1.6"), new Quarter(2025, 3), null);

        Assert.Equal(29m, figure.Value);
        Assert.All(Indicator("R1.6").Disaggregations, d => Assert.Equal(figure.Value, figure.By[d].Values.Sum()));
        Assert.Equal(2m, figure.By[FactDimensions.Gender][FactDimensions.NotRecorded]);
        Assert.Equal(13m, figure.By[FactDimensions.Gender][Gender.Female]);
        Assert.Equal(9m, figure.By[FactDimensions.Municipality][Municipality.Tsalka]);
    }

    [Fact]
    public void The_organisation_type_of_a_fact_comes_from_the_registry_replica()
    {
        var cso = Guid.NewGuid();
        var provider = Guid.NewGuid();
        GrantAwarded Award(Guid? organization) => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), TargetGroup.Cso, organization, null, Municipality.Dmanisi, 10_000m, Currency.Lari)
            { OccurredAt = new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero) };
        var calculator = Calculator(
            [Fact.From(Award(cso), Recorded), Fact.From(Award(provider), Recorded), Fact.From(Award(null), Recorded)],
            new() { [cso] = new(Municipality.Dmanisi, nameof(OrganizationType.Cso)), [provider] = new(Municipality.Dmanisi, nameof(OrganizationType.SocialServiceProvider)) });

        var by = calculator.Evaluate(Indicator("R3.1"), new Quarter(2025, 3), null).By[FactDimensions.OrganizationType];

        Assert.Equal(1m, by[nameof(OrganizationType.Cso)]);
        Assert.Equal(1m, by[nameof(OrganizationType.SocialServiceProvider)]);
        Assert.Equal(1m, by[FactDimensions.NotRecorded]);
    }

    [Fact]
    public void A_locked_quarter_keeps_its_reported_figure_and_shows_later_facts_as_a_revision()
    {
        var lockedAt = Recorded;
        var early = Camp(Municipality.Marneuli, new(2025, 8, 2), new() { [Gender.Female] = 10 }, lockedAt.AddDays(-30));
        var late = Camp(Municipality.Marneuli, new(2025, 9, 20), new() { [Gender.Female] = 6 }, lockedAt.AddDays(2));
        var calculator = Calculator([early, late], locks: new() { ["2025Q3"] = lockedAt });

        var locked = calculator.Actual(Indicator("R1.6"), new Quarter(2025, 3));
        var next = calculator.Actual(Indicator("R1.6"), new Quarter(2025, 4));

        Assert.Equal(10m, locked.Reported.Value);
        Assert.Equal(16m, locked.Revised!.Value);
        Assert.Equal([late.EventId], locked.LateFacts.Select(f => f.EventId));
        Assert.Equal(16m, next.Reported.Value);
        Assert.Null(next.Revised);
    }

    [Fact]
    public void A_municipality_counts_as_active_while_its_partnership_group_is_not_closed()
    {
        var group = Guid.NewGuid();
        var calculator = Calculator([
            Fact.From(new Platform.Contracts.Partnerships.PartnershipGroupFormed(group, Municipality.Gardabani, new(2025, 5, 1), [Guid.NewGuid()], Guid.NewGuid()), Recorded),
            Fact.From(new Platform.Contracts.Partnerships.PartnershipGroupFormed(Guid.NewGuid(), Municipality.Tsalka, new(2025, 6, 1), [Guid.NewGuid()], Guid.NewGuid()), Recorded),
            Fact.From(new Platform.Contracts.Partnerships.PartnershipGroupClosed(group, Municipality.Gardabani, new(2025, 11, 1)), Recorded),
        ]);

        Assert.Equal(2m, calculator.Evaluate(Indicator("R2.1"), new Quarter(2025, 3), null).Value);
        Assert.Equal(1m, calculator.Evaluate(Indicator("R2.1"), new Quarter(2025, 4), null).Value);
    }
}
