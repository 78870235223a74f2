using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Youth;

/// <summary>Who sees personal data, what a person can ask to see, and erasure that leaves every figure as it was.</summary>
public sealed class PersonalDataTests(YouthFixture youth) : IClassFixture<YouthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Team => youth.Team;

    [Fact]
    public async Task A_monitor_reads_cohorts_applications_and_figures_without_names_and_never_reaches_personal_data()
    {
        var (cohortId, applicationId, personId) = await youth.AcceptedCandidateAsync();
        using var monitor = youth.App.ClientFor(PlatformRoles.Monitor);

        var applications = await ReadJsonAsync(await monitor.GetAsync($"/api/youth/cohorts/{cohortId}/applications", Ct), HttpStatusCode.OK);
        var seen = Assert.Single(applications.GetProperty("items").EnumerateArray());
        Assert.Equal(personId, seen.GetProperty("participantId").GetGuid());
        Assert.Equal(JsonValueKindNull, seen.GetProperty("firstName").ValueKind);
        Assert.Equal(JsonValueKindNull, seen.GetProperty("lastName").ValueKind);
        Assert.Equal(JsonValueKindNull, seen.GetProperty("reason").ValueKind);
        Assert.Equal(JsonValueKindNull, seen.GetProperty("gender").ValueKind);
        var text = await (await monitor.GetAsync($"/api/youth/applications/{applicationId}", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("Beridze", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync($"/api/youth/cohorts/{cohortId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync($"/api/youth/figures/cohorts?cohortId={cohortId}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.GetAsync($"/api/youth/people/{personId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.GetAsync($"/api/youth/people/{personId}/personal-data", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.GetAsync("/api/youth/people", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsJsonAsync($"/api/youth/applications/{applicationId}/decision",
            new { decision = "Rejected", score = 1, reason = "x" }, Ct)).StatusCode);

        // The Youth team sees the names.
        var teamView = await ReadJsonAsync(await Team.GetAsync($"/api/youth/cohorts/{cohortId}/applications", Ct), HttpStatusCode.OK);
        Assert.Equal("Beridze", teamView.GetProperty("items")[0].GetProperty("lastName").GetString());
    }

    [Fact]
    public async Task Another_team_gets_a_403_on_personal_data_and_on_writes()
    {
        var personId = await youth.RegisterPersonAsync();
        using var grants = youth.App.ClientFor(PlatformRoles.GrantsTeam);

        Assert.Equal(HttpStatusCode.Forbidden, (await grants.GetAsync($"/api/youth/people/{personId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grants.GetAsync($"/api/youth/people/{personId}/personal-data", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grants.DeleteAsync($"/api/youth/people/{personId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grants.PostAsJsonAsync("/api/youth/people", YouthFixture.PersonBody(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grants.PostAsJsonAsync("/api/youth/cohorts", new { name = "x" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await grants.GetAsync("/api/youth/cohorts", Ct)).StatusCode);
        using var evaluator = youth.App.ClientFor(PlatformRoles.Evaluator);
        Assert.Equal(HttpStatusCode.Forbidden, (await evaluator.GetAsync("/api/youth/cohorts", Ct)).StatusCode);
        using var anonymous = youth.App.ClientFor(null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/youth/figures/camps", Ct)).StatusCode);
        // And the person is still there, unchanged.
        Assert.Equal(HttpStatusCode.OK, (await Team.GetAsync($"/api/youth/people/{personId}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Subject_access_returns_everything_held_and_erasure_removes_it_while_every_figure_stays_the_same()
    {
        var (cohortId, applicationId, personId) = await youth.AcceptedCandidateAsync("SJ-AKHALTSIKHE", "male");
        var internship = await youth.PostAsync("/api/youth/internships",
            YouthFixture.Placement(applicationId, await youth.KnownOrganizationAsync()), HttpStatusCode.Created);
        var internshipId = internship.GetProperty("id").GetGuid();
        for (var i = 0; i < 3; i++)
        {
            await youth.PostAsync($"/api/youth/internships/{internshipId}/check-ins",
                YouthFixture.CheckIn(YouthFixture.PastStart.AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture)), HttpStatusCode.Created);
        }

        await youth.PostAsync($"/api/youth/internships/{internshipId}/complete", null, HttpStatusCode.OK);
        var campId = await HeldCampWithAsync(personId);

        var held = await ReadJsonAsync(await Team.GetAsync($"/api/youth/people/{personId}/personal-data", Ct), HttpStatusCode.OK);
        Assert.Equal("Beridze", held.GetProperty("person").GetProperty("lastName").GetString());
        Assert.Equal("2003-05-17", held.GetProperty("person").GetProperty("birthDate").GetString());
        Assert.Equal("Georgian", held.GetProperty("person").GetProperty("ethnicity").GetString());
        Assert.Equal("youth-privacy-2026-1", held.GetProperty("person").GetProperty("consent").GetProperty("noticeVersion").GetString());
        Assert.Equal("Accepted: motivation and fit", Assert.Single(held.GetProperty("applications").EnumerateArray()).GetProperty("reason").GetString());
        var heldInternship = Assert.Single(held.GetProperty("internships").EnumerateArray());
        Assert.Equal(3, heldInternship.GetProperty("checkIns").GetArrayLength());
        Assert.Equal("Mapped social services in the municipality", heldInternship.GetProperty("checkIns")[0].GetProperty("tasks").GetString());
        Assert.Equal(campId, Assert.Single(held.GetProperty("camps").EnumerateArray()).GetProperty("campId").GetGuid());

        var cohortFigures = await FiguresAsync($"/api/youth/figures/cohorts?cohortId={cohortId}");
        var campFigures = await FiguresAsync("/api/youth/figures/camps?municipality=SJ-AKHALTSIKHE");
        var outbox = await youth.InDatabaseAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Id + m.Payload).ToListAsync(Ct));
        Assert.Contains("\"male\":1", cohortFigures, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await Team.DeleteAsync($"/api/youth/people/{personId}", Ct)).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await Team.GetAsync($"/api/youth/people/{personId}/personal-data", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Team.GetAsync($"/api/youth/people/{personId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Team.DeleteAsync($"/api/youth/people/{personId}", Ct)).StatusCode);
        Assert.Equal(cohortFigures, await FiguresAsync($"/api/youth/figures/cohorts?cohortId={cohortId}"));
        Assert.Equal(campFigures, await FiguresAsync("/api/youth/figures/camps?municipality=SJ-AKHALTSIKHE"));
        Assert.Equal(outbox, await youth.InDatabaseAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).Select(m => m.Id + m.Payload).ToListAsync(Ct)));

        // Nothing of the person is left in the database: no name, no birth date, no contact, no free text.
        var stored = await youth.InDatabaseAsync(db => db.People.AsNoTracking().SingleAsync(p => p.Id == personId, Ct));
        Assert.Null(stored.FirstName);
        Assert.Null(stored.BirthDate);
        Assert.Null(stored.Email);
        Assert.Null(stored.Ethnicity);
        var application = await ReadJsonAsync(await Team.GetAsync($"/api/youth/applications/{applicationId}", Ct), HttpStatusCode.OK);
        Assert.Equal(JsonValueKindNull, application.GetProperty("reason").ValueKind);
        Assert.Equal(JsonValueKindNull, application.GetProperty("lastName").ValueKind);
        var checkIns = await ReadJsonAsync(await Team.GetAsync($"/api/youth/internships/{internshipId}", Ct), HttpStatusCode.OK);
        Assert.All(checkIns.GetProperty("checkIns").EnumerateArray(), c => Assert.Equal(JsonValueKindNull, c.GetProperty("tasks").ValueKind));
        // An erased person takes part in nothing new.
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/youth/cohorts/{await youth.OpenCohortAsync()}/applications", new { personId }, Ct),
            HttpStatusCode.BadRequest, "personId");
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;

    private async Task<string> FiguresAsync(string path) =>
        await (await Team.GetAsync(path, Ct)).EnsureSuccessStatusCode().Content.ReadAsStringAsync(Ct);

    private async Task<Guid> HeldCampWithAsync(Guid personId)
    {
        var start = YouthFixture.Today.AddDays(-10);
        var camp = await youth.PostAsync("/api/youth/camps",
            new { audience = "Youth", name = "Akhaltsikhe civic camp", municipality = "SJ-AKHALTSIKHE", startsOn = start, endsOn = start.AddDays(2) }, HttpStatusCode.Created);
        var campId = camp.GetProperty("id").GetGuid();
        var session = await youth.PostAsync($"/api/youth/camps/{campId}/sessions", new { date = start, topic = "Social services in our town" }, HttpStatusCode.Created);
        await youth.PostAsync($"/api/youth/camps/{campId}/participants", new { personId }, HttpStatusCode.Created);
        var attendance = await Team.PutAsJsonAsync($"/api/youth/camps/{campId}/sessions/{session.GetProperty("id").GetGuid()}/attendance", new { personIds = new[] { personId } }, Ct);
        await ReadJsonAsync(attendance, HttpStatusCode.OK);
        await youth.PostAsync($"/api/youth/camps/{campId}/hold", null, HttpStatusCode.OK);
        return campId;
    }
}
