using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Youth;

/// <summary>Cohorts, applications and selection through the API, against the real database.</summary>
public sealed class CohortsApiTests(YouthFixture youth) : IClassFixture<YouthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Team => youth.Team;

    [Fact]
    public async Task A_person_applies_once_and_the_team_selects_with_a_score_and_a_reason()
    {
        var cohortId = await youth.OpenCohortAsync(places: 2);
        var personId = await youth.RegisterPersonAsync();

        var application = await ReadJsonAsync(await Team.PostAsJsonAsync($"/api/youth/cohorts/{cohortId}/applications", new { personId }, Ct), HttpStatusCode.Created);
        Assert.Equal("Submitted", application.GetProperty("status").GetString());
        Assert.Equal(personId, application.GetProperty("participantId").GetGuid());
        Assert.Equal("KK-MARNEULI", application.GetProperty("municipality").GetString());
        var applicationId = application.GetProperty("id").GetGuid();

        // One application per person and cohort.
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/youth/cohorts/{cohortId}/applications", new { personId }, Ct), HttpStatusCode.Conflict, null);
        // Selection waits until the intake closes.
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/youth/applications/{applicationId}/decision",
            new { decision = "Accepted", score = 90, reason = "Early" }, Ct), HttpStatusCode.Conflict, null);

        await youth.PostAsync($"/api/youth/cohorts/{cohortId}/start-selection", null, HttpStatusCode.OK);
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/youth/cohorts/{cohortId}/applications", new { personId = await youth.RegisterPersonAsync() }, Ct),
            HttpStatusCode.Conflict, null);
        var decided = await youth.DecideAsync(applicationId, "Accepted", score: 87.5m);

        Assert.Equal("Accepted", decided.GetProperty("status").GetString());
        Assert.Equal(87.5m, decided.GetProperty("score").GetDecimal());
        Assert.Equal("Accepted: motivation and fit", decided.GetProperty("reason").GetString());
        var cohort = await ReadJsonAsync(await Team.GetAsync($"/api/youth/cohorts/{cohortId}", Ct), HttpStatusCode.OK);
        Assert.Equal(1, cohort.GetProperty("accepted").GetInt32());
        Assert.Equal(1, cohort.GetProperty("freePlaces").GetInt32());
        Assert.Equal("Selecting", cohort.GetProperty("status").GetString());
        // An accepted candidate stays accepted.
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/youth/applications/{applicationId}/decision",
            new { decision = "Rejected", score = 10, reason = "Changed mind" }, Ct), HttpStatusCode.Conflict, null);

        var list = await ReadJsonAsync(await Team.GetAsync($"/api/youth/cohorts/{cohortId}/applications?status=Accepted&municipality=KK-MARNEULI", Ct), HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        Assert.Equal(applicationId, list.GetProperty("items")[0].GetProperty("id").GetGuid());
        Assert.Equal("Beridze", list.GetProperty("items")[0].GetProperty("lastName").GetString());
        var none = await ReadJsonAsync(await Team.GetAsync($"/api/youth/cohorts/{cohortId}/applications?status=Rejected", Ct), HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("total").GetInt64());
    }

    [Theory]
    [InlineData("KK-MARNEULI", "1990-01-01", "Aged")]
    [InlineData("KK-TSALKA", "2003-05-17", "KK-TSALKA")]
    public async Task An_ineligible_person_is_refused_naming_the_person_and_nothing_is_stored(string municipality, string birthDate, string reason)
    {
        var cohortId = await youth.OpenCohortAsync();
        var personId = await youth.RegisterPersonAsync(municipality, birthDate: DateOnly.Parse(birthDate, System.Globalization.CultureInfo.InvariantCulture));

        var response = await Team.PostAsJsonAsync($"/api/youth/cohorts/{cohortId}/applications", new { personId }, Ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "personId");
        Assert.Contains(reason, (await ReadJsonAsync(response)).GetProperty("errors").GetProperty("personId")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await youth.InDatabaseAsync(db => db.Applications.CountAsync(a => a.CohortId == cohortId, Ct)));
    }

    [Fact]
    public async Task Bad_input_is_a_problem_naming_each_field_and_changes_nothing()
    {
        var before = await youth.InDatabaseAsync(db => db.Cohorts.CountAsync(Ct));

        var cohort = await Team.PostAsJsonAsync("/api/youth/cohorts", new
        {
            name = "",
            intakeOpensOn = "2026-03-01",
            intakeClosesOn = "2026-02-01",
            startsOn = "2026-04-01",
            places = 0,
            eligibleMunicipalities = new[] { "KK-MARNEULI", "TBILISI" },
            minAge = 18,
            maxAge = 29,
        }, Ct);
        var problem = await ReadJsonAsync(cohort);
        await AssertProblemAsync(cohort, HttpStatusCode.BadRequest, "name");
        Assert.Equal(
            ["eligibleMunicipalities[1]", "intakeClosesOn", "name", "places"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        await AssertProblemAsync(await Team.PostAsync("/api/youth/cohorts", Json("""{"name":"x","places":"many"}"""), Ct), HttpStatusCode.BadRequest, "places");

        var withoutConsent = await Team.PostAsJsonAsync("/api/youth/people", new { firstName = "Ana", lastName = "Kapanadze", birthDate = "2001-01-01", gender = "female", municipality = "KK-MARNEULI" }, Ct);
        await AssertProblemAsync(withoutConsent, HttpStatusCode.BadRequest, "consent");
        var withoutGivenConsent = await Team.PostAsJsonAsync("/api/youth/people", new
        {
            firstName = "Ana", lastName = "Kapanadze", birthDate = "2001-01-01", gender = "female", municipality = "KK-MARNEULI",
            consent = new { given = false, purpose = "YPP", noticeVersion = "v1" },
        }, Ct);
        await AssertProblemAsync(withoutGivenConsent, HttpStatusCode.BadRequest, "consent.given");

        var decision = await Team.PostAsJsonAsync($"/api/youth/applications/{Guid.NewGuid()}/decision", new { decision = "Accepted", score = 50, reason = "x" }, Ct);
        Assert.Equal(HttpStatusCode.NotFound, decision.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Team.GetAsync($"/api/youth/cohorts/{Guid.NewGuid()}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Team.PostAsync($"/api/youth/cohorts/{Guid.NewGuid()}/start", null, Ct)).StatusCode);
        await AssertProblemAsync(await Team.GetAsync("/api/youth/cohorts?status=Closed", Ct), HttpStatusCode.BadRequest, "status");
        await AssertProblemAsync(await Team.GetAsync("/api/youth/cohorts?municipality=TBILISI", Ct), HttpStatusCode.BadRequest, "municipality");
        Assert.Equal(before, await youth.InDatabaseAsync(db => db.Cohorts.CountAsync(Ct)));
        Assert.Equal(0, await youth.InDatabaseAsync(db => db.People.CountAsync(p => p.FirstName == "Ana" && p.LastName == "Kapanadze", Ct)));
    }

    [Fact]
    public async Task Cohorts_are_listed_paged_by_status_and_eligible_municipality()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await youth.OpenCohortAsync(municipalities: ["SJ-NINOTSMINDA"]));
        }

        await youth.PostAsync($"/api/youth/cohorts/{ids[0]}/start-selection", null, HttpStatusCode.OK);

        var open = await ReadJsonAsync(await Team.GetAsync("/api/youth/cohorts?municipality=SJ-NINOTSMINDA&status=Open&pageSize=1&page=2", Ct), HttpStatusCode.OK);
        Assert.Equal(2, open.GetProperty("total").GetInt64());
        Assert.Equal(2, open.GetProperty("page").GetInt32());
        Assert.Single(open.GetProperty("items").EnumerateArray());
        var selecting = await ReadJsonAsync(await Team.GetAsync("/api/youth/cohorts?municipality=SJ-NINOTSMINDA&status=Selecting", Ct), HttpStatusCode.OK);
        Assert.Equal(ids[0], Assert.Single(selecting.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task Places_are_never_over_filled_when_many_acceptances_arrive_at_once()
    {
        const int places = 5;
        const int candidates = 24;
        var cohortId = await youth.OpenCohortAsync(places);
        var applications = new List<Guid>();
        for (var i = 0; i < candidates; i++)
        {
            applications.Add(await youth.ApplyAsync(cohortId, await youth.RegisterPersonAsync()));
        }

        await youth.PostAsync($"/api/youth/cohorts/{cohortId}/start-selection", null, HttpStatusCode.OK);

        using var start = new SemaphoreSlim(0);
        var decisions = applications.Select(async id =>
        {
            await start.WaitAsync(Ct);
            using var response = await Team.PostAsJsonAsync($"/api/youth/applications/{id}/decision", new { decision = "Accepted", score = 80, reason = "Eligible and motivated" }, Ct);
            return response.StatusCode;
        }).ToList();
        start.Release(candidates);
        var statuses = await Task.WhenAll(decisions);

        Assert.Equal(places, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(candidates - places, statuses.Count(s => s == HttpStatusCode.Conflict));
        Assert.Equal(places, await youth.InDatabaseAsync(db => db.Applications.CountAsync(a => a.CohortId == cohortId && a.Status == Platform.Youth.Cohorts.ApplicationStatus.Accepted, Ct)));
        var cohort = await ReadJsonAsync(await Team.GetAsync($"/api/youth/cohorts/{cohortId}", Ct), HttpStatusCode.OK);
        Assert.Equal(places, cohort.GetProperty("accepted").GetInt32());
        Assert.Equal(0, cohort.GetProperty("freePlaces").GetInt32());
    }
}
