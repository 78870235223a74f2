using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Media;

/// <summary>Media outputs through the API: the EU visibility checks that decide approval, publication, reach, and who may do what.</summary>
public sealed class OutputsApiTests(MediaFixture media) : IClassFixture<MediaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Team => media.Team;

    [Fact]
    public async Task An_output_missing_the_funding_statement_is_refused_with_the_failed_points_listed_and_approved_after_a_recheck()
    {
        var outlet = await media.KnownOrganizationAsync();
        var campaignId = await media.RunningCampaignAsync();
        var id = await media.DraftOutputAsync(campaignId, outlet, "az");
        await AssertProblemAsync(await Team.PostAsync($"/api/media/outputs/{id}/approve", null, Ct), HttpStatusCode.Conflict, null);

        var first = await media.PostAsync($"/api/media/outputs/{id}/checks", MediaFixture.Checklist(statement: false), HttpStatusCode.Created);
        Assert.False(first.GetProperty("compliant").GetBoolean());
        using var refusedResponse = await Team.PostAsync($"/api/media/outputs/{id}/approve", null, Ct);
        var refused = await ReadJsonAsync(refusedResponse, HttpStatusCode.Conflict);

        Assert.Equal("application/problem+json", refusedResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("not-compliant", refused.GetProperty("code").GetString());
        Assert.Equal(["funding-statement", "emblem-with-statement"], refused.GetProperty("failed").EnumerateArray().Select(f => f.GetProperty("point").GetString()));
        Assert.Contains("Avropa İttifaqı tərəfindən maliyyələşdirilir", refused.GetProperty("failed")[0].GetProperty("missing").GetString(), StringComparison.Ordinal);
        var nonCompliant = await media.GetAsync($"/api/media/outputs/non-compliant?campaignId={campaignId}");
        var listed = Assert.Single(nonCompliant.GetProperty("items").EnumerateArray());
        Assert.Equal(id, listed.GetProperty("id").GetGuid());
        Assert.Equal("funding-statement", listed.GetProperty("missing")[0].GetProperty("point").GetString());
        Assert.Equal("Checked", (await media.GetAsync($"/api/media/outputs/{id}")).GetProperty("status").GetString());

        await media.PostAsync($"/api/media/outputs/{id}/checks", MediaFixture.Checklist(), HttpStatusCode.Created);
        var approved = await media.PostAsync($"/api/media/outputs/{id}/approve", null, HttpStatusCode.OK);

        Assert.Equal("Approved", approved.GetProperty("status").GetString());
        Assert.False(approved.GetProperty("compliantAtFirstCheck").GetBoolean());
        Assert.Equal([false, true], approved.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("compliant").GetBoolean()));
        Assert.All(approved.GetProperty("checks").EnumerateArray(), c => Assert.False(string.IsNullOrEmpty(c.GetProperty("checkedBy").GetString())));
        Assert.Equal("Avropa İttifaqı tərəfindən maliyyələşdirilir", approved.GetProperty("fundingStatement").GetString());
        Assert.Empty((await media.GetAsync($"/api/media/outputs/non-compliant?campaignId={campaignId}")).GetProperty("items").EnumerateArray());
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/media/outputs/{id}/checks", MediaFixture.Checklist(), Ct), HttpStatusCode.Conflict, null);

        var figures = await media.GetAsync($"/api/media/figures/outputs?campaignId={campaignId}");
        Assert.Equal(1, figures.GetProperty("firstCheck").GetProperty("checked").GetInt32());
        Assert.Equal(0, figures.GetProperty("firstCheck").GetProperty("compliantAtFirstCheck").GetInt32());
    }

    [Fact]
    public async Task A_published_output_has_its_reach_measured_over_time_and_is_public_without_a_token()
    {
        var outlet = await media.KnownOrganizationAsync();
        var id = await media.DraftOutputAsync(null, outlet, "hy", "Publication", "print", "SJ-NINOTSMINDA");
        using var anonymous = media.App.ClientFor(null);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/media/catalogue/outputs/{id}", Ct)).StatusCode);
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/media/outputs/{id}/checks", MediaFixture.Checklist(), Ct), HttpStatusCode.BadRequest, "disclaimerPresent");
        await media.PostAsync($"/api/media/outputs/{id}/checks", MediaFixture.Checklist(disclaimer: true), HttpStatusCode.Created);
        await media.PostAsync($"/api/media/outputs/{id}/approve", null, HttpStatusCode.OK);
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/media/outputs/{id}/reach",
            new { metric = "readers", value = 500, measuredOn = MediaFixture.Today, source = "Print run" }, Ct), HttpStatusCode.Conflict, null);
        await media.PostAsync($"/api/media/outputs/{id}/publish", null, HttpStatusCode.OK);

        await media.PostAsync($"/api/media/outputs/{id}/reach", new { metric = "readers", value = 500, measuredOn = MediaFixture.Today.AddDays(-1), source = "Print run" }, HttpStatusCode.Created);
        await media.PostAsync($"/api/media/outputs/{id}/reach", new { metric = "readers", value = 800, measuredOn = MediaFixture.Today, source = "Distributor's report" }, HttpStatusCode.Created);
        await media.PostAsync($"/api/media/outputs/{id}/reach", new { metric = "views", value = 120, measuredOn = MediaFixture.Today, source = "PDF downloads" }, HttpStatusCode.Created);
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/media/outputs/{id}/reach", new { metric = "likes", value = -1, source = "" }, Ct), HttpStatusCode.BadRequest, "metric");

        var output = await media.GetAsync($"/api/media/outputs/{id}");
        Assert.Equal(920, output.GetProperty("reach").GetInt64());
        Assert.Equal(3, output.GetProperty("measurements").GetArrayLength());
        Assert.Equal("Distributor's report", output.GetProperty("latestReach").EnumerateArray().Single(m => m.GetProperty("metric").GetString() == "readers").GetProperty("source").GetString());

        var publicOutput = await ReadJsonAsync(await anonymous.GetAsync($"/api/media/catalogue/outputs/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal("hy", publicOutput.GetProperty("language").GetString());
        Assert.Equal("Ֆինանսավորվում է Եվրոպական միության կողմից", publicOutput.GetProperty("fundingStatement").GetString());
        Assert.StartsWith("Marneuli TV", publicOutput.GetProperty("outlet").GetProperty("name").GetProperty("en").GetString(), StringComparison.Ordinal);
        Assert.False(publicOutput.TryGetProperty("checks", out _));
        Assert.False(publicOutput.TryGetProperty("approvedBy", out _));
        var catalogue = await ReadJsonAsync(await anonymous.GetAsync("/api/media/catalogue/outputs?municipality=SJ-NINOTSMINDA&language=hy&type=Publication", Ct), HttpStatusCode.OK);
        Assert.Contains(catalogue.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
        Assert.All(catalogue.GetProperty("items").EnumerateArray(), o => Assert.Equal("Publication", o.GetProperty("type").GetString()));
        await AssertProblemAsync(await anonymous.GetAsync("/api/media/catalogue/outputs?type=Secret&pageSize=0", Ct), HttpStatusCode.BadRequest, "type");
    }

    [Fact]
    public async Task An_outlet_must_be_a_media_outlet_of_the_registry_and_an_output_in_a_campaign_uses_its_languages_channels_and_municipalities()
    {
        var cso = await media.KnownOrganizationAsync(OrganizationType.Cso, "Bolnisi Women's Council");
        var campaignId = await media.PlanCampaignAsync();
        var before = await media.InDatabaseAsync(db => db.Outputs.CountAsync(Ct));

        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/media/outputs", MediaFixture.OutputBody(null, cso), Ct), HttpStatusCode.BadRequest, "outletId");
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/media/outputs", MediaFixture.OutputBody(null, Guid.NewGuid()), Ct), HttpStatusCode.BadRequest, "outletId");
        var wrong = await ReadJsonAsync(await Team.PostAsJsonAsync("/api/media/outputs",
            MediaFixture.OutputBody(campaignId, null, "hy", "RadioSegment", "radio", "SJ-AKHALTSIKHE"), Ct), HttpStatusCode.BadRequest);
        Assert.Equal(["channel", "language", "municipality"], wrong.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/media/outputs", MediaFixture.OutputBody(Guid.NewGuid(), null), Ct), HttpStatusCode.BadRequest, "campaignId");
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/media/outputs", MediaFixture.OutputBody(null, null, type: "Article", channel: "tv"), Ct), HttpStatusCode.BadRequest, "channel");
        Assert.Equal(before, await media.InDatabaseAsync(db => db.Outputs.CountAsync(Ct)));

        var own = await media.PostAsync("/api/media/outputs", MediaFixture.OutputBody(campaignId, null), HttpStatusCode.Created);
        Assert.Equal("KKM Facebook page", own.GetProperty("outlet").GetProperty("ownChannel").GetString());
        Assert.Equal("Draft", own.GetProperty("status").GetString());
        var list = await media.GetAsync($"/api/media/outputs?campaignId={campaignId}&status=Draft&type=TvSegment&municipality=KK-MARNEULI");
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        await AssertProblemAsync(await Team.GetAsync("/api/media/outputs?status=Lost", Ct), HttpStatusCode.BadRequest, "status");
        Assert.Equal(HttpStatusCode.NotFound, (await Team.GetAsync($"/api/media/outputs/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Team.PostAsync($"/api/media/outputs/{Guid.NewGuid()}/approve", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task Other_teams_and_the_monitor_read_but_only_the_media_team_and_the_admin_write()
    {
        var campaignId = await media.PlanCampaignAsync();
        var outputId = await media.DraftOutputAsync(campaignId, null);
        using var monitor = media.App.ClientFor(PlatformRoles.Monitor);
        using var youth = media.App.ClientFor(PlatformRoles.YouthTeam);
        using var admin = media.App.ClientFor(PlatformRoles.ProgrammeAdmin);
        using var anonymous = media.App.ClientFor(null);

        foreach (var reader in new[] { monitor, youth })
        {
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/media/campaigns/{campaignId}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/media/outputs/{outputId}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/api/media/figures/reach?campaignId={campaignId}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync("/api/media/campaigns", MediaFixture.CampaignBody(), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsJsonAsync($"/api/media/outputs/{outputId}/checks", MediaFixture.Checklist(), Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync($"/api/media/campaigns/{campaignId}/start", null, Ct)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/media/outputs/{outputId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/media/figures/outputs", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync($"/api/media/outputs/{outputId}/checks", MediaFixture.Checklist(), Ct)).StatusCode);
        Assert.Equal("Checked", (await media.GetAsync($"/api/media/outputs/{outputId}")).GetProperty("status").GetString());
    }
}
