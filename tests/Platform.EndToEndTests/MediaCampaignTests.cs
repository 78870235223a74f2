using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static Platform.EndToEndTests.Responses;

namespace Platform.EndToEndTests;

/// <summary>
/// An awareness campaign end to end through the gateway: a media outlet registered in Capacity reaches Media by its
/// events; the campaign's outputs in Georgian and Azerbaijani are checked for EU visibility (one refused for a missing
/// funding statement, approved after the fix), published, measured, and the campaign closes with its reach.
/// </summary>
public sealed class MediaCampaignTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_campaign_in_two_languages_has_an_output_refused_for_the_funding_statement_approved_after_the_fix_and_closes_with_its_reach()
    {
        using var capacity = await platform.GatewayAsAsync("capacity-team");
        using var media = await platform.GatewayAsAsync("media-team");
        using var monitor = await platform.GatewayAsAsync("monitor");

        var outletId = await IdOfAsync(await capacity.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"Marneuli TV {Guid.NewGuid():N}", ka = "მარნეულის ტელევიზია" }, type = "MediaOutlet", municipality = "KK-MARNEULI" }, Ct));
        await Eventually.GetAsync(
            async () => (await media.GetAsync($"/api/media/organizations/{outletId}", Ct)).StatusCode == HttpStatusCode.OK ? true : (bool?)null,
            EventTimeout, $"outlet {outletId} in Media");

        var campaignId = await IdOfAsync(await media.PostAsJsonAsync("/api/media/campaigns", new
        {
            title = new { en = $"Know your social services {Guid.NewGuid():N}", ka = "იცოდე შენი სოციალური სერვისები", az = "Sosial xidmətlərini tanı" },
            objective = new { en = "Women and youth in Marneuli and Bolnisi know which social services their municipality offers." },
            audiences = new[] { "women", "youth" },
            languages = new[] { "ka", "az" },
            channels = new[] { "tv", "social" },
            municipalities = new[] { "KK-MARNEULI", "KK-BOLNISI" },
            startsOn = Today.AddDays(-14),
            endsOn = Today.AddDays(30),
            targetReachByChannel = new { tv = 20000, social = 10000 },
            targetReachByLanguage = new { ka = 18000, az = 12000 },
        }, Ct));
        await Json(await media.PostAsync($"/api/media/campaigns/{campaignId}/start", null, Ct));

        // A TV segment in Georgian at the registered outlet: compliant at its first check.
        var segmentId = await DraftAsync(media, new { type = "TvSegment", language = "ka", channel = "tv", municipality = "KK-MARNEULI", campaignId, outletId });
        await Json(await media.PostAsJsonAsync($"/api/media/outputs/{segmentId}/checks", Checklist(statement: true), Ct), HttpStatusCode.Created);
        await PublishAsync(media, segmentId, 12_000);

        // A social post in Azerbaijani on the consortium's own page: refused without the funding statement, approved after the fix.
        var postId = await DraftAsync(media, new { type = "SocialPost", language = "az", channel = "social", municipality = "KK-BOLNISI", campaignId, ownChannel = "KKM Facebook page" });
        await Json(await media.PostAsJsonAsync($"/api/media/outputs/{postId}/checks", Checklist(statement: false), Ct), HttpStatusCode.Created);
        var refused = await Json(await media.PostAsync($"/api/media/outputs/{postId}/approve", null, Ct), HttpStatusCode.Conflict);
        Assert.Equal("not-compliant", refused.GetProperty("code").GetString());
        Assert.Contains(refused.GetProperty("failed").EnumerateArray(), f => f.GetProperty("point").GetString() == "funding-statement");
        var nonCompliant = await Json(await monitor.GetAsync($"/api/media/outputs/non-compliant?campaignId={campaignId}", Ct));
        Assert.Equal(postId, Assert.Single(nonCompliant.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await Json(await media.PostAsJsonAsync($"/api/media/outputs/{postId}/checks", Checklist(statement: true, text: "Avropa İttifaqı tərəfindən maliyyələşdirilir"), Ct), HttpStatusCode.Created);
        await PublishAsync(media, postId, 3_000);

        var closed = await Json(await media.PostAsync($"/api/media/campaigns/{campaignId}/close", null, Ct));

        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        var reach = closed.GetProperty("reach");
        Assert.Equal((15_000, 2), (reach.GetProperty("reach").GetInt64(), reach.GetProperty("outputs").GetInt32()));
        Assert.Equal((12_000, 3_000), (reach.GetProperty("byLanguage").GetProperty("ka").GetInt64(), reach.GetProperty("byLanguage").GetProperty("az").GetInt64()));
        Assert.Equal(3_000, reach.GetProperty("byMunicipality").GetProperty("KK-BOLNISI").GetInt64());

        // The donor's monitor reads the figures: reach against the target, and one of two outputs compliant at its first check.
        var figures = await Json(await monitor.GetAsync($"/api/media/figures/reach?campaignId={campaignId}", Ct));
        Assert.Equal((15_000, 30_000), (figures.GetProperty("total").GetProperty("reach").GetInt64(), figures.GetProperty("total").GetProperty("target").GetInt64()));
        var outputs = await Json(await monitor.GetAsync($"/api/media/figures/outputs?campaignId={campaignId}", Ct));
        Assert.Equal((2, 1), (outputs.GetProperty("firstCheck").GetProperty("checked").GetInt32(), outputs.GetProperty("firstCheck").GetProperty("compliantAtFirstCheck").GetInt32()));
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsync($"/api/media/campaigns/{campaignId}/close", null, Ct)).StatusCode);

        // Published outputs are public: the service answers without a token.
        using var anonymous = platform.ServiceDirectly("media");
        var catalogue = await Json(await anonymous.GetAsync($"/api/media/catalogue/outputs?campaignId={campaignId}", Ct));
        Assert.Equal(new[] { postId, segmentId }.Order(), catalogue.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).Order());
        var publicSegment = await Json(await anonymous.GetAsync($"/api/media/catalogue/outputs/{segmentId}", Ct));
        Assert.Equal("ევროკავშირის მიერ დაფინანსებული", publicSegment.GetProperty("fundingStatement").GetString());
        Assert.Equal("მარნეულის ტელევიზია", publicSegment.GetProperty("outlet").GetProperty("name").GetProperty("ka").GetString());
    }

    private static object Checklist(bool statement, string? text = null) => new
    {
        euEmblemPresent = true,
        fundingStatementPresent = statement,
        fundingStatementText = text,
        emblemAndStatementTogether = true,
        partnerLogosNotMoreProminent = true,
    };

    private static async Task<Guid> DraftAsync(HttpClient media, object where)
    {
        var fields = JsonSerializer.SerializeToNode(where)!.AsObject();
        fields["title"] = $"Where to ask for home care {Guid.NewGuid():N}";
        fields["date"] = Today.AddDays(-1).ToString("yyyy-MM-dd");
        fields["link"] = "https://marneulitv.ge/news/4411";
        return await IdOfAsync(await media.PostAsJsonAsync("/api/media/outputs", fields, Ct));
    }

    private static async Task PublishAsync(HttpClient media, Guid outputId, long views)
    {
        Assert.Equal("Approved", (await Json(await media.PostAsync($"/api/media/outputs/{outputId}/approve", null, Ct))).GetProperty("status").GetString());
        await Json(await media.PostAsync($"/api/media/outputs/{outputId}/publish", null, Ct));
        await Json(await media.PostAsJsonAsync($"/api/media/outputs/{outputId}/reach",
            new { metric = "views", value = views, measuredOn = Today, source = "Page statistics" }, Ct), HttpStatusCode.Created);
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response) =>
        (await Json(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
}
