using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Capacity;

/// <summary>
/// Activities through the API: a training held, attended and tested, delivered with its counts; who sees the names;
/// subject access; erasure that keeps every figure.
/// </summary>
public sealed class ActivitiesApiTests(CapacityDevelopmentFixture capacity) : IClassFixture<CapacityDevelopmentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => CapacityDevelopmentFixture.Today;

    private HttpClient Team => capacity.Team;

    private static object Training(string municipality) => new
    {
        kind = "Training",
        title = "Human-rights-based approach to social services",
        topics = new[] { "participation", "accountability" },
        audience = "lsg-staff",
        humanRightsBasedApproach = true,
        startsOn = Today.AddDays(-1),
        endsOn = Today,
        municipality,
        trainers = new[] { "Trainer Eka Lomidze" },
    };

    /// <summary>A two-day training with two participants attending (one both days), tests taken, not yet delivered.</summary>
    private async Task<(Guid Activity, Guid Nino, Guid Giorgi)> HeldTrainingAsync(string municipality)
    {
        var activity = (await capacity.PostAsync("/api/capacity/activities", Training(municipality), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var day1 = (await capacity.PostAsync($"/api/capacity/activities/{activity}/sessions", new { date = Today.AddDays(-1), topic = "Rights and duties" }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var day2 = (await capacity.PostAsync($"/api/capacity/activities/{activity}/sessions", new { date = Today, topic = "Complaints" }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var nino = await capacity.RegisterParticipantAsync("female", "lsg", municipality, "Nino Kapanadze-Lsg");
        var giorgi = await capacity.RegisterParticipantAsync("male", "cso", null, "Giorgi Beridze-Cso");
        foreach (var person in new[] { nino, giorgi })
        {
            await capacity.PostAsync($"/api/capacity/activities/{activity}/participants", new { participantId = person }, HttpStatusCode.Created);
        }

        await ReadJsonAsync(await Team.PutAsJsonAsync($"/api/capacity/activities/{activity}/sessions/{day1}/attendance", new { participantIds = new[] { nino, giorgi } }, Ct), HttpStatusCode.OK);
        await ReadJsonAsync(await Team.PutAsJsonAsync($"/api/capacity/activities/{activity}/sessions/{day2}/attendance", new { participantIds = new[] { nino } }, Ct), HttpStatusCode.OK);
        await ReadJsonAsync(await Team.PutAsJsonAsync($"/api/capacity/activities/{activity}/participants/{nino}/tests", new { preTest = 40, postTest = 75 }, Ct), HttpStatusCode.OK);
        await ReadJsonAsync(await Team.PutAsJsonAsync($"/api/capacity/activities/{activity}/participants/{giorgi}/tests", new { preTest = 50, postTest = 65 }, Ct), HttpStatusCode.OK);
        return (activity, nino, giorgi);
    }

    private async Task<JsonElement?> FiguresRowAsync(HttpClient client, string municipality)
    {
        var figures = await ReadJsonAsync(await client.GetAsync($"/api/capacity/figures/activities?municipality={municipality}&kind=Training", Ct), HttpStatusCode.OK);
        return figures.GetProperty("rows").EnumerateArray().Select(r => (JsonElement?)r).SingleOrDefault();
    }

    [Fact]
    public async Task A_delivered_training_publishes_counts_without_names_and_moves_the_figures()
    {
        const string municipality = "KK-TETRITSKARO";
        using var monitor = capacity.App.ClientFor(PlatformRoles.Monitor);
        var before = await FiguresRowAsync(Team, municipality);
        var (activity, _, _) = await HeldTrainingAsync(municipality);

        var delivered = await capacity.PostAsync($"/api/capacity/activities/{activity}/deliver", null);

        Assert.Equal("Delivered", delivered.GetProperty("status").GetString());
        var published = JsonDocument.Parse(Assert.Single(await capacity.OutboxAsync("TrainingDelivered"), p => p.Contains(activity.ToString(), StringComparison.Ordinal))).RootElement;
        Assert.Equal(2, published.GetProperty("participants").GetInt32());
        Assert.Equal(1, published.GetProperty("participantsByGender").GetProperty("female").GetInt32());
        Assert.Equal(1, published.GetProperty("participantsBySector").GetProperty("lsg").GetInt32());
        Assert.Equal(1, published.GetProperty("participantsByMunicipality").GetProperty("other").GetInt32());
        Assert.Equal(3m, published.GetProperty("participantDays").GetDecimal());
        Assert.Equal(25m, published.GetProperty("averageTestGain").GetDecimal());
        Assert.True(published.GetProperty("humanRightsBasedApproach").GetBoolean());
        Assert.DoesNotContain("Kapanadze", published.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Lomidze", published.GetRawText(), StringComparison.Ordinal);

        // The team reads its figures exactly; the monitor sees the two participants suppressed (docs/figures.md).
        var after = await FiguresRowAsync(Team, municipality);
        Assert.NotNull(after);
        var monitored = (await FiguresRowAsync(monitor, municipality))!.Value;
        Assert.Equal(JsonValueKind.Null, monitored.GetProperty("participantsByGender").GetProperty("female").ValueKind);
        Assert.True(monitored.GetProperty("suppressed").GetBoolean());
        Assert.Equal((before?.GetProperty("activities").GetInt32() ?? 0) + 1, after.Value.GetProperty("activities").GetInt32());
        Assert.Equal((before?.GetProperty("participants").GetInt32() ?? 0) + 2, after.Value.GetProperty("participants").GetInt32());
        Assert.Equal(2, after.Value.GetProperty("participantsByAudience").GetProperty("lsg-staff").GetInt32() - (before?.GetProperty("participantsByAudience").GetProperty("lsg-staff").GetInt32() ?? 0));

        await AssertConflictAsync(await Team.PostAsync($"/api/capacity/activities/{activity}/deliver", null, Ct), "activity-delivered");
        Assert.Single(await capacity.OutboxAsync("TrainingDelivered"), p => p.Contains(activity.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_monitor_and_other_teams_see_activities_without_names_and_never_reach_participants()
    {
        var (activity, nino, _) = await HeldTrainingAsync("KK-GARDABANI");
        using var monitor = capacity.App.ClientFor(PlatformRoles.Monitor);
        using var grants = capacity.App.ClientFor(PlatformRoles.GrantsTeam);

        var text = await (await monitor.GetAsync($"/api/capacity/activities/{activity}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Lomidze", text, StringComparison.Ordinal);
        Assert.DoesNotContain(nino.ToString(), text, StringComparison.Ordinal);
        Assert.Contains("\"registered\":2", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.GetAsync($"/api/capacity/participants/{nino}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grants.GetAsync($"/api/capacity/participants/{nino}/personal-data", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grants.DeleteAsync($"/api/capacity/participants/{nino}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grants.PostAsJsonAsync("/api/capacity/participants", CapacityDevelopmentFixture.ParticipantBody(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsync($"/api/capacity/activities/{activity}/deliver", null, Ct)).StatusCode);
        using var applicant = await capacity.ApplicantForAsync(await capacity.RegisterOrganizationAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync($"/api/capacity/activities/{activity}", Ct)).StatusCode);

        var team = await ReadJsonAsync(await Team.GetAsync($"/api/capacity/activities/{activity}", Ct), HttpStatusCode.OK);
        Assert.Equal("Trainer Eka Lomidze", team.GetProperty("trainers")[0].GetString());
        Assert.Equal(35m, team.GetProperty("participants").EnumerateArray().Single(p => p.GetProperty("participantId").GetGuid() == nino).GetProperty("gain").GetDecimal());
    }

    [Fact]
    public async Task Subject_access_returns_everything_held_and_erasure_removes_it_while_the_figures_stay_the_same()
    {
        const string municipality = "KK-BOLNISI";
        var (activity, nino, _) = await HeldTrainingAsync(municipality);
        await capacity.PostAsync($"/api/capacity/activities/{activity}/deliver", null);
        var figuresBefore = (await FiguresRowAsync(Team, municipality))!.Value.GetRawText();

        var held = await ReadJsonAsync(await Team.GetAsync($"/api/capacity/participants/{nino}/personal-data", Ct), HttpStatusCode.OK);
        Assert.Equal("Nino Kapanadze-Lsg", held.GetProperty("participant").GetProperty("fullName").GetString());
        var attended = Assert.Single(held.GetProperty("activities").EnumerateArray());
        Assert.Equal((activity, 2, 35m), (attended.GetProperty("activityId").GetGuid(), attended.GetProperty("sessionsAttended").GetArrayLength(), attended.GetProperty("gain").GetDecimal()));

        Assert.Equal(HttpStatusCode.NoContent, (await Team.DeleteAsync($"/api/capacity/participants/{nino}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Team.GetAsync($"/api/capacity/participants/{nino}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Team.GetAsync($"/api/capacity/participants/{nino}/personal-data", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Team.DeleteAsync($"/api/capacity/participants/{nino}", Ct)).StatusCode);
        var stored = await capacity.InDatabaseAsync(db => db.Participants.AsNoTracking().SingleAsync(p => p.Id == nino, Ct));
        Assert.Equal(((string?)null, (string?)null, (string?)null, (string?)null), (stored.FullName, stored.Email, stored.Phone, stored.Gender));
        Assert.Equal(figuresBefore, (await FiguresRowAsync(Team, municipality))!.Value.GetRawText());
        Assert.Equal(HttpStatusCode.BadRequest, (await Team.PostAsJsonAsync($"/api/capacity/activities/{activity}/participants", new { participantId = nino }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field_and_an_activity_is_delivered_only_when_over()
    {
        var response = await Team.PostAsJsonAsync("/api/capacity/activities", new
        {
            kind = "Mentoring", title = "", audience = "everyone", startsOn = Today, endsOn = Today.AddDays(-2), municipality = "KK-NOWHERE", hours = 0,
        }, Ct);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["audience", "endsOn", "hours", "mentor", "mentoredOrganizationId", "municipality", "title", "topics"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await AssertFieldErrorAsync(await Team.PostAsJsonAsync("/api/capacity/participants", new
        {
            fullName = "No Consent", gender = "female", ageGroup = "25-34", sector = "cso", consent = new { given = false, purpose = "x", noticeVersion = "1" },
        }, Ct), "consent.given");

        var future = await capacity.PostAsync("/api/capacity/activities", new
        {
            kind = "StudyTour", title = "Social services in Estonia", topics = new[] { "case management" }, audience = "lsg-staff",
            startsOn = Today.AddDays(10), endsOn = Today.AddDays(14), country = "EE", city = "Tartu", hostOrganizations = new[] { "Tartu City Government" },
        }, HttpStatusCode.Created);
        Assert.Equal("abroad", future.GetProperty("place").GetString());
        var id = future.GetProperty("id").GetGuid();
        await capacity.PostAsync($"/api/capacity/activities/{id}/sessions", new { date = Today.AddDays(11), topic = "Visit to the city's social service centre" }, HttpStatusCode.Created);
        await AssertConflictAsync(await Team.PostAsync($"/api/capacity/activities/{id}/deliver", null, Ct), "activity-not-over");
        await AssertFieldErrorAsync(await Team.PostAsJsonAsync($"/api/capacity/activities/{id}/sessions", new { date = Today, topic = "Too early" }, Ct), "date");
        await AssertFieldErrorAsync(await Team.GetAsync("/api/capacity/activities?kind=Picnic", Ct), "kind");
    }
}
