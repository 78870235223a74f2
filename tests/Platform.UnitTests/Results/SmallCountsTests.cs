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
}
