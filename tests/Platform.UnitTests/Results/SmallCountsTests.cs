using Platform.Media.Catalogue;
using Platform.Media.Results;

namespace Platform.UnitTests.Results;

public sealed class SmallCountsTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(120, false)]
    public void Counts_from_one_to_four_are_small(int count, bool small) => Assert.Equal(small, SmallCounts.IsSmall(count));

    [Fact]
    public void Small_cells_are_hidden_and_zeros_and_larger_cells_are_shown()
    {
        var shown = SmallCounts.Suppress(new Dictionary<string, decimal?> { ["female"] = 3, ["male"] = 2, ["other"] = 0, ["undisclosed"] = 12 });

        Assert.Null(shown["female"]);
        Assert.Null(shown["male"]);
        Assert.Equal(0m, shown["other"]);
        Assert.Equal(12m, shown["undisclosed"]);
    }

    [Fact]
    public void A_single_hidden_cell_hides_the_next_smallest_so_the_total_cannot_reveal_it()
    {
        var shown = SmallCounts.Suppress(new Dictionary<string, decimal?> { ["female"] = 30, ["male"] = 2, ["undisclosed"] = 7 });

        Assert.Null(shown["male"]);
        Assert.Null(shown["undisclosed"]);
        Assert.Equal(30m, shown["female"]);
    }

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
}
