using Platform.Capacity.Assessments;
using Platform.Capacity.Instruments;
using static Platform.UnitTests.Capacity.CapacityExamples;

namespace Platform.UnitTests.Capacity;

/// <summary>Domain score = mean of its sub-areas, overall = mean of the domain scores, each rounded to two decimals half away from zero.</summary>
public sealed class ScoringTests
{
    [Theory]
    [InlineData("2.125", "2.13")]
    [InlineData("2.124", "2.12")]
    [InlineData("1.666666", "1.67")]
    [InlineData("-0.125", "-0.13")]
    [InlineData("3.005", "3.01")]
    public void Scores_are_rounded_to_two_decimals_half_away_from_zero(string value, string rounded) =>
        Assert.Equal(decimal.Parse(rounded, System.Globalization.CultureInfo.InvariantCulture),
            Scoring.Round(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_domain_is_the_mean_of_its_sub_areas_and_the_overall_the_mean_of_the_domains()
    {
        // governance: 1, 2, 2 -> 1.67; financial-management: 4, 3, 3 -> 3.33; every other domain: 2.
        var levels = new Dictionary<string, int>
        {
            ["vision-mission"] = 1, ["legal-status"] = 2, ["board"] = 2,
            ["budgeting"] = 4, ["accounting"] = 3, ["internal-control"] = 3,
        };
        var scores = AllScored(Oca, 2, levels).Select(s => new SubAreaScore(s!.SubArea!, s.Level!.Value, s.Justification, [.. (s.Evidence ?? []).Select(e => e!)])).ToList();

        var domains = Scoring.DomainScores(Oca, scores);

        Assert.Equal(1.67m, domains["governance"]);
        Assert.Equal(3.33m, domains["financial-management"]);
        Assert.Equal(2m, domains["human-resources"]);
        Assert.Equal(7, domains.Count);
        // (1.67 + 3.33 + 5 * 2) / 7 = 15 / 7 = 2.142857... -> 2.14
        Assert.Equal(2.14m, Scoring.Overall(Oca, domains));
    }

    [Fact]
    public void A_domain_with_an_unscored_sub_area_has_no_score_and_then_there_is_no_overall()
    {
        var scores = new List<SubAreaScore> { new("vision-mission", 2, null, []), new("legal-status", 2, null, []) };

        var domains = Scoring.DomainScores(Oca, scores);

        Assert.Empty(domains);
        Assert.Null(Scoring.Overall(Oca, domains));
    }

    [Fact]
    public void The_gain_is_post_minus_pre_and_the_average_counts_only_those_who_took_both_tests()
    {
        Assert.Equal(25m, Scoring.Gain(50m, 75m));
        Assert.Equal(-10m, Scoring.Gain(60m, 50m));
        Assert.Null(Scoring.Gain(null, 80m));
        Assert.Null(Scoring.Gain(40m, null));

        // (25 + 10 + 0) / 3 = 11.666... -> 11.67; the one without a post-test is left out, not counted as zero.
        Assert.Equal(11.67m, Scoring.AverageGain([Scoring.Gain(50m, 75m), Scoring.Gain(60m, 70m), Scoring.Gain(80m, 80m), Scoring.Gain(40m, null)]));
        Assert.Null(Scoring.AverageGain([null, null]));
    }

    [Fact]
    public void The_programmes_instruments_ship_seven_OCA_domains_and_five_HRBA_domains_with_four_descriptors_per_sub_area()
    {
        Assert.Equal(
            ["governance", "financial-management", "administration", "human-resources", "programme-management", "performance-management", "sustainability"],
            Oca.Domains.Select(d => d.Code));
        Assert.Equal(["participation", "non-discrimination", "accountability", "transparency", "access-to-services"],
            ProgrammeInstruments.HumanRightsBasedApproach.Domains.Select(d => d.Code));
        foreach (var instrument in ProgrammeInstruments.All)
        {
            Assert.Equal(1, instrument.Version);
            Assert.All(instrument.Domains, d => Assert.InRange(d.SubAreas.Count, 2, 4));
            Assert.All(instrument.SubAreas, s => Assert.Equal(Instrument.Levels, s.Levels.Count));
            Assert.All(instrument.SubAreas, s => Assert.All(s.Levels, l => Assert.False(string.IsNullOrWhiteSpace(l["en"]))));
            Assert.All(instrument.Domains, d => Assert.True(d.Name.ContainsKey("ka")));
            Assert.Equal(instrument.SubAreas.Count(), instrument.SubAreas.Select(s => s.Code).Distinct().Count());
        }
    }
}
