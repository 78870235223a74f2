using System.Net;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Capacity;
using Platform.Contracts.Grants;
using Platform.Contracts.Partnerships;
using Platform.Contracts.ReferenceData;
using Platform.Contracts.Youth;
using Platform.IntegrationTests.Infrastructure;
using Platform.Media.Catalogue;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;
using static Platform.IntegrationTests.Results.MediaFixture;

namespace Platform.IntegrationTests.Results;

/// <summary>Events of every service become facts once each, move their indicators in the quarter of their own date, draft stories, and export as IATI and CSV.</summary>
public sealed class ResultsFrameworkTests(MediaFixture media) : IClassFixture<MediaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    private static GrantAwarded Award(DateTimeOffset on, string municipality = Municipality.Marneuli, decimal amount = 20_000m) =>
        new(Guid.CreateVersion7(), Guid.NewGuid(), Guid.NewGuid(), TargetGroup.Cso, null, null, municipality, amount, Currency.Lari) { OccurredAt = on };

    [Fact]
    public async Task Each_event_moves_its_indicator_once_even_when_delivered_again()
    {
        var before = await media.ValueAsync("R3.1", "2025Q3");
        var later = await media.ValueAsync("R3.1", "2026Q1");
        var first = Award(At(2025, 8, 4));
        var second = Award(At(2025, 9, 30), Municipality.Bolnisi);
        await media.RecordAsync(first, second);
        // The same event again (a redelivery or a re-publish), then one more: only the new one counts.
        var third = Award(At(2025, 9, 1), Municipality.Tsalka);
        await media.PublishAsync(first, first);
        await media.RecordAsync(third);

        var indicator = await media.IndicatorAsync("R3.1");
        Assert.Equal(before + 3, ValueOf(indicator, "2025Q3"));
        Assert.Equal(later + 3, ValueOf(indicator, "2026Q1")); // cumulative
        Assert.Equal(1, await media.InDatabaseAsync(db => db.Facts.CountAsync(f => f.EventId == first.EventId, Ct)));

        // Every figure is traced to the events behind it.
        var events = await ReadJsonAsync(await media.Monitor.GetAsync("/api/media/results/indicators/R3.1/quarters/2025Q3/events?pageSize=100", Ct), HttpStatusCode.OK);
        var ids = events.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("eventId").GetGuid()).ToList();
        Assert.Contains(first.EventId, ids);
        Assert.Contains(third.EventId, ids);
        Assert.Equal(before + 3, events.GetProperty("total").GetInt32());
        var marneuli = await ReadJsonAsync(await media.Monitor.GetAsync("/api/media/results/indicators/R3.1/quarters/2025Q3/events?municipality=KK-BOLNISI", Ct), HttpStatusCode.OK);
        Assert.Contains(marneuli.GetProperty("items").EnumerateArray(), e => e.GetProperty("eventId").GetGuid() == second.EventId);
        Assert.All(marneuli.GetProperty("items").EnumerateArray(), e => Assert.Equal("KK-BOLNISI", e.GetProperty("municipality").GetString()));
    }

    [Fact]
    public async Task A_late_event_counts_in_the_quarter_of_its_own_date()
    {
        var indicator = await media.IndicatorAsync("R3.2");
        var (q1, q2) = (ValueOf(indicator, "2025Q1") ?? 0, ValueOf(indicator, "2025Q2") ?? 0);

        // Paid in May 2025, reported to Media only now.
        await media.RecordAsync(new TranchePaid(Guid.NewGuid(), Guid.NewGuid(), 1, 8_000m, Currency.Lari, new DateOnly(2025, 5, 10), Municipality.Dmanisi));
        await media.RecordAsync(new TranchePaid(Guid.NewGuid(), Guid.NewGuid(), 1, 5_000m, Currency.Euro, new DateOnly(2025, 5, 11), Municipality.Dmanisi));

        var after = await media.IndicatorAsync("R3.2");
        Assert.Equal(q1, ValueOf(after, "2025Q1") ?? 0);
        Assert.Equal(q2 + 8_000m, ValueOf(after, "2025Q2")); // lari only: currencies are never mixed
        Assert.Equal(8_000m, QuarterOf(after, "2025Q2").GetProperty("by").GetProperty("municipality").GetProperty("KK-DMANISI").GetDecimal());
    }

    [Fact]
    public async Task A_corrected_assessment_replaces_the_earlier_one_in_the_share_of_improved_CSOs()
    {
        var organization = Guid.NewGuid();
        var midline = Guid.NewGuid();
        CapacityAssessmentCompleted Assessment(Guid id, AssessmentKind kind, decimal overall, DateOnly on, int revision) =>
            new(id, organization, kind, new Dictionary<string, decimal> { ["governance"] = overall }, overall, on) { Revision = revision };
        var before = QuarterOf(await media.IndicatorAsync("R1.1"), "2026Q2");
        var numerator = before.GetProperty("numerator").GetDecimal();
        var denominator = before.GetProperty("denominator").GetDecimal();

        await media.RecordAsync(Assessment(Guid.NewGuid(), AssessmentKind.Baseline, 1.25m, new DateOnly(2025, 3, 3), 1),
            Assessment(midline, AssessmentKind.Midline, 1.75m, new DateOnly(2026, 4, 2), 1));
        var first = QuarterOf(await media.IndicatorAsync("R1.1"), "2026Q2");
        Assert.Equal(numerator, first.GetProperty("numerator").GetDecimal());
        Assert.Equal(denominator + 1, first.GetProperty("denominator").GetDecimal());

        await media.RecordAsync(Assessment(midline, AssessmentKind.Midline, 2.5m, new DateOnly(2026, 4, 2), 2));
        var corrected = QuarterOf(await media.IndicatorAsync("R1.1"), "2026Q2");
        Assert.Equal(numerator + 1, corrected.GetProperty("numerator").GetDecimal());
        Assert.Equal(denominator + 1, corrected.GetProperty("denominator").GetDecimal());
        Assert.Equal(Math.Round(100m * (numerator + 1) / (denominator + 1), 1), corrected.GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task The_events_behind_a_figure_by_municipality_include_the_facts_located_by_their_organisation()
    {
        // An assessment's event names only the organisation: its municipality is the registry's.
        var organization = Guid.NewGuid();
        await media.PublishAsync(new OrganizationRegistered(organization, new Dictionary<string, string> { ["en"] = "Ninotsminda Civic Union" },
            OrganizationType.Cso, Municipality.Ninotsminda, 1));
        await Eventually.HoldsAsync(() => media.InDatabaseAsync(db => db.Organizations.AnyAsync(o => o.Id == organization, Ct)), Propagation, "the organisation in Media");
        var baseline = new CapacityAssessmentCompleted(Guid.NewGuid(), organization, AssessmentKind.Baseline,
            new Dictionary<string, decimal> { ["governance"] = 2m }, 2m, new DateOnly(2025, 4, 7));
        await media.RecordAsync(baseline);

        var events = await ReadJsonAsync(await media.Monitor.GetAsync(
            $"/api/media/results/indicators/R1.2/quarters/2025Q2/events?municipality={Municipality.Ninotsminda}&pageSize=100", Ct), HttpStatusCode.OK);

        var item = Assert.Single(events.GetProperty("items").EnumerateArray(), e => e.GetProperty("eventId").GetGuid() == baseline.EventId);
        Assert.Equal(Municipality.Ninotsminda, item.GetProperty("municipality").GetString());
        Assert.All(events.GetProperty("items").EnumerateArray(), e => Assert.Equal(Municipality.Ninotsminda, e.GetProperty("municipality").GetString()));
    }

    [Fact]
    public async Task Stories_are_drafted_from_events_in_the_languages_given_and_without_personal_data()
    {
        var award = Award(At(2026, 2, 3), Municipality.Akhaltsikhe, 15_000m);
        var recommendation = new RecommendationAdopted(Guid.NewGuid(),
            new Dictionary<string, string> { ["ka"] = "სოციალური ტაქსი შშმ პირებისთვის", ["en"] = "A social taxi for people with disabilities" },
            new Dictionary<string, string> { ["en"] = "The city hall adopted the Alliance's proposal for a social taxi." },
            AdoptionOutcome.Adopted, null, "Marneuli City Hall", [Municipality.Marneuli], new DateOnly(2026, 3, 1));
        var cohort = Guid.NewGuid();
        await media.PublishAsync(award);
        await media.PublishAsync(recommendation);
        await media.PublishAsync(
            new ParticipantGraduated(Guid.NewGuid(), cohort, Municipality.Marneuli, Guid.NewGuid(), new DateOnly(2026, 6, 30)),
            new ParticipantGraduated(Guid.NewGuid(), cohort, Municipality.Bolnisi, Guid.NewGuid(), new DateOnly(2026, 6, 30)));

        var stories = await Eventually.ReturnsAsync(
            () => media.InDatabaseAsync(db => db.Stories.AsNoTracking()
                .Where(s => s.SubjectId == award.AwardId || s.SubjectId == recommendation.RecommendationId || s.SubjectId == cohort).ToListAsync(Ct)),
            s => s.Count == 3 && s.Single(x => x.Kind == StoryKind.CohortGraduated).Graduates.Count == 2, Propagation, "three drafts");

        var awardStory = await ReadJsonAsync(await media.Team.GetAsync($"/api/media/stories/{stories.Single(s => s.Kind == StoryKind.GrantAwarded).Id}", Ct), HttpStatusCode.OK);
        Assert.Equal("Draft", awardStory.GetProperty("status").GetString());
        Assert.Equal(["az", "en", "hy", "ka"], awardStory.GetProperty("title").EnumerateObject().Select(p => p.Name).Order());
        Assert.Contains("15,000 GEL", awardStory.GetProperty("body").GetProperty("en").GetString());
        Assert.False(awardStory.GetProperty("containsPersonalData").GetBoolean());

        var adopted = stories.Single(s => s.Kind == StoryKind.RecommendationAdopted);
        Assert.Equal(["en", "ka"], adopted.Title.Values.Keys.Order());
        Assert.Equal(Municipality.Marneuli, adopted.Municipality);
        Assert.StartsWith("2 Young Professionals", stories.Single(s => s.Kind == StoryKind.CohortGraduated).Title.Values["en"]);
    }

    [Fact]
    public async Task The_IATI_export_is_a_valid_IATI_2_03_activity_document_with_results_dimensions_and_narratives()
    {
        await media.RecordAsync(new CampHeld(Guid.NewGuid(), CampAudience.Youth, Municipality.Gardabani, new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 3), 14,
            new Dictionary<string, int> { [Gender.Female] = 8, [Gender.Male] = 6 }, new Dictionary<string, int> { [Age.From18To24] = 14 }));

        var response = await media.Monitor.GetAsync("/api/media/results/export/iati", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync(Ct);

        var schemas = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        schemas.Add(null, Path.Combine(IatiSchemaDirectory(), "iati-activities-schema.xsd"));
        schemas.Compile();
        var document = XDocument.Parse(xml);
        var problems = new List<string>();
        document.Validate(schemas, (_, e) => problems.Add($"{e.Severity}: {e.Message}"));
        Assert.Empty(problems);

        var results = document.Descendants("result").ToList();
        Assert.Equal(3, results.Count);
        var camps = document.Descendants("indicator").Single(i => i.Element("reference")?.Attribute("code")?.Value == "R1.6");
        Assert.Equal(["az", "en", "hy", "ka"], camps.Element("title")!.Elements("narrative").Select(n => n.Attribute(XNamespace.Xml + "lang")!.Value).Order());
        var q3 = camps.Elements("period").Single(p => p.Element("period-start")!.Attribute("iso-date")!.Value == "2025-07-01");
        Assert.Contains(q3.Elements("actual"), a => a.Element("dimension") is { } d && d.Attribute("name")!.Value == "gender" && d.Attribute("value")!.Value == "female");
        Assert.NotNull(q3.Element("target"));
    }

    [Fact]
    public async Task The_CSV_export_has_a_row_per_indicator_quarter_and_breakdown()
    {
        await media.RecordAsync(Award(At(2025, 11, 5), Municipality.Ninotsminda));

        var response = await media.Monitor.GetAsync("/api/media/results/export/csv", Ct);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(Platform.Media.Results.CsvExport.Header, lines[0]);
        Assert.Contains(lines, l => l.StartsWith("R3,R3.1,2025Q4,municipality,SJ-NINOTSMINDA,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("R1,R1.5,2025Q1,total,,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reading_the_framework_needs_a_token_and_bad_parameters_are_named()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await media.Public.GetAsync("/api/media/results", Ct)).StatusCode);
        var framework = await ReadJsonAsync(await media.Monitor.GetAsync("/api/media/results", Ct), HttpStatusCode.OK);
        Assert.True(framework.EnumerateArray().Sum(r => r.GetProperty("indicators").GetArrayLength()) >= 10);
        var percent = framework.EnumerateArray().SelectMany(r => r.GetProperty("indicators").EnumerateArray()).First(i => i.GetProperty("measure").GetString() == "Percent");
        Assert.False(string.IsNullOrEmpty(percent.GetProperty("numerator").GetString()));
        Assert.False(string.IsNullOrEmpty(percent.GetProperty("denominator").GetString()));

        Assert.Equal(HttpStatusCode.NotFound, (await media.Monitor.GetAsync("/api/media/results/indicators/R9.9", Ct)).StatusCode);
        var bad = await media.Monitor.GetAsync("/api/media/results/indicators/R3.1/quarters/2025Q9/events?municipality=KK-NOWHERE&pageSize=0", Ct);
        await Grants.GrantsFixture.AssertFieldErrorAsync(bad, "quarter");
        bad = await media.Monitor.GetAsync("/api/media/results/indicators/R3.1/quarters/2025Q9/events?municipality=KK-NOWHERE&pageSize=0", Ct);
        var problem = await Grants.GrantsFixture.ProblemAsync(bad, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("municipality", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _));
    }

    /// <summary>The IATI schema is data outside the repository: <c>../shared/iati</c> beside the checkout (or further up, for a worktree).</summary>
    internal static string IatiSchemaDirectory()
    {
        for (var dir = Directory.GetParent(PlatformServers.RepositoryRoot()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "iati");
            if (File.Exists(Path.Combine(candidate, "iati-activities-schema.xsd")))
            {
                return candidate;
            }
        }

        Assert.Fail($"The IATI 2.03 schema (shared/iati/iati-activities-schema.xsd) is not beside {PlatformServers.RepositoryRoot()} or above it.");
        return "";
    }
}
