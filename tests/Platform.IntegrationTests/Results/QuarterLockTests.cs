using System.Net;
using System.Text.Json;
using Platform.Contracts.ReferenceData;
using Platform.Contracts.Youth;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;
using static Platform.IntegrationTests.Grants.GrantsFixture;
using static Platform.IntegrationTests.Results.MediaFixture;

namespace Platform.IntegrationTests.Results;

/// <summary>A quarter locked by the programme admin keeps its reported figures; later events for it are kept and shown as its revision.</summary>
public sealed class QuarterLockTests(MediaFixture media) : IClassFixture<MediaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CampHeld Camp(int participants, DateOnly endsOn) => new(Guid.NewGuid(), CampAudience.Women, Municipality.Tetritskaro,
        endsOn.AddDays(-1), endsOn, participants, new Dictionary<string, int> { [Gender.Female] = participants },
        new Dictionary<string, int> { [Age.From35] = participants });

    [Fact]
    public async Task Events_for_a_locked_quarter_are_kept_as_its_revision_not_merged_into_what_was_reported()
    {
        await media.RecordAsync(Camp(12, new DateOnly(2025, 6, 10)));
        Assert.Equal(HttpStatusCode.Forbidden, (await media.Team.PostAsync("/api/media/results/quarters/2025Q2/lock", null, Ct)).StatusCode);
        var locked = await ReadJsonAsync(await media.Admin.PostAsync("/api/media/results/quarters/2025Q2/lock", null, Ct), HttpStatusCode.OK);
        Assert.Equal("2025Q2", locked.GetProperty("quarter").GetString());

        var late = Camp(7, new DateOnly(2025, 6, 20));
        await media.RecordAsync(late);

        var indicator = await media.IndicatorAsync("R1.6");
        var q2 = QuarterOf(indicator, "2025Q2");
        Assert.True(q2.GetProperty("locked").GetBoolean());
        Assert.Equal(12m, q2.GetProperty("value").GetDecimal());
        var revision = q2.GetProperty("revision");
        Assert.Equal(19m, revision.GetProperty("figure").GetProperty("value").GetDecimal());
        Assert.Equal([late.EventId], revision.GetProperty("lateEvents").EnumerateArray().Select(e => e.GetGuid()));

        var events = await ReadJsonAsync(await media.Monitor.GetAsync("/api/media/results/indicators/R1.6/quarters/2025Q2/events", Ct), HttpStatusCode.OK);
        Assert.True(events.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("eventId").GetGuid() == late.EventId).GetProperty("late").GetBoolean());

        // The next quarter is not locked: the late camp simply counts there (the indicator is cumulative).
        var q3 = QuarterOf(indicator, "2025Q3");
        Assert.False(q3.GetProperty("locked").GetBoolean());
        Assert.Equal(JsonValueKind.Null, q3.GetProperty("revision").ValueKind);
        var next = await ReadJsonAsync(await media.Monitor.GetAsync("/api/media/results/indicators/R1.6/quarters/2025Q3/events?pageSize=100", Ct), HttpStatusCode.OK);
        Assert.False(next.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("eventId").GetGuid() == late.EventId).GetProperty("late").GetBoolean());

        var locks = await ReadJsonAsync(await media.Monitor.GetAsync("/api/media/results/quarters", Ct), HttpStatusCode.OK);
        Assert.Contains(locks.EnumerateArray(), l => l.GetProperty("quarter").GetString() == "2025Q2");
    }

    [Fact]
    public async Task A_quarter_is_locked_once_only_after_it_ended_and_only_as_a_quarter()
    {
        await ReadJsonAsync(await media.Admin.PostAsync("/api/media/results/quarters/2025Q1/lock", null, Ct), HttpStatusCode.OK);
        await AssertConflictAsync(await media.Admin.PostAsync("/api/media/results/quarters/2025Q1/lock", null, Ct), "quarter-locked");

        var current = Platform.Media.Results.Quarter.Of(DateOnly.FromDateTime(DateTime.UtcNow));
        await AssertConflictAsync(await media.Admin.PostAsync($"/api/media/results/quarters/{current}/lock", null, Ct), "quarter-not-ended");
        await AssertFieldErrorAsync(await media.Admin.PostAsync("/api/media/results/quarters/2025-3/lock", null, Ct), "quarter");
    }
}
