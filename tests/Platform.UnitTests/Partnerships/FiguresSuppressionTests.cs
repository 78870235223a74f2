using Platform.Partnerships.Figures;

namespace Platform.UnitTests.Partnerships;

/// <summary>Result 2's figures as a reader without exact figures sees them (docs/figures.md): people suppressed, the rest exact.</summary>
public sealed class FiguresSuppressionTests
{
    private static IReadOnlyDictionary<string, int?> Cells(params (string Code, int? Count)[] cells) =>
        cells.ToDictionary(c => c.Code, c => c.Count, StringComparer.Ordinal);

    [Fact]
    public void Counts_of_people_below_five_are_hidden_and_counts_of_groups_meetings_and_services_are_not()
    {
        var row = new PartnershipFigures.Row("KK-TSALKA", "2026Q3", 1, 2, 3,
            Cells(("female", 2), ("male", 1)), Cells(("Cso", 2), ("LocalSelfGovernment", 1)),
            new Dictionary<string, int> { ["Adopted"] = 1 }, 1m, 1, new Dictionary<string, decimal> { ["GEL"] = 96_000m },
            1, 21, Cells(("female", 12), ("male", 9)), Cells(("18-24", 4), ("35-plus", 17)), false).Suppress();

        Assert.Null(row.Attendance);
        Assert.Equal(new int?[] { null, null }, row.AttendanceByGender.Values);
        Assert.Equal(21, row.PilotParticipants);
        Assert.Equal(new int?[] { 12, 9 }, row.PilotParticipantsByGender.Values);
        Assert.Equal(new int?[] { null, null }, row.PilotParticipantsByAgeGroup.Values);
        Assert.Equal((1, 2, 1, 1), (row.GroupsActive, row.MeetingsHeld, row.ServicesInstitutionalised, row.PilotsCompleted));
        Assert.Equal(1, row.RecommendationsByStage["Adopted"]);
        Assert.True(row.Suppressed);
    }

    [Fact]
    public void A_row_without_small_counts_is_not_marked()
    {
        var row = new PartnershipFigures.Row("KK-TSALKA", "2026Q3", 1, 0, 0, Cells(("female", 0)), Cells(("Cso", 0)),
            new Dictionary<string, int>(), null, 0, new Dictionary<string, decimal>(), 0, 0, Cells(("female", 0)), Cells(("18-24", 0)), false).Suppress();

        Assert.Equal(0, row.Attendance);
        Assert.False(row.Suppressed);
    }
}
