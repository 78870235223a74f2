using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static Platform.EndToEndTests.Responses;

namespace Platform.EndToEndTests;

/// <summary>
/// The Young Professionals Program end to end through the gateway: a national host registered in Capacity reaches
/// Youth by its events; a candidate applies, is accepted, placed with that host, checked in every month and graduates.
/// </summary>
public sealed class YoungProfessionalsTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_candidate_applies_is_accepted_placed_with_a_host_from_the_registry_checked_in_and_graduates()
    {
        using var capacity = await platform.GatewayAsAsync("capacity-team");
        using var youth = await platform.GatewayAsAsync("youth-team");
        using var monitor = await platform.GatewayAsAsync("monitor");

        // A national host organisation, registered in Capacity, known to Youth through the registry's events.
        var hostId = await IdOfAsync(await capacity.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"Public Service Development Agency {Guid.NewGuid():N}" }, type = "NationalOrganization", municipality = "KK-MARNEULI" }, Ct));
        await Eventually.GetAsync(
            async () => (await youth.GetAsync($"/api/youth/organizations/{hostId}", Ct)).StatusCode == HttpStatusCode.OK ? true : (bool?)null,
            EventTimeout, $"host {hostId} in Youth");

        var graduate = await GraduateAsync(youth, hostId, "KK-MARNEULI");

        Assert.Equal("Completed", graduate.Internship.GetProperty("status").GetString());
        Assert.Equal(hostId, graduate.Internship.GetProperty("hostOrganizationId").GetGuid());
        var application = await Json(await youth.GetAsync($"/api/youth/applications/{graduate.ApplicationId}", Ct));
        Assert.Equal(graduate.ParticipantId, application.GetProperty("participantId").GetGuid());
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), application.GetProperty("graduatedOn").GetString());

        // The figures count the graduate exactly for the Youth team; the donor's monitor reads them without names, and
        // a count of one person is suppressed (docs/figures.md).
        var figures = await Json(await youth.GetAsync($"/api/youth/figures/cohorts?cohortId={graduate.CohortId}", Ct));
        var row = Assert.Single(figures.GetProperty("rows").EnumerateArray());
        Assert.Equal("KK-MARNEULI", row.GetProperty("municipality").GetString());
        var monitored = Assert.Single((await Json(await monitor.GetAsync($"/api/youth/figures/cohorts?cohortId={graduate.CohortId}", Ct))).GetProperty("rows").EnumerateArray());
        foreach (var count in new[] { "applicants", "accepted", "placed", "graduated" })
        {
            Assert.Equal(1, row.GetProperty(count).GetProperty("total").GetInt32());
            Assert.Equal(1, row.GetProperty(count).GetProperty("byGender").GetProperty("female").GetInt32());
            Assert.Equal(JsonValueKind.Null, monitored.GetProperty(count).GetProperty("total").ValueKind);
            Assert.Equal(JsonValueKind.Null, monitored.GetProperty(count).GetProperty("byGender").GetProperty("female").ValueKind);
            Assert.True(monitored.GetProperty(count).GetProperty("suppressed").GetBoolean());
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.GetAsync($"/api/youth/people/{graduate.ParticipantId}", Ct)).StatusCode);
    }

    /// <summary>What a graduate of the programme is known by: Grants' graduate calls take <see cref="ParticipantId"/>.</summary>
    public sealed record Graduate(Guid ParticipantId, Guid CohortId, Guid ApplicationId, JsonElement Internship);

    /// <summary>
    /// Takes one young person from registration to graduation through the gateway as the Youth team, with a cohort that
    /// started four months ago so that three months of check-ins are due.
    /// </summary>
    public static async Task<Graduate> GraduateAsync(HttpClient youth, Guid hostId, string municipality)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-4);

        var personId = await IdOfAsync(await youth.PostAsJsonAsync("/api/youth/people", new
        {
            firstName = "Mariam",
            lastName = "Gelashvili",
            birthDate = "2002-09-14",
            gender = "female",
            municipality,
            languages = new[] { "ka", "az" },
            education = "BA in public administration",
            email = "mariam.gelashvili@example.ge",
            consent = new { given = true, purpose = "Young Professionals Program", noticeVersion = "youth-privacy-2026-1" },
        }, Ct));
        var cohortId = await IdOfAsync(await youth.PostAsJsonAsync("/api/youth/cohorts", new
        {
            name = $"YPP e2e {Guid.NewGuid():N}",
            intakeOpensOn = start.AddMonths(-2),
            intakeClosesOn = start.AddDays(-1),
            startsOn = start,
            places = 10,
            eligibleMunicipalities = new[] { municipality },
            minAge = 18,
            maxAge = 29,
        }, Ct));
        var applicationId = await IdOfAsync(await youth.PostAsJsonAsync($"/api/youth/cohorts/{cohortId}/applications", new { personId }, Ct));
        await Json(await youth.PostAsync($"/api/youth/cohorts/{cohortId}/start-selection", null, Ct));
        var accepted = await Json(await youth.PostAsJsonAsync($"/api/youth/applications/{applicationId}/decision",
            new { decision = "Accepted", score = 88, reason = "Clear motivation, relevant studies" }, Ct));
        Assert.Equal("Accepted", accepted.GetProperty("status").GetString());
        await Json(await youth.PostAsync($"/api/youth/cohorts/{cohortId}/start", null, Ct));

        var internshipId = await IdOfAsync(await youth.PostAsJsonAsync("/api/youth/internships", new
        {
            applicationId,
            hostOrganizationId = hostId,
            mentor = new { name = "Tamar Lomidze", contact = "tamar.lomidze@example.ge" },
            startsOn = start,
            endsOn = start.AddMonths(3).AddDays(-1),
        }, Ct));
        for (var i = 0; i < 3; i++)
        {
            var month = start.AddMonths(i).ToString("yyyy-MM", CultureInfo.InvariantCulture);
            using var checkIn = await youth.PostAsJsonAsync($"/api/youth/internships/{internshipId}/check-ins",
                new { month, tasks = "Service mapping and citizen surveys", hours = 140, competencies = new[] { "research" } }, Ct);
            Assert.Equal(HttpStatusCode.Created, checkIn.StatusCode);
        }

        var completed = await Json(await youth.PostAsync($"/api/youth/internships/{internshipId}/complete", null, Ct));
        Assert.Equal(personId, completed.GetProperty("participantId").GetGuid());
        return new Graduate(personId, cohortId, applicationId, completed);
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response) =>
        (await Json(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
}
