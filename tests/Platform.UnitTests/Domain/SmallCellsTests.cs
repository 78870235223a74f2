using Platform.ServiceDefaults.Domain;

namespace Platform.UnitTests.Domain;

/// <summary>The platform's one small-cell rule (docs/figures.md).</summary>
public sealed class SmallCellsTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(4, true)]
    [InlineData(5, false)]
    [InlineData(-1, false)]
    public void Counts_from_one_to_four_are_small_in_every_number_type(int count, bool small)
    {
        Assert.Equal(small, SmallCells.IsSmall<int>(count));
        Assert.Equal(small, SmallCells.IsSmall<decimal>(count));
        Assert.Equal(small, SmallCells.IsSmall<long>(count));
    }

    [Fact]
    public void A_count_shown_on_its_own_is_hidden_below_five_and_zero_is_shown()
    {
        Assert.Null(SmallCells.Cell(3));
        Assert.Equal(0, SmallCells.Cell(0));
        Assert.Equal(5, SmallCells.Cell(5));
    }

    [Fact]
    public void Small_cells_are_null_zeros_and_large_cells_are_shown_and_the_keys_keep_their_order()
    {
        var shown = SmallCells.Suppress(new Dictionary<string, int> { ["female"] = 3, ["male"] = 2, ["other"] = 0, ["undisclosed"] = 12 });

        Assert.Equal(new[] { "female", "male", "other", "undisclosed" }, shown.Keys);
        Assert.Equal(new int?[] { null, null, 0, 12 }, shown.Values);
        Assert.True(SmallCells.AnyHidden(shown));
    }

    [Fact]
    public void A_single_hidden_cell_hides_the_next_smallest_non_zero_one_so_that_the_total_cannot_reveal_it()
    {
        // Total 39 is shown: without the second hidden cell, 39 - 30 - 7 would give the 2 away.
        var shown = SmallCells.Suppress(new Dictionary<string, int> { ["female"] = 30, ["male"] = 2, ["other"] = 0, ["undisclosed"] = 7 });

        Assert.Null(shown["male"]);
        Assert.Null(shown["undisclosed"]);
        Assert.Equal(0, shown["other"]);
        Assert.Equal(30, shown["female"]);
    }

    [Fact]
    public void Of_equal_next_smallest_cells_the_first_code_is_hidden()
    {
        var shown = SmallCells.Suppress(new Dictionary<string, int> { ["b"] = 9, ["a"] = 9, ["c"] = 1 });

        Assert.Equal(new int?[] { 9, null, null }, shown.Values);
    }

    [Fact]
    public void Two_hidden_cells_need_no_more_and_a_breakdown_without_small_cells_is_unchanged()
    {
        Assert.Equal(new int?[] { null, null, 40 }, SmallCells.Suppress(new Dictionary<string, int> { ["a"] = 1, ["b"] = 4, ["c"] = 40 }).Values);
        Assert.Equal(new int?[] { 5, 0, 17 }, SmallCells.Suppress(new Dictionary<string, int> { ["a"] = 5, ["b"] = 0, ["c"] = 17 }).Values);
        Assert.False(SmallCells.AnyHidden(SmallCells.Suppress(new Dictionary<string, int> { ["a"] = 5, ["b"] = 0 })));
    }

    [Fact]
    public void A_lone_small_cell_leaves_nothing_else_to_hide_and_its_total_is_small_too()
    {
        var cells = new Dictionary<string, int> { ["female"] = 3, ["male"] = 0 };

        Assert.Equal(new int?[] { null, 0 }, SmallCells.Suppress(cells).Values);
        Assert.Null(SmallCells.Cell(cells.Values.Sum()));
    }

    [Fact]
    public void Cells_already_unknown_stay_unknown_and_do_not_count_as_hidden_by_the_rule()
    {
        var shown = SmallCells.Suppress(new Dictionary<string, decimal?> { ["a"] = null, ["b"] = 2m, ["c"] = 8m, ["d"] = 20m });

        Assert.Equal(new decimal?[] { null, null, null, 20m }, shown.Values);
    }

    [Fact]
    public void The_exact_view_keeps_every_count()
    {
        Assert.Equal(new int?[] { 1, 0, 7 }, SmallCells.Exact(new Dictionary<string, int> { ["a"] = 1, ["b"] = 0, ["c"] = 7 }).Values);
    }
}
