using Platform.Media.Catalogue;
using Platform.Media.Results;

namespace Platform.UnitTests.Results;

/// <summary>Where the catalogue applies the one small-cell rule (the rule itself: <c>Domain/SmallCellsTests</c>).</summary>
public sealed class SmallCountsTests
{
    [Fact]
    public void Public_figures_suppress_people_by_gender_and_municipality_but_not_counts_of_grants()
    {
        var by = new Dictionary<string, IReadOnlyDictionary<string, decimal?>>
        {
            [FactDimensions.Gender] = new Dictionary<string, decimal?> { ["female"] = 3, ["male"] = 9, ["other"] = 8 },
            [FactDimensions.Municipality] = new Dictionary<string, decimal?> { ["KK-MARNEULI"] = 20 },
        };

        var people = SmallCounts.ForPublic(ProgrammeFramework.Find("R1.6")!, by);
        var grants = SmallCounts.ForPublic(ProgrammeFramework.Find("R3.1")!, by);

        Assert.Null(people[FactDimensions.Gender]["female"]);
        Assert.Null(people[FactDimensions.Gender]["other"]);
        Assert.Equal(20m, people[FactDimensions.Municipality]["KK-MARNEULI"]);
        Assert.Equal(3m, grants[FactDimensions.Gender]["female"]);
    }

    [Fact]
    public void A_public_total_of_one_to_four_people_is_hidden_as_its_only_cell_would_be_but_a_count_of_grants_is_not()
    {
        Assert.Null(SmallCounts.TotalForPublic(ProgrammeFramework.Find("R1.6")!, 3m));
        Assert.Equal(0m, SmallCounts.TotalForPublic(ProgrammeFramework.Find("R1.6")!, 0m));
        Assert.Equal(12m, SmallCounts.TotalForPublic(ProgrammeFramework.Find("R1.6")!, 12m));
        Assert.Equal(3m, SmallCounts.TotalForPublic(ProgrammeFramework.Find("R3.1")!, 3m));
    }

    private static Figure FigureOf(decimal value, IReadOnlyDictionary<string, decimal?> byMunicipality) =>
        new(value, null, null, new Dictionary<string, IReadOnlyDictionary<string, decimal?>> { [FactDimensions.Municipality] = byMunicipality }, []);

    [Fact]
    public void A_figure_of_people_is_shown_with_its_small_cells_hidden_and_says_so_but_a_figure_of_grants_is_unchanged()
    {
        var exact = FigureOf(15, new Dictionary<string, decimal?> { ["KK-DMANISI"] = 3, ["KK-BOLNISI"] = 12 });

        var camps = SmallCounts.ForPublic(ProgrammeFramework.Find("R1.6")!, exact);
        var grants = SmallCounts.ForPublic(ProgrammeFramework.Find("R3.1")!, exact);

        Assert.Equal(15m, camps.Value);
        Assert.Null(camps.By[FactDimensions.Municipality]["KK-DMANISI"]);
        Assert.Null(camps.By[FactDimensions.Municipality]["KK-BOLNISI"]); // else 15 - 12 gives Dmanisi away
        Assert.True(SmallCounts.Hides(exact, camps));
        Assert.Same(exact, grants);
        Assert.False(SmallCounts.Hides(exact, grants));
        Assert.True(SmallCounts.Hides(FigureOf(3, new Dictionary<string, decimal?> { ["KK-DMANISI"] = 3 }),
            SmallCounts.ForPublic(ProgrammeFramework.Find("R1.6")!, FigureOf(3, new Dictionary<string, decimal?> { ["KK-DMANISI"] = 3 }))));
    }

    [Fact]
    public void A_facts_small_numbers_of_people_are_hidden_with_their_breakdown_and_participant_days_but_amounts_are_not()
    {
        var values = new Dictionary<string, decimal>
        {
            [Measures.Participants] = 3, [Measures.ParticipantDays] = 9, [Measures.Amount] = 2,
            [Fact.BreakdownKey(Measures.Participants, FactDimensions.Gender, "female")] = 3,
            [Fact.BreakdownKey(Measures.Participants, FactDimensions.Gender, "male")] = 0,
        };

        var shown = SmallCounts.ForPublic(values);

        Assert.Null(shown[Measures.Participants]);
        Assert.Null(shown[Measures.ParticipantDays]);
        Assert.Null(shown["participants|gender=female"]);
        Assert.Equal(0m, shown["participants|gender=male"]);
        Assert.Equal(2m, shown[Measures.Amount]);
    }

    [Fact]
    public void A_facts_breakdown_of_people_is_suppressed_as_one_so_the_shown_total_gives_no_cell_away()
    {
        var values = new Dictionary<string, decimal>
        {
            [Measures.PeopleServed] = 13, [Measures.Reach] = 4,
            [Fact.BreakdownKey(Measures.PeopleServed, FactDimensions.Gender, "female")] = 11,
            [Fact.BreakdownKey(Measures.PeopleServed, FactDimensions.Gender, "male")] = 2,
            [Fact.BreakdownKey(Measures.PeopleServed, FactDimensions.AgeGroup, "35-plus")] = 13,
        };

        var shown = SmallCounts.ForPublic(values);

        Assert.Equal(13m, shown[Measures.PeopleServed]);
        Assert.Null(shown["people-served|gender=male"]);
        Assert.Null(shown["people-served|gender=female"]);
        Assert.Equal(13m, shown["people-served|age-group=35-plus"]);
        Assert.Equal(4m, shown[Measures.Reach]); // reach is a measurement, not a count of persons
    }

    [Theory]
    [InlineData("participants|gender=female", "participants", "gender", "female")]
    [InlineData("people-served|age-group=35-plus", "people-served", "age-group", "35-plus")]
    public void A_breakdown_key_is_read_back_into_its_parts(string key, string measure, string dimension, string code) =>
        Assert.Equal((measure, dimension, code), Fact.ParseBreakdownKey(key));

    [Fact]
    public void A_plain_measure_is_no_breakdown_key() => Assert.Null(Fact.ParseBreakdownKey("participants"));
}
