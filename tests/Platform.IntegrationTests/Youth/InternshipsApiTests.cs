using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Capacity;
using Platform.IntegrationTests.Infrastructure;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Youth;

/// <summary>Placement, monthly check-ins, completion and graduation, and the events they publish.</summary>
public sealed class InternshipsApiTests(YouthFixture youth) : IClassFixture<YouthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Team => youth.Team;

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_accepted_candidate_is_placed_checked_in_every_month_and_graduates_and_both_facts_are_published_without_personal_data()
    {
        var (cohortId, applicationId, personId) = await youth.AcceptedCandidateAsync("KK-BOLNISI");
        var hostId = await youth.KnownOrganizationAsync();

        var internship = await youth.PostAsync("/api/youth/internships", YouthFixture.Placement(applicationId, hostId), HttpStatusCode.Created);
        var id = internship.GetProperty("id").GetGuid();
        var months = Enumerable.Range(0, 3).Select(i => Month(YouthFixture.PastStart.AddMonths(i))).ToArray();
        Assert.Equal(months, internship.GetProperty("plannedMonths").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal(personId, internship.GetProperty("participantId").GetGuid());
        Assert.Equal("Running", internship.GetProperty("status").GetString());

        var started = await PublishedAsync("InternshipStarted", personId);
        Assert.Equal(id, started.GetProperty("internshipId").GetGuid());
        Assert.Equal(cohortId, started.GetProperty("cohortId").GetGuid());
        Assert.Equal("KK-BOLNISI", started.GetProperty("municipality").GetString());
        Assert.Equal(hostId, started.GetProperty("hostOrganizationId").GetGuid());

        await youth.PostAsync($"/api/youth/internships/{id}/check-ins", YouthFixture.CheckIn(months[0]), HttpStatusCode.Created);
        await youth.PostAsync($"/api/youth/internships/{id}/check-ins", YouthFixture.CheckIn(months[2]), HttpStatusCode.Created);
        // One report per month.
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/youth/internships/{id}/check-ins", YouthFixture.CheckIn(months[0]), Ct), HttpStatusCode.Conflict, null);
        // A month outside the internship is bad input.
        await AssertProblemAsync(await Team.PostAsJsonAsync($"/api/youth/internships/{id}/check-ins",
            YouthFixture.CheckIn(Month(YouthFixture.PastStart.AddMonths(3))), Ct), HttpStatusCode.BadRequest, "month");
        // Not complete while a month is missing.
        var incomplete = await Team.PostAsync($"/api/youth/internships/{id}/complete", null, Ct);
        await AssertProblemAsync(incomplete, HttpStatusCode.Conflict, null);
        Assert.Contains(months[1], (await ReadJsonAsync(incomplete)).GetProperty("detail").GetString(), StringComparison.Ordinal);

        await youth.PostAsync($"/api/youth/internships/{id}/check-ins", YouthFixture.CheckIn(months[1]), HttpStatusCode.Created);
        var completed = await youth.PostAsync($"/api/youth/internships/{id}/complete", null, HttpStatusCode.OK);

        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        Assert.Empty(completed.GetProperty("missingMonths").EnumerateArray());
        Assert.Equal(YouthFixture.Today, DateOnly.Parse(completed.GetProperty("completedOn").GetString()!, CultureInfo.InvariantCulture));
        var application = await ReadJsonAsync(await Team.GetAsync($"/api/youth/applications/{applicationId}", Ct), HttpStatusCode.OK);
        Assert.Equal(YouthFixture.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), application.GetProperty("graduatedOn").GetString());
        await AssertProblemAsync(await Team.PostAsync($"/api/youth/internships/{id}/complete", null, Ct), HttpStatusCode.Conflict, null);

        var graduated = await PublishedAsync("ParticipantGraduated", personId);
        Assert.Equal(cohortId, graduated.GetProperty("cohortId").GetGuid());
        Assert.Equal("KK-BOLNISI", graduated.GetProperty("municipality").GetString());
        Assert.Equal(hostId, graduated.GetProperty("hostOrganizationId").GetGuid());
        Assert.Single(await youth.OutboxAsync("ParticipantGraduated"), m => m.Payload.Contains(personId.ToString(), StringComparison.Ordinal));

        // The cohort can complete once no internship runs.
        var cohort = await youth.PostAsync($"/api/youth/cohorts/{cohortId}/complete", null, HttpStatusCode.OK);
        Assert.Equal("Completed", cohort.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Placement_rules_a_national_host_a_running_cohort_no_earlier_start_and_no_overlap()
    {
        var (cohortId, applicationId, personId) = await youth.AcceptedCandidateAsync();
        var national = await youth.KnownOrganizationAsync();
        var cso = await youth.KnownOrganizationAsync(OrganizationType.Cso);

        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/youth/internships", YouthFixture.Placement(applicationId, cso), Ct), HttpStatusCode.BadRequest, "hostOrganizationId");
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/youth/internships", YouthFixture.Placement(applicationId, Guid.NewGuid()), Ct), HttpStatusCode.BadRequest, "hostOrganizationId");
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/youth/internships",
            YouthFixture.Placement(applicationId, national, YouthFixture.PastStart.AddDays(-1)), Ct), HttpStatusCode.BadRequest, "startsOn");
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/youth/internships",
            new { applicationId, hostOrganizationId = national, mentor = new { name = "Mentor" }, startsOn = YouthFixture.PastStart, endsOn = YouthFixture.PastStart.AddMonths(2) }, Ct),
            HttpStatusCode.BadRequest, "mentor.contact");

        await youth.PostAsync("/api/youth/internships", YouthFixture.Placement(applicationId, national), HttpStatusCode.Created);
        // One internship per accepted application.
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/youth/internships",
            YouthFixture.Placement(applicationId, national, YouthFixture.PastStart.AddMonths(6)), Ct), HttpStatusCode.Conflict, null);

        // The same person accepted into a second cohort cannot intern twice at once.
        var second = await youth.OpenCohortAsync(startsOn: YouthFixture.PastStart);
        var secondApplication = await youth.ApplyAsync(second, personId);
        await youth.PostAsync($"/api/youth/cohorts/{second}/start-selection", null, HttpStatusCode.OK);
        await youth.DecideAsync(secondApplication, "Accepted");
        // ... and nobody is placed before the cohort runs.
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/youth/internships",
            YouthFixture.Placement(secondApplication, national, YouthFixture.PastStart.AddMonths(3)), Ct), HttpStatusCode.Conflict, null);
        await youth.PostAsync($"/api/youth/cohorts/{second}/start", null, HttpStatusCode.OK);
        var overlap = await Team.PostAsJsonAsync("/api/youth/internships", YouthFixture.Placement(secondApplication, national, YouthFixture.PastStart.AddMonths(2)), Ct);
        await AssertProblemAsync(overlap, HttpStatusCode.Conflict, null);
        Assert.Contains("overlap", (await ReadJsonAsync(overlap)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await youth.PostAsync("/api/youth/internships", YouthFixture.Placement(secondApplication, national, YouthFixture.PastStart.AddMonths(3)), HttpStatusCode.Created);

        var list = await ReadJsonAsync(await Team.GetAsync($"/api/youth/internships?participantId={personId}&status=Running", Ct), HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("total").GetInt64());
        var byCohort = await ReadJsonAsync(await Team.GetAsync($"/api/youth/internships?cohortId={cohortId}&municipality=KK-MARNEULI", Ct), HttpStatusCode.OK);
        Assert.Equal(1, byCohort.GetProperty("total").GetInt64());
        // A cohort with a running internship does not complete.
        await AssertProblemAsync(await Team.PostAsync($"/api/youth/cohorts/{cohortId}/complete", null, Ct), HttpStatusCode.Conflict, null);
    }

    [Fact]
    public async Task A_candidate_not_accepted_is_not_placed()
    {
        var cohortId = await youth.OpenCohortAsync();
        var applicationId = await youth.ApplyAsync(cohortId, await youth.RegisterPersonAsync());
        await youth.PostAsync($"/api/youth/cohorts/{cohortId}/start-selection", null, HttpStatusCode.OK);
        await youth.DecideAsync(applicationId, "WaitingList");
        await youth.PostAsync($"/api/youth/cohorts/{cohortId}/start", null, HttpStatusCode.OK);

        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/youth/internships",
            YouthFixture.Placement(applicationId, await youth.KnownOrganizationAsync()), Ct), HttpStatusCode.Conflict, null);
        await AssertProblemAsync(await Team.PostAsJsonAsync("/api/youth/internships",
            YouthFixture.Placement(Guid.NewGuid(), await youth.KnownOrganizationAsync()), Ct), HttpStatusCode.BadRequest, "applicationId");
        Assert.Equal(HttpStatusCode.NotFound, (await Team.PostAsJsonAsync($"/api/youth/internships/{Guid.NewGuid()}/check-ins", YouthFixture.CheckIn("2026-01"), Ct)).StatusCode);
    }

    /// <summary>The event about the participant, once the dispatcher has published it; it never carries personal data.</summary>
    private async Task<JsonElement> PublishedAsync(string eventType, Guid participantId)
    {
        var (payload, _) = await Eventually.ReturnsAsync(
            async () => (await youth.OutboxAsync(eventType)).LastOrDefault(m => m.Payload.Contains(participantId.ToString(), StringComparison.Ordinal)),
            m => m.SentAt is not null, TimeSpan.FromSeconds(30), $"{eventType} of {participantId} to be published");
        var json = JsonDocument.Parse(payload).RootElement;
        Assert.Equal(participantId, json.GetProperty("participantId").GetGuid());
        foreach (var personal in new[] { "Beridze", "nino", "1990", "2003-05-17", "Giorgi", "+995" })
        {
            Assert.DoesNotContain(personal, payload, StringComparison.OrdinalIgnoreCase);
        }

        return json.Clone();
    }
}
