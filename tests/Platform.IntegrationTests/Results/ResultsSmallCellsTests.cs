using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Capacity;
using Platform.Contracts.Grants;
using Platform.Contracts.Partnerships;
using Platform.Contracts.ReferenceData;
using Platform.Contracts.Youth;
using Platform.Media.Results;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;
using static Platform.IntegrationTests.Results.MediaFixture;

namespace Platform.IntegrationTests.Results;

/// <summary>
/// The results API follows the small-cell rule (docs/figures.md): counts of 1-4 people are null with <c>suppressed</c>
/// for the donor's monitor, exact for the owners of the results (the media team and the programme admin); counts that
/// are not of people stay exact for everyone. Other classes' Media instances share the bus, so their facts (camps of 12
/// or more elsewhere) may land here and ours there: this class's facts are in quarters and places the others do not assert.
/// </summary>
public sealed class ResultsSmallCellsTests(MediaFixture media) : IClassFixture<MediaFixture>, IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static CampHeld Camp(string municipality, DateOnly endsOn, int female, int male, string ageGroup) =>
        new(Guid.NewGuid(), CampAudience.Youth, municipality, endsOn.AddDays(-2), endsOn, female + male,
            new Dictionary<string, int> { [Gender.Female] = female, [Gender.Male] = male }, new Dictionary<string, int> { [ageGroup] = female + male });

    // 2025Q3: camps of three people in Dmanisi and twelve in Bolnisi; a service in Dmanisi that served three.
    // 2025Q4: three CSO staff trained in Tsalka (R1.4 counts per quarter). 2026Q3: one grant in Dmanisi.
    private static readonly CampHeld Dmanisi = Camp(Municipality.Dmanisi, new DateOnly(2025, 8, 20), 3, 0, Age.From18To24);
    private static readonly CampHeld Bolnisi = Camp(Municipality.Bolnisi, new DateOnly(2025, 9, 3), 7, 5, Age.From35);

    private static readonly TrainingDelivered Training = new(Guid.NewGuid(), CapacityActivityKind.Training, "cso-staff", false, Municipality.Tsalka, null,
        new DateOnly(2025, 11, 10), new DateOnly(2025, 11, 11), 3, new Dictionary<string, int> { [Gender.Female] = 2, [Gender.Male] = 1 },
        new Dictionary<string, int>(), new Dictionary<string, int> { [Municipality.Tsalka] = 3 }, 6m, null);

    private static readonly GrantAwarded Grant = new(Guid.CreateVersion7(), Guid.NewGuid(), Guid.NewGuid(), TargetGroup.Cso, null, null,
        Municipality.Dmanisi, 12_000m, Currency.Lari) { OccurredAt = new DateTimeOffset(2026, 8, 3, 9, 0, 0, TimeSpan.Zero) };

    private static readonly SocialServiceLaunched Service = new(Guid.NewGuid(), new Dictionary<string, string> { ["en"] = "Home care for older people" },
        Municipality.Dmanisi, "older people", 30_000m, Currency.Lari, 2026, new DateOnly(2025, 9, 10), null, 3,
        new Dictionary<string, int> { [Gender.Female] = 2, [Gender.Male] = 1 }, new Dictionary<string, int> { [Age.From35] = 3 });

    // 2025Q3: two Young Professionals from Tsalka graduate (R1.5 counts one event per person).
    private static readonly ParticipantGraduated[] Graduates =
    [
        new(Guid.NewGuid(), Guid.NewGuid(), Municipality.Tsalka, Guid.NewGuid(), new DateOnly(2025, 8, 29)),
        new(Guid.NewGuid(), Guid.NewGuid(), Municipality.Tsalka, Guid.NewGuid(), new DateOnly(2025, 8, 29)),
    ];

    public async ValueTask InitializeAsync()
    {
        if (await media.InDatabaseAsync(db => db.Facts.AnyAsync(f => f.EventId == Training.EventId, Ct)))
        {
            return;
        }

        await media.RecordAsync(Dmanisi, Bolnisi);
        await media.RecordAsync(Training);
        await media.RecordAsync(Grant);
        await media.RecordAsync(Service);
        await media.RecordAsync(Graduates);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static JsonElement Cell(JsonElement actual, string dimension, string code) => actual.GetProperty("by").GetProperty(dimension).GetProperty(code);

    [Fact]
    public async Task A_small_count_of_people_is_hidden_from_the_monitor_and_exact_for_the_media_team_and_the_admin()
    {
        var monitor = await media.IndicatorAsync("R1.6", media.Monitor);
        var q3 = QuarterOf(monitor, "2025Q3");
        Assert.Equal(JsonValueKind.Null, Cell(q3, FactDimensions.Municipality, Municipality.Dmanisi).ValueKind);
        // One cell hidden: the next smallest (Bolnisi's 12; other classes' camps have 12 or more, and a tie goes by code)
        // is hidden too, else the total minus the rest would give Dmanisi's 3 away. The total is shown.
        Assert.Equal(JsonValueKind.Null, Cell(q3, FactDimensions.Municipality, Municipality.Bolnisi).ValueKind);
        Assert.True(q3.GetProperty("value").GetDecimal() >= 15m);
        Assert.True(q3.GetProperty("suppressed").GetBoolean());
        Assert.True(monitor.GetProperty("suppressed").GetBoolean());
        Assert.True(monitor.GetProperty("indicator").GetProperty("countsPeople").GetBoolean());

        // A quarter whose total is 1-4 people (three CSO staff trained in 2025Q4): the total is hidden, and so is the
        // number of events behind it (for graduates, one event each, it would be the total).
        var trained = QuarterOf(await media.IndicatorAsync("R1.4", media.Monitor), "2025Q4");
        Assert.Equal(JsonValueKind.Null, trained.GetProperty("value").ValueKind);
        Assert.Equal(JsonValueKind.Null, trained.GetProperty("events").ValueKind);
        Assert.Equal(JsonValueKind.Null, Cell(trained, FactDimensions.Gender, Gender.Female).ValueKind);
        Assert.True(trained.GetProperty("suppressed").GetBoolean());

        foreach (var owner in new[] { media.Team, media.Admin })
        {
            var exact = QuarterOf(await media.IndicatorAsync("R1.6", owner), "2025Q3");
            Assert.Equal(3m, Cell(exact, FactDimensions.Municipality, Municipality.Dmanisi).GetDecimal());
            Assert.Equal(12m, Cell(exact, FactDimensions.Municipality, Municipality.Bolnisi).GetDecimal());
            Assert.False(exact.GetProperty("suppressed").GetBoolean());
            var exactTrained = await media.IndicatorAsync("R1.4", owner);
            Assert.Equal(3m, ValueOf(exactTrained, "2025Q4"));
            Assert.Equal(1, QuarterOf(exactTrained, "2025Q4").GetProperty("events").GetInt32());
            Assert.Equal(2m, Cell(QuarterOf(exactTrained, "2025Q4"), FactDimensions.Gender, Gender.Female).GetDecimal());
            Assert.False(exactTrained.GetProperty("suppressed").GetBoolean());
        }
    }

    [Fact]
    public async Task Counts_that_are_not_of_people_stay_exact_for_the_monitor()
    {
        var grants = await media.IndicatorAsync("R3.1", media.Monitor);
        var q3 = QuarterOf(grants, "2026Q3");
        Assert.Equal(1m, Cell(q3, FactDimensions.Municipality, Municipality.Dmanisi).GetDecimal());
        Assert.False(q3.GetProperty("suppressed").GetBoolean());
        Assert.False(grants.GetProperty("suppressed").GetBoolean());
        Assert.False(grants.GetProperty("indicator").GetProperty("countsPeople").GetBoolean());

        var services = QuarterOf(await media.IndicatorAsync("R3.3", media.Monitor), "2025Q3");
        Assert.Equal(1m, services.GetProperty("value").GetDecimal());
        Assert.Equal(1m, Cell(services, FactDimensions.Municipality, Municipality.Dmanisi).GetDecimal());
    }

    [Fact]
    public async Task The_events_behind_a_figure_show_a_small_number_of_people_only_to_the_owners()
    {
        static JsonElement Item(JsonElement trace, Guid eventId) =>
            trace.GetProperty("items").EnumerateArray().Single(e => e.GetProperty("eventId").GetGuid() == eventId);
        var path = "/api/media/results/indicators/R1.6/quarters/2025Q3/events?pageSize=100";

        var monitor = await ReadJsonAsync(await media.Monitor.GetAsync(path, Ct), HttpStatusCode.OK);
        var small = Item(monitor, Dmanisi.EventId);
        Assert.Equal(JsonValueKind.Null, small.GetProperty("values").GetProperty("participants").ValueKind);
        Assert.Equal(JsonValueKind.Null, small.GetProperty("values").GetProperty("participants|gender=female").ValueKind);
        Assert.Equal(0m, small.GetProperty("values").GetProperty("participants|gender=male").GetDecimal());
        Assert.True(small.GetProperty("suppressed").GetBoolean());
        var large = Item(monitor, Bolnisi.EventId);
        Assert.Equal(12m, large.GetProperty("values").GetProperty("participants").GetDecimal());
        Assert.Equal(7m, large.GetProperty("values").GetProperty("participants|gender=female").GetDecimal());
        Assert.Equal(5m, large.GetProperty("values").GetProperty("participants|gender=male").GetDecimal());
        Assert.False(large.GetProperty("suppressed").GetBoolean());

        var team = Item(await ReadJsonAsync(await media.Team.GetAsync(path, Ct), HttpStatusCode.OK), Dmanisi.EventId);
        Assert.Equal(3m, team.GetProperty("values").GetProperty("participants").GetDecimal());
        Assert.False(team.GetProperty("suppressed").GetBoolean());

        // The people a service served are hidden in the trace of any indicator, here the count of services; its funding is exact.
        var service = Item(await ReadJsonAsync(await media.Monitor.GetAsync("/api/media/results/indicators/R3.3/quarters/2025Q3/events", Ct), HttpStatusCode.OK),
            Service.EventId);
        Assert.Equal(JsonValueKind.Null, service.GetProperty("values").GetProperty("people-served").ValueKind);
        Assert.Equal(30_000m, service.GetProperty("values").GetProperty("amount").GetDecimal());
        Assert.True(service.GetProperty("suppressed").GetBoolean());

        // The participant-days of hidden participants go with them.
        var training = Item(await ReadJsonAsync(await media.Monitor.GetAsync("/api/media/results/indicators/R1.4/quarters/2025Q4/events", Ct), HttpStatusCode.OK),
            Training.EventId);
        Assert.Equal(JsonValueKind.Null, training.GetProperty("values").GetProperty("participants").ValueKind);
        Assert.Equal(JsonValueKind.Null, training.GetProperty("values").GetProperty("participant-days").ValueKind);
    }

    [Fact]
    public async Task The_CSV_export_leaves_a_small_count_of_people_empty_and_marks_its_row_for_the_monitor_only()
    {
        async Task<string[]> CsvAsync(HttpClient reader) =>
            (await (await reader.GetAsync("/api/media/results/export/csv", Ct)).Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        static string Row(string[] lines, string prefix) => Assert.Single(lines, l => l.StartsWith(prefix, StringComparison.Ordinal));
        const string dmanisi = "R1,R1.6,2025Q3,municipality,KK-DMANISI,";
        const string q1 = "R1,R1.4,2025Q4,total,,";
        const string grant = "R3,R3.1,2026Q3,municipality,KK-DMANISI,";

        var monitor = await CsvAsync(media.Monitor);
        Assert.Equal(Platform.Media.Results.CsvExport.Header, monitor[0]);
        Assert.StartsWith(dmanisi + ",", Row(monitor, dmanisi), StringComparison.Ordinal);
        Assert.EndsWith(",true", Row(monitor, dmanisi), StringComparison.Ordinal);
        Assert.StartsWith(q1 + ",", Row(monitor, q1), StringComparison.Ordinal);
        Assert.EndsWith(",true", Row(monitor, q1), StringComparison.Ordinal);
        Assert.StartsWith(grant + "1,", Row(monitor, grant), StringComparison.Ordinal);
        Assert.EndsWith(",false", Row(monitor, grant), StringComparison.Ordinal);

        var team = await CsvAsync(media.Team);
        Assert.StartsWith(dmanisi + "3,", Row(team, dmanisi), StringComparison.Ordinal);
        Assert.EndsWith(",false", Row(team, dmanisi), StringComparison.Ordinal);
        Assert.StartsWith(q1 + "3,", Row(team, q1), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_IATI_document_is_published_with_small_counts_of_people_hidden_whoever_exports_it()
    {
        var document = XDocument.Parse(await (await media.Team.GetAsync("/api/media/results/export/iati", Ct)).Content.ReadAsStringAsync(Ct));
        XElement Period(string code, string start) => document.Descendants("indicator")
            .Single(i => i.Element("reference")?.Attribute("code")?.Value == code)
            .Elements("period").Single(p => p.Element("period-start")!.Attribute("iso-date")!.Value == start);

        Assert.Empty(Period("R1.4", "2025-10-01").Elements("actual"));
        var camps = Period("R1.6", "2025-07-01").Elements("actual").ToList();
        Assert.Contains(camps, a => a.Element("dimension") is null && decimal.Parse(a.Attribute("value")!.Value, CultureInfo.InvariantCulture) >= 15m);
        Assert.DoesNotContain(camps, a => a.Element("dimension")?.Attribute("value")?.Value is Municipality.Dmanisi or Municipality.Bolnisi);
    }

    [Fact]
    public async Task The_events_behind_a_hidden_cell_cannot_be_counted_by_the_monitor()
    {
        // One event per graduate: listing them would count the two the figure hides, so the monitor gets a 404 problem.
        var graduates = "/api/media/results/indicators/R1.5/quarters/2025Q3/events?pageSize=100";
        var refused = await ReadJsonAsync(await media.Monitor.GetAsync(graduates, Ct), HttpStatusCode.NotFound);
        Assert.Equal("Suppressed figure", refused.GetProperty("title").GetString());
        var listed = (await ReadJsonAsync(await media.Team.GetAsync(graduates, Ct), HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("eventId").GetGuid()).ToList();
        Assert.All(Graduates, g => Assert.Contains(g.EventId, listed));

        // Dmanisi's 3 and Bolnisi's 12 (hidden with it) are cells the monitor cannot see: their events name no
        // municipality for the monitor, and filtering by one finds none of them. The media team sees where they were.
        var camps = "/api/media/results/indicators/R1.6/quarters/2025Q3/events?pageSize=100";
        var all = await ReadJsonAsync(await media.Monitor.GetAsync(camps, Ct), HttpStatusCode.OK);
        Assert.All(all.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("eventId").GetGuid() == Dmanisi.EventId || e.GetProperty("eventId").GetGuid() == Bolnisi.EventId),
            e => Assert.Equal(JsonValueKind.Null, e.GetProperty("municipality").ValueKind));
        foreach (var hidden in new[] { Municipality.Dmanisi, Municipality.Bolnisi })
        {
            var filtered = await ReadJsonAsync(await media.Monitor.GetAsync($"{camps}&municipality={hidden}", Ct), HttpStatusCode.OK);
            Assert.Equal(0, filtered.GetProperty("total").GetInt32());
        }

        var team = await ReadJsonAsync(await media.Team.GetAsync($"{camps}&municipality={Municipality.Dmanisi}", Ct), HttpStatusCode.OK);
        Assert.Contains(team.GetProperty("items").EnumerateArray(), e => e.GetProperty("eventId").GetGuid() == Dmanisi.EventId
            && e.GetProperty("municipality").GetString() == Municipality.Dmanisi);
    }
}
