using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Platform.EndToEndTests.Responses;

namespace Platform.EndToEndTests;

/// <summary>The flows of Youth and Grants, through the gateway, move Media's indicators, draft its stories and fill the public catalogue.</summary>
public sealed class ResultsEndToEndTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string CurrentQuarter
    {
        get
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            return $"{today.Year}Q{(today.Month + 2) / 3}";
        }
    }

    private static decimal ValueIn(JsonElement indicator, string quarter) =>
        indicator.GetProperty("actuals").EnumerateArray().Single(a => a.GetProperty("quarter").GetString() == quarter).GetProperty("value").GetDecimal();

    [Fact]
    public async Task A_graduation_in_Youth_moves_the_graduates_indicator_and_drafts_the_cohorts_story()
    {
        using var capacity = await platform.GatewayAsAsync("capacity-team");
        using var youth = await platform.GatewayAsAsync("youth-team");
        using var media = await platform.GatewayAsAsync("media-team");
        // The media team owns the results and reads them exactly: a handful of graduates is a small count the monitor sees suppressed.
        var before = ValueIn(await Json(await media.GetAsync("/api/media/results/indicators/R1.5", Ct)), CurrentQuarter);

        var hostId = (await Json(await capacity.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"Social Service Agency {Guid.NewGuid():N}" }, type = "NationalOrganization", municipality = "KK-BOLNISI" }, Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Eventually.GetAsync(async () => (await youth.GetAsync($"/api/youth/organizations/{hostId}", Ct)).StatusCode == HttpStatusCode.OK ? true : (bool?)null,
            EventTimeout, $"host {hostId} in Youth");
        var graduate = await YoungProfessionalsTests.GraduateAsync(youth, hostId, "KK-BOLNISI");

        await Eventually.GetAsync(async () =>
            ValueIn(await Json(await media.GetAsync("/api/media/results/indicators/R1.5", Ct)), CurrentQuarter) == before + 1 ? true : (bool?)null,
            EventTimeout, "the graduate counted in R1.5");
        var story = await Eventually.GetAsync(async () =>
            (await Json(await media.GetAsync("/api/media/stories?status=Draft&pageSize=100", Ct))).GetProperty("items").EnumerateArray()
                .Where(s => s.GetProperty("subjectId").GetGuid() == graduate.CohortId).Select(s => (JsonElement?)s).FirstOrDefault(),
            EventTimeout, "the cohort's draft story");
        Assert.Equal("CohortGraduated", story.GetProperty("kind").GetString());
        Assert.DoesNotContain("Mariam", story.GetProperty("body").GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_call_opened_in_Grants_is_listed_for_anonymous_applicants_in_the_catalogue()
    {
        using var grants = await platform.GatewayAsAsync("grants-team");
        var title = $"Community care grants {Guid.NewGuid():N}";
        var call = await Json(await grants.PostAsJsonAsync("/api/grants/calls", new
        {
            title = new { en = title, ka = "სათემო ზრუნვის გრანტები" },
            description = new { en = "Grants for community care services." },
            targetGroup = "SocialServiceProvider",
            eligibleMunicipalities = new[] { "SJ-AKHALTSIKHE" },
            currency = "GEL",
            envelope = 50_000m,
            minimumAward = 5_000m,
            maximumAward = 15_000m,
            coFundingShare = 0.1m,
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            deadline = DateTimeOffset.UtcNow.AddDays(20),
            criteria = new object[] { new { code = "need", name = "Need", weight = 100, maxScore = 10 } },
            requiredScores = 1,
        }, Ct), HttpStatusCode.Created);
        var callId = call.GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Unauthorized, (await platform.Gateway.GetAsync("/api/grants/calls", Ct)).StatusCode);
        await Json(await grants.PostAsync($"/api/grants/calls/{callId}/open", null, Ct));

        var listed = await Eventually.GetAsync(async () =>
            (await Json(await platform.Gateway.GetAsync("/api/media/catalogue/calls?municipality=SJ-AKHALTSIKHE&pageSize=100", Ct))).GetProperty("items").EnumerateArray()
                .Where(c => c.GetProperty("id").GetGuid() == callId).Select(c => (JsonElement?)c).FirstOrDefault(),
            EventTimeout, "the open call in the public catalogue");
        Assert.Equal(title, listed.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal(50_000m, listed.GetProperty("envelope").GetDecimal());
    }
}
