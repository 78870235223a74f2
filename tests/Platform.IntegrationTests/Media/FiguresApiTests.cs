using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Media;

/// <summary>The communication figures through the API: reach against the target, outputs by type and outlet, media engagement.</summary>
public sealed class FiguresApiTests(MediaFixture media) : IClassFixture<MediaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Team => media.Team;

    private static JsonElement Row(JsonElement figures, string property, string key) =>
        figures.GetProperty(property).EnumerateArray().Single(r => r.GetProperty("key").GetString() == key);

    [Fact]
    public async Task Reach_is_set_against_the_target_by_campaign_channel_language_audience_and_municipality()
    {
        var outlet = await media.KnownOrganizationAsync();
        var campaignId = await media.RunningCampaignAsync();
        await media.PublishedOutputAsync(campaignId, outlet, 12_000, "ka");
        await media.PublishedOutputAsync(campaignId, null, 3_000, "az", "SocialPost", "social", "KK-BOLNISI");
        await media.DraftOutputAsync(campaignId, outlet, "az");

        var figures = await media.GetAsync($"/api/media/figures/reach?campaignId={campaignId}");

        Assert.Equal(15_000, figures.GetProperty("total").GetProperty("reach").GetInt64());
        Assert.Equal(30_000, figures.GetProperty("total").GetProperty("target").GetInt64());
        Assert.Equal(50.0m, figures.GetProperty("total").GetProperty("percentOfTarget").GetDecimal());
        Assert.Equal(campaignId.ToString(), Assert.Single(figures.GetProperty("byCampaign").EnumerateArray()).GetProperty("key").GetString());
        Assert.Equal((12_000, 20_000), (Row(figures, "byChannel", "tv").GetProperty("reach").GetInt64(), Row(figures, "byChannel", "tv").GetProperty("target").GetInt64()));
        Assert.Equal((3_000, 15_000), (Row(figures, "byLanguage", "az").GetProperty("reach").GetInt64(), Row(figures, "byLanguage", "az").GetProperty("target").GetInt64()));
        Assert.Equal(15_000, Row(figures, "byAudience", "women").GetProperty("reach").GetInt64());
        Assert.Equal(3_000, Row(figures, "byMunicipality", "KK-BOLNISI").GetProperty("reach").GetInt64());
        await AssertProblemAsync(await Team.GetAsync("/api/media/figures/reach?municipality=TBILISI&status=Over", Ct), HttpStatusCode.BadRequest, "municipality");
    }

    [Fact]
    public async Task Outputs_are_counted_by_type_and_outlet_with_the_share_compliant_at_first_check()
    {
        var outlet = await media.KnownOrganizationAsync();
        var campaignId = await media.PlanCampaignAsync();
        await media.PublishedOutputAsync(campaignId, outlet, 100);
        await media.PublishedOutputAsync(campaignId, outlet, 100);
        var fixedLater = await media.DraftOutputAsync(campaignId, null, "az", "SocialPost", "social");
        await media.PostAsync($"/api/media/outputs/{fixedLater}/checks", MediaFixture.Checklist(statement: false), HttpStatusCode.Created);
        await media.PostAsync($"/api/media/outputs/{fixedLater}/checks", MediaFixture.Checklist(), HttpStatusCode.Created);
        await media.DraftOutputAsync(campaignId, null, "ka", "SocialPost", "social");

        var figures = await media.GetAsync($"/api/media/figures/outputs?campaignId={campaignId}");

        var tv = figures.GetProperty("byType").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "TvSegment").GetProperty("count");
        Assert.Equal((2, 2), (tv.GetProperty("outputs").GetInt32(), tv.GetProperty("published").GetInt32()));
        var posts = figures.GetProperty("byType").EnumerateArray().Single(r => r.GetProperty("type").GetString() == "SocialPost").GetProperty("count");
        Assert.Equal((2, 0), (posts.GetProperty("outputs").GetInt32(), posts.GetProperty("published").GetInt32()));
        var byOutlet = figures.GetProperty("byOutlet").EnumerateArray().ToList();
        Assert.Equal(2, byOutlet.Single(r => r.GetProperty("outletId").ValueKind != JsonValueKind.Null && r.GetProperty("outletId").GetGuid() == outlet).GetProperty("count").GetProperty("outputs").GetInt32());
        Assert.Equal(2, byOutlet.Single(r => r.GetProperty("ownChannel").GetString() == "KKM Facebook page").GetProperty("count").GetProperty("outputs").GetInt32());
        // Three outputs were checked; two passed their first check, the third only after a fix.
        var firstCheck = figures.GetProperty("firstCheck");
        Assert.Equal((3, 2), (firstCheck.GetProperty("checked").GetInt32(), firstCheck.GetProperty("compliantAtFirstCheck").GetInt32()));
        Assert.Equal(66.7m, firstCheck.GetProperty("percent").GetDecimal());
    }

    [Fact]
    public async Task Journalists_trained_and_partnerships_are_counted_by_outlet()
    {
        var outlet = await media.KnownOrganizationAsync(name: "Radio Marneuli");
        var cso = await media.KnownOrganizationAsync(Platform.Contracts.Capacity.OrganizationType.Cso);
        await media.PostAsync("/api/media/engagement/trainings", new { outletId = outlet, heldOn = MediaFixture.Today, topic = "Reporting on social services", journalistsTrained = 6 }, HttpStatusCode.Created);
        await media.PostAsync("/api/media/engagement/trainings", new { outletId = outlet, heldOn = MediaFixture.Today, topic = "EU visibility rules", journalistsTrained = 4 }, HttpStatusCode.Created);
        await media.PostAsync("/api/media/engagement/partnerships", new { outletId = outlet, startsOn = MediaFixture.Today, scope = "A weekly programme on municipal services" }, HttpStatusCode.Created);
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/media/engagement/trainings",
            new { outletId = cso, heldOn = MediaFixture.Today.AddDays(3), topic = "x", journalistsTrained = 0 }, Ct), HttpStatusCode.BadRequest, "journalistsTrained");
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/media/engagement/partnerships", new { outletId = cso, startsOn = MediaFixture.Today, scope = "x" }, Ct), HttpStatusCode.BadRequest, "outletId");

        var figures = await media.GetAsync("/api/media/figures/engagement");

        var row = figures.GetProperty("byOutlet").EnumerateArray().Single(r => r.GetProperty("outletId").GetGuid() == outlet);
        Assert.Equal((2, 10, 1), (row.GetProperty("trainings").GetInt32(), row.GetProperty("journalistsTrained").GetInt32(), row.GetProperty("partnerships").GetInt32()));
        Assert.DoesNotContain(figures.GetProperty("byOutlet").EnumerateArray(), r => r.GetProperty("outletId").GetGuid() == cso);
        using var monitor = media.App.ClientFor(Platform.ServiceDefaults.Security.PlatformRoles.Monitor);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync("/api/media/figures/engagement", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsJsonAsync("/api/media/engagement/partnerships", new { outletId = outlet, startsOn = MediaFixture.Today, scope = "x" }, Ct)).StatusCode);
    }
}
