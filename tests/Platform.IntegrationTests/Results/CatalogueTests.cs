using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Grants;
using Platform.Contracts.Partnerships;
using Platform.Contracts.ReferenceData;
using Platform.IntegrationTests.Infrastructure;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;
using static Platform.IntegrationTests.Grants.GrantsFixture;
using static Platform.IntegrationTests.Results.MediaFixture;

namespace Platform.IntegrationTests.Results;

/// <summary>The public catalogue: anonymous, output-cached in Redis and evicted by a publish, small counts suppressed, pages in four languages.</summary>
public sealed class CatalogueTests(MediaFixture media) : IClassFixture<MediaFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<Guid> DraftedStoryAsync(string municipality)
    {
        var award = new GrantAwarded(Guid.CreateVersion7(), Guid.NewGuid(), Guid.NewGuid(), TargetGroup.SocialServiceProvider, null, null, municipality, 9_500m, Currency.Lari);
        await media.PublishAsync(award);
        return await Eventually.ReturnsAsync(
            () => media.InDatabaseAsync(db => db.Stories.Where(s => s.SubjectId == award.AwardId).Select(s => s.Id).FirstOrDefaultAsync(Ct)),
            id => id != Guid.Empty, MediaFixture.Propagation, "a draft story of the award");
    }

    private async Task<JsonElement> PublicStoriesAsync() =>
        await ReadJsonAsync(await media.Public.GetAsync("/api/media/catalogue/stories?pageSize=100", Ct), HttpStatusCode.OK);

    [Fact]
    public async Task A_story_is_edited_approved_and_published_and_the_cached_catalogue_shows_it_at_once()
    {
        var id = await DraftedStoryAsync(Municipality.Gardabani);
        await AssertConflictAsync(await media.Team.PostAsync($"/api/media/stories/{id}/publish", null, Ct), "story-not-approved");
        var edited = await ReadJsonAsync(await media.Team.PutAsJsonAsync($"/api/media/stories/{id}", new
        {
            title = new { en = "A day centre for older people in Gardabani", ka = "დღის ცენტრი ხანდაზმულებისთვის გარდაბანში" },
            body = new { en = "The grant equips a day centre.\nIt opens in spring.", ka = "გრანტით აღიჭურვება დღის ცენტრი." },
        }, Ct), HttpStatusCode.OK);
        Assert.Equal("Draft", edited.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await media.Monitor.PostAsync($"/api/media/stories/{id}/approve", null, Ct)).StatusCode);
        await ReadJsonAsync(await media.Team.PostAsync($"/api/media/stories/{id}/approve", null, Ct), HttpStatusCode.OK);
        await AssertConflictAsync(await media.Team.PostAsync($"/api/media/stories/{id}/approve", null, Ct), "story-not-draft");

        // The list is cached while nothing changes (an event Media records meanwhile evicts it, so read until a read is a hit)...
        Assert.DoesNotContain((await PublicStoriesAsync()).GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        await Eventually.HoldsAsync(async () =>
        {
            await media.Public.GetAsync("/api/media/catalogue/stories?pageSize=100", Ct);
            return (await media.Public.GetAsync("/api/media/catalogue/stories?pageSize=100", Ct)).Headers.Age is not null;
        }, MediaFixture.Propagation, "a read of the stories served from the output cache");
        Assert.Equal(HttpStatusCode.NotFound, (await media.Public.GetAsync($"/catalogue/stories/{id}", Ct)).StatusCode);

        // ...and a publish evicts it: the next read has the story, without waiting for the cache to expire.
        await ReadJsonAsync(await media.Team.PostAsync($"/api/media/stories/{id}/publish", null, Ct), HttpStatusCode.OK);
        var story = Assert.Single((await PublicStoriesAsync()).GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == id);
        Assert.Equal("A day centre for older people in Gardabani", story.GetProperty("title").GetProperty("en").GetString());
        var page = await media.Public.GetAsync($"/catalogue/stories/{id}?lang=ka", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"ka\">", html);
        Assert.Contains("დღის ცენტრი ხანდაზმულებისთვის გარდაბანში", html);

        await ReadJsonAsync(await media.Team.PostAsync($"/api/media/stories/{id}/unpublish", null, Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await media.Public.GetAsync($"/api/media/catalogue/stories/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Personal_data_enters_a_story_only_with_recorded_consent_and_bad_text_is_named()
    {
        var id = await DraftedStoryAsync(Municipality.Dmanisi);
        var refused = await media.Team.PutAsJsonAsync($"/api/media/stories/{id}", new
        {
            title = new { en = "Nino's day centre", xx = "?" },
            body = new { en = "" },
            containsPersonalData = true,
        }, Ct);
        var problem = await ProblemAsync(refused, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "title.xx", "body.en", "consent.given", "consent.reference" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field} in {errors}");
        }

        var accepted = await ReadJsonAsync(await media.Team.PutAsJsonAsync($"/api/media/stories/{id}", new
        {
            title = new { en = "Nino's day centre" },
            body = new { en = "Nino Beridze runs the centre." },
            containsPersonalData = true,
            consent = new { given = true, reference = "KKM consent form 2026-041" },
        }, Ct), HttpStatusCode.OK);
        Assert.True(accepted.GetProperty("containsPersonalData").GetBoolean());
        Assert.Equal("KKM consent form 2026-041", accepted.GetProperty("consentReference").GetString());
        Assert.Equal(JsonValueKind.String, accepted.GetProperty("consentRecordedAt").ValueKind);
    }

    [Fact]
    public async Task Anyone_reads_the_open_calls_and_the_figures_with_small_counts_of_people_suppressed()
    {
        var open = new CallOpened(Guid.NewGuid(), new Dictionary<string, string> { ["en"] = "Social services 2027", ["az"] = "Sosial xidmətlər 2027" },
            TargetGroup.SocialServiceProvider, [Municipality.Marneuli, Municipality.Bolnisi], 200_000m, Currency.Lari, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var closed = open with { EventId = Guid.NewGuid(), CallId = Guid.NewGuid(), Deadline = DateTimeOffset.UtcNow.AddMinutes(-5) };
        await media.RecordAsync(open, closed);

        var calls = await ReadJsonAsync(await media.Public.GetAsync("/api/media/catalogue/calls?municipality=KK-BOLNISI", Ct), HttpStatusCode.OK);
        var ids = calls.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(open.CallId, ids);
        Assert.DoesNotContain(closed.CallId, ids);

        PilotInitiativeCompleted Hearing(string municipality, int female) => new(Guid.NewGuid(), PilotInitiativeKind.PublicHearing, municipality, Guid.NewGuid(),
            Guid.NewGuid(), new DateOnly(2026, 5, 6), female, new Dictionary<string, int> { [Gender.Female] = female }, new Dictionary<string, int> { [Age.From35] = female }, null);
        await media.RecordAsync(Hearing(Municipality.Marneuli, 3), Hearing(Municipality.Bolnisi, 20), Hearing(Municipality.Tsalka, 30));

        var team = QuarterOf(await media.IndicatorAsync("R2.4", media.Team), "2026Q2").GetProperty("by").GetProperty("municipality");
        Assert.Equal(3m, team.GetProperty(Municipality.Marneuli).GetDecimal());
        var shown = (await ReadJsonAsync(await media.Public.GetAsync("/api/media/catalogue/indicators/R2.4", Ct), HttpStatusCode.OK))
            .GetProperty("actuals").EnumerateArray().Single(a => a.GetProperty("quarter").GetString() == "2026Q2").GetProperty("by").GetProperty("municipality");
        Assert.Equal(JsonValueKind.Null, shown.GetProperty(Municipality.Marneuli).ValueKind);
        Assert.Equal(JsonValueKind.Null, shown.GetProperty(Municipality.Bolnisi).ValueKind); // else 53 - 20 - 30 would give Marneuli away
        Assert.Equal(30m, shown.GetProperty(Municipality.Tsalka).GetDecimal());

        var results = await ReadJsonAsync(await media.Public.GetAsync("/api/media/catalogue/results", Ct), HttpStatusCode.OK);
        Assert.Equal(["R1", "R2", "R3"], results.EnumerateArray().Select(r => r.GetProperty("code").GetString()));
        await AssertFieldErrorAsync(await media.Public.GetAsync("/api/media/catalogue/stories?pageSize=500&municipality=KK-NOWHERE", Ct), "pageSize");
        await AssertFieldErrorAsync(await media.Public.GetAsync("/api/media/catalogue/recommendations?municipality=KK-NOWHERE", Ct), "municipality");
    }

    [Fact]
    public async Task The_page_is_served_in_the_language_asked_for_each_cached_apart()
    {
        async Task<string> PageAsync(string path, string? acceptLanguage)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (acceptLanguage is not null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
            }

            var response = await media.Public.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            return await response.Content.ReadAsStringAsync(Ct);
        }

        var georgian = await PageAsync("/catalogue", "ka-GE,ka;q=0.9,en;q=0.5");
        Assert.Contains("<html lang=\"ka\">", georgian);
        Assert.Contains("პროგრამის შედეგების კატალოგი", georgian);
        Assert.Contains("<svg role=\"img\"", georgian);
        Assert.Contains("<html lang=\"en\">", await PageAsync("/catalogue", "fr-FR"));
        Assert.Contains("<html lang=\"az\">", await PageAsync("/catalogue", "az"));
        Assert.Contains("<html lang=\"hy\">", await PageAsync("/catalogue?lang=hy", "ka"));
        Assert.Contains("<html lang=\"ka\">", await PageAsync("/catalogue", "ka"));
        var css = await media.Public.GetAsync("/catalogue/assets/catalogue.css", Ct);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }
}
