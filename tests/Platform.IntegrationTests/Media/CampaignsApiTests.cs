using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.IntegrationTests.Infrastructure;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Media;

/// <summary>Campaigns through the API: planning, the lifecycle, closing with the reach of published outputs, and its event.</summary>
public sealed class CampaignsApiTests(MediaFixture media) : IClassFixture<MediaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Team => media.Team;

    [Fact]
    public async Task A_closed_campaign_publishes_the_reach_of_its_published_outputs_by_channel_language_and_municipality()
    {
        var outlet = await media.KnownOrganizationAsync();
        var campaignId = await media.PlanCampaignAsync();
        await media.PublishedOutputAsync(campaignId, outlet, 12_000, "ka", municipality: "KK-MARNEULI");
        await media.PublishedOutputAsync(campaignId, null, 3_000, "az", "SocialPost", "social", "KK-BOLNISI");
        var unpublished = await media.DraftOutputAsync(campaignId, outlet, "az");
        await AssertProblemAsync(await Team.PostAsync($"/api/media/campaigns/{campaignId}/close", null, Ct), HttpStatusCode.Conflict, null);

        await media.PostAsync($"/api/media/campaigns/{campaignId}/start", null, HttpStatusCode.OK);
        var running = await media.GetAsync($"/api/media/campaigns/{campaignId}");
        Assert.Equal("Running", running.GetProperty("status").GetString());
        Assert.Equal(15_000, running.GetProperty("reach").GetProperty("reach").GetInt64());
        var closed = await media.PostAsync($"/api/media/campaigns/{campaignId}/close", null, HttpStatusCode.OK);

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(MediaFixture.Today.ToString("yyyy-MM-dd"), closed.GetProperty("closedOn").GetString());
        Assert.Equal(15_000, closed.GetProperty("reach").GetProperty("reach").GetInt64());
        Assert.Equal(30_000, closed.GetProperty("targetReach").GetInt64());
        var (payload, _) = await Eventually.ReturnsAsync(
            async () => (await media.OutboxAsync("CampaignClosed")).SingleOrDefault(m => m.Payload.Contains(campaignId.ToString(), StringComparison.Ordinal)),
            m => m.SentAt is not null, TimeSpan.FromSeconds(30), "CampaignClosed to be published");
        var published = JsonDocument.Parse(payload).RootElement;
        Assert.Equal(15_000, published.GetProperty("reach").GetInt64());
        Assert.Equal(30_000, published.GetProperty("targetReach").GetInt64());
        Assert.Equal(2, published.GetProperty("outputs").GetInt32());
        Assert.Equal(12_000, published.GetProperty("reachByChannel").GetProperty("tv").GetInt64());
        Assert.Equal(3_000, published.GetProperty("reachByLanguage").GetProperty("az").GetInt64());
        Assert.Equal(3_000, published.GetProperty("reachByMunicipality").GetProperty("KK-BOLNISI").GetInt64());
        Assert.Equal(["women", "youth"], published.GetProperty("audiences").EnumerateArray().Select(a => a.GetString()));

        // Closed is final: no new output, no new measurement, no second close.
        await AssertProblemAsync(await Team.PostAsync($"/api/media/campaigns/{campaignId}/close", null, Ct), HttpStatusCode.Conflict, null);
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/media/outputs", MediaFixture.OutputBody(campaignId, outlet), Ct), HttpStatusCode.Conflict, null);
        var measured = (await media.GetAsync($"/api/media/outputs?campaignId={campaignId}&status=Published&language=ka")).GetProperty("items")[0].GetProperty("id").GetGuid();
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/media/outputs/{measured}/reach",
            new { metric = "views", value = 99_000, measuredOn = MediaFixture.Today, source = "late statistics" }, Ct), HttpStatusCode.Conflict, null);
        Assert.Equal(15_000, (await media.GetAsync($"/api/media/campaigns/{campaignId}")).GetProperty("reach").GetProperty("reach").GetInt64());
        Assert.Equal(HttpStatusCode.OK, (await Team.GetAsync($"/api/media/outputs/{unpublished}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Two_closes_at_once_close_it_once_and_publish_one_event()
    {
        var campaignId = await media.RunningCampaignAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Team.PostAsync($"/api/media/campaigns/{campaignId}/close", null, Ct)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Single(await media.OutboxAsync("CampaignClosed"), m => m.Payload.Contains(campaignId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wrong_plan_is_a_400_naming_each_field_and_stores_nothing()
    {
        var before = await media.InDatabaseAsync(db => db.Campaigns.CountAsync(Ct));

        using var response = await Team.PostAsJsonAsync("/api/media/campaigns", new
        {
            title = new { fr = "Campagne" },
            objective = new { en = "" },
            audiences = new[] { "elders" },
            languages = new[] { "ka" },
            channels = new[] { "tv", "tv" },
            municipalities = Array.Empty<string>(),
            startsOn = "2026-06-01",
            endsOn = "2026-05-01",
            targetReachByChannel = new { tv = 100 },
            targetReachByLanguage = new { hy = 100 },
        }, Ct);

        var problem = await ReadJsonAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(
            ["audiences[0]", "channels[1]", "endsOn", "municipalities", "objective.en", "targetReachByLanguage.hy", "title.fr"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(before, await media.InDatabaseAsync(db => db.Campaigns.CountAsync(Ct)));
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/media/campaigns", new { title = new { en = "x" }, budget = 5 }, Ct), HttpStatusCode.BadRequest, "budget");
    }

    [Fact]
    public async Task Campaigns_are_listed_by_status_municipality_and_audience_revised_only_while_planned()
    {
        var planned = await media.PlanCampaignAsync(["SJ-NINOTSMINDA"], ["lsg"]);
        var running = await media.RunningCampaignAsync(["SJ-NINOTSMINDA"], ["lsg", "cso"]);

        var list = await media.GetAsync("/api/media/campaigns?municipality=SJ-NINOTSMINDA&audience=lsg&pageSize=1");
        Assert.Equal(2, list.GetProperty("total").GetInt64());
        Assert.Single(list.GetProperty("items").EnumerateArray());
        var runningOnly = await media.GetAsync("/api/media/campaigns?municipality=SJ-NINOTSMINDA&status=Running");
        Assert.Equal(running, Assert.Single(runningOnly.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await AssertProblemAsync(await Team.GetAsync("/api/media/campaigns?status=Done&municipality=TBILISI&audience=men&pageSize=500", Ct), HttpStatusCode.BadRequest, "status");
        var bad = await ReadJsonAsync(await Team.GetAsync("/api/media/campaigns?status=1&municipality=TBILISI&audience=men&pageSize=500", Ct), HttpStatusCode.BadRequest);
        Assert.Equal(["audience", "municipality", "pageSize", "status"], bad.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));

        var revised = await ReadJsonAsync(await Team.PutAsJsonAsync($"/api/media/campaigns/{planned}", MediaFixture.CampaignBody(["SJ-AKHALTSIKHE"]), Ct), HttpStatusCode.OK);
        Assert.Equal(["SJ-AKHALTSIKHE"], revised.GetProperty("municipalities").EnumerateArray().Select(m => m.GetString()));
        await AssertProblemAsync(await Team.PutAsJsonAsync($"/api/media/campaigns/{running}", MediaFixture.CampaignBody(), Ct), HttpStatusCode.Conflict, null);
        await AssertProblemAsync(await Team.PostAsync($"/api/media/campaigns/{running}/start", null, Ct), HttpStatusCode.Conflict, null);
        Assert.Equal(HttpStatusCode.NotFound, (await Team.GetAsync($"/api/media/campaigns/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Team.PostAsync($"/api/media/campaigns/{Guid.NewGuid()}/close", null, Ct)).StatusCode);
    }
}
