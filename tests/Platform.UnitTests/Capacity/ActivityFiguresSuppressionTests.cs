using Platform.Capacity.Api;
using Platform.Contracts.Capacity;

namespace Platform.UnitTests.Capacity;

/// <summary>Capacity's activity figures as a reader without exact figures sees them (docs/figures.md).</summary>
public sealed class ActivityFiguresSuppressionTests
{
    private static IReadOnlyDictionary<string, int?> Cells(params (string Code, int? Count)[] cells) =>
        cells.ToDictionary(c => c.Code, c => c.Count, StringComparer.Ordinal);

    [Fact]
    public void A_small_total_hides_its_breakdowns_participant_days_and_test_gain()
    {
        var row = new ActivityFiguresResponse.Row("SJ-NINOTSMINDA", CapacityActivityKind.Training, 1, 3, 6m,
            Cells(("female", 2), ("male", 1)), Cells(("lsg", 3), ("cso", 0)), Cells(("lsg-staff", 3)), 12.5m, false).Suppress();

        Assert.Null(row.Participants);
        Assert.Null(row.ParticipantDays);
        Assert.Null(row.AverageTestGain);
        Assert.Equal(new int?[] { null, null }, row.ParticipantsByGender.Values);
        Assert.Equal(new int?[] { null, 0 }, row.ParticipantsBySector.Values);
        Assert.True(row.Suppressed);
        Assert.Equal(1, row.Activities);
    }

    [Fact]
    public void A_large_row_keeps_its_total_and_hides_only_the_small_cell_and_its_complement()
    {
        var row = new ActivityFiguresResponse.Row("KK-MARNEULI", CapacityActivityKind.Training, 2, 20, 40m,
            Cells(("female", 12), ("male", 7), ("other", 1)), Cells(("lsg", 20)), Cells(("lsg-staff", 20)), 10m, false).Suppress();

        Assert.Equal(20, row.Participants);
        Assert.Equal(40m, row.ParticipantDays);
        Assert.Equal(new int?[] { 12, null, null }, row.ParticipantsByGender.Values);
        Assert.Equal(20, row.ParticipantsBySector["lsg"]);
        Assert.True(row.Suppressed);
    }
}
