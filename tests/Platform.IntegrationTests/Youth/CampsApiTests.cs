using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Youth;

/// <summary>Civic education camps: sessions, participants, attendance, holding them, and the figures.</summary>
public sealed class CampsApiTests(YouthFixture youth) : IClassFixture<YouthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Team => youth.Team;

    private static readonly DateOnly Start = YouthFixture.Today.AddDays(-7);

    private async Task<Guid> PlanAsync(string audience, string municipality) =>
        (await youth.PostAsync("/api/youth/camps",
            new { audience, name = $"{audience} camp {Guid.NewGuid():N}", municipality, startsOn = Start, endsOn = Start.AddDays(2) }, HttpStatusCode.Created))
        .GetProperty("id").GetGuid();

    [Fact]
    public async Task A_held_camp_publishes_and_reports_who_attended_by_gender_and_age_group()
    {
        var campId = await PlanAsync("Women", "KK-DMANISI");
        var first = (await youth.PostAsync($"/api/youth/camps/{campId}/sessions", new { date = Start, topic = "Women in local councils" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var second = (await youth.PostAsync($"/api/youth/camps/{campId}/sessions", new { date = Start.AddDays(1), topic = "Budget hearings" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var young = await youth.RegisterPersonAsync("KK-DMANISI", birthDate: Start.AddYears(-17));
        var adult = await youth.RegisterPersonAsync("KK-DMANISI", birthDate: Start.AddYears(-40));
        var absent = await youth.RegisterPersonAsync("KK-DMANISI");
        var man = await youth.RegisterPersonAsync("KK-DMANISI", gender: "male");
        foreach (var personId in new[] { young, adult, absent })
        {
            await youth.PostAsync($"/api/youth/camps/{campId}/participants", new { personId }, HttpStatusCode.Created);
        }

        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/youth/camps/{campId}/participants", new { personId = man }, Ct), HttpStatusCode.BadRequest, "personId");
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/youth/camps/{campId}/participants", new { personId = young }, Ct), HttpStatusCode.Conflict, null);
        await AssertProblemAsync(await Team.PutAsJsonAsync($"/api/youth/camps/{campId}/sessions/{first}/attendance", new { personIds = new[] { young, man } }, Ct),
            HttpStatusCode.BadRequest, "personIds[1]");
        await ReadJsonAsync(await Team.PutAsJsonAsync($"/api/youth/camps/{campId}/sessions/{first}/attendance", new { personIds = new[] { young, adult } }, Ct), HttpStatusCode.OK);
        await ReadJsonAsync(await Team.PutAsJsonAsync($"/api/youth/camps/{campId}/sessions/{second}/attendance", new { personIds = new[] { adult } }, Ct), HttpStatusCode.OK);
        var before = await ReadJsonAsync(await Team.GetAsync("/api/youth/figures/camps?municipality=KK-DMANISI&audience=Women", Ct), HttpStatusCode.OK);
        Assert.Empty(before.GetProperty("rows").EnumerateArray());

        var held = await youth.PostAsync($"/api/youth/camps/{campId}/hold", null, HttpStatusCode.OK);

        Assert.Equal("Held", held.GetProperty("status").GetString());
        Assert.Equal(2, held.GetProperty("attended").GetInt32());
        Assert.Equal(3, held.GetProperty("registered").GetInt32());
        await AssertProblemAsync(await Team.PostAsync($"/api/youth/camps/{campId}/hold", null, Ct), HttpStatusCode.Conflict, null);
        await AssertProblemAsync(await Team.PutAsJsonAsync($"/api/youth/camps/{campId}/sessions/{first}/attendance", new { personIds = Array.Empty<Guid>() }, Ct), HttpStatusCode.Conflict, null);

        var (payload, _) = await Eventually.ReturnsAsync(
            async () => (await youth.OutboxAsync("CampHeld")).SingleOrDefault(m => m.Payload.Contains(campId.ToString(), StringComparison.Ordinal)),
            m => m.SentAt is not null, TimeSpan.FromSeconds(30), "CampHeld to be published");
        var published = JsonDocument.Parse(payload).RootElement;
        Assert.Equal(2, published.GetProperty("participants").GetInt32());
        Assert.Equal(2, published.GetProperty("participantsByGender").GetProperty("female").GetInt32());
        Assert.Equal(1, published.GetProperty("participantsByAgeGroup").GetProperty("under-18").GetInt32());
        Assert.Equal(1, published.GetProperty("participantsByAgeGroup").GetProperty("35-plus").GetInt32());
        Assert.DoesNotContain("Beridze", payload, StringComparison.Ordinal);

        var figures = await ReadJsonAsync(await Team.GetAsync("/api/youth/figures/camps?municipality=KK-DMANISI&audience=Women", Ct), HttpStatusCode.OK);
        var row = Assert.Single(figures.GetProperty("rows").EnumerateArray());
        Assert.Equal(1, row.GetProperty("campsHeld").GetInt32());
        Assert.Equal(2, row.GetProperty("participants").GetInt32());
        Assert.Equal(2, row.GetProperty("participantsByGender").GetProperty("female").GetInt32());
        Assert.Equal(0, row.GetProperty("participantsByAgeGroup").GetProperty("18-24").GetInt32());

        // A monitor sees the counts, not who took part.
        using var monitor = youth.App.ClientFor(PlatformRoles.Monitor);
        var seen = await ReadJsonAsync(await monitor.GetAsync($"/api/youth/camps/{campId}", Ct), HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("participants").ValueKind);
        Assert.Equal(2, seen.GetProperty("attended").GetInt32());
    }

    [Fact]
    public async Task Camps_are_checked_listed_and_not_held_before_their_last_day()
    {
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/youth/camps",
            new { audience = "Youth", name = "Camp", municipality = "KK-TSALKA", startsOn = "2026-07-10", endsOn = "2026-07-01" }, Ct), HttpStatusCode.BadRequest, "endsOn");
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/youth/camps",
            new { audience = "Elders", name = "Camp", municipality = "KK-TSALKA", startsOn = "2026-07-01", endsOn = "2026-07-01" }, Ct), HttpStatusCode.BadRequest, "audience");
        var future = (await youth.PostAsync("/api/youth/camps",
            new { audience = "Youth", name = "Next summer", municipality = "KK-TSALKA", startsOn = YouthFixture.Today.AddDays(30), endsOn = YouthFixture.Today.AddDays(32) }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/youth/camps/{future}/sessions", new { date = YouthFixture.Today, topic = "Too early" }, Ct), HttpStatusCode.BadRequest, "date");
        await youth.PostAsync($"/api/youth/camps/{future}/sessions", new { date = YouthFixture.Today.AddDays(30), topic = "Public services" }, HttpStatusCode.Created);
        await AssertProblemAsync(await Team.PostAsync($"/api/youth/camps/{future}/hold", null, Ct), HttpStatusCode.Conflict, null);
        await PlanAsync("Youth", "KK-TSALKA");

        var planned = await ReadJsonAsync(await Team.GetAsync("/api/youth/camps?municipality=KK-TSALKA&status=Planned&audience=Youth&pageSize=1", Ct), HttpStatusCode.OK);
        Assert.Equal(2, planned.GetProperty("total").GetInt64());
        Assert.Single(planned.GetProperty("items").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await Team.GetAsync($"/api/youth/camps/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Team.PutAsJsonAsync($"/api/youth/camps/{future}/sessions/{Guid.NewGuid()}/attendance", new { personIds = Array.Empty<Guid>() }, Ct)).StatusCode);
    }
}
