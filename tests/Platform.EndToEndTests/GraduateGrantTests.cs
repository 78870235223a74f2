using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static Platform.EndToEndTests.Responses;

namespace Platform.EndToEndTests;

/// <summary>
/// Youth and Grants together through the gateway: a young person graduates from the Young Professionals Program in
/// Youth, Grants learns it from <c>ParticipantGraduated</c>, and the graduate's application to a graduate call is
/// accepted as eligible. A person who never graduated is recorded ineligible on the same call.
/// </summary>
public sealed class GraduateGrantTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_graduate_of_the_Young_Professionals_Program_applies_to_a_graduate_call_and_is_eligible()
    {
        using var capacity = await platform.GatewayAsAsync("capacity-team");
        using var youth = await platform.GatewayAsAsync("youth-team");
        using var team = await platform.GatewayAsAsync("grants-team");

        var hostId = (await Json(await capacity.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"Civil Service Bureau {Guid.NewGuid():N}" }, type = "NationalOrganization", municipality = "KK-MARNEULI" }, Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Eventually.GetAsync(async () => (await youth.GetAsync($"/api/youth/organizations/{hostId}", Ct)).StatusCode == HttpStatusCode.OK ? true : (bool?)null,
            EventTimeout, $"host {hostId} in Youth");

        var graduate = await YoungProfessionalsTests.GraduateAsync(youth, hostId, "KK-MARNEULI");

        // Grants learns of the graduation from Youth's event: ids and the home municipality only.
        var known = await Eventually.GetAsync(async () =>
            {
                using var response = await team.GetAsync($"/api/grants/graduates/{graduate.ParticipantId}", Ct);
                return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>(Ct) : (JsonElement?)null;
            },
            EventTimeout, $"graduate {graduate.ParticipantId} in Grants");
        Assert.Equal(graduate.CohortId, known.GetProperty("cohortId").GetGuid());
        Assert.Equal("KK-MARNEULI", known.GetProperty("municipality").GetString());

        var call = await Json(await team.PostAsJsonAsync("/api/grants/calls", new
        {
            title = new { en = "Start-up grants for programme graduates", ka = "სასტარტო გრანტები კურსდამთავრებულებისთვის" },
            description = new { en = "Small grants for social-service initiatives of Young Professionals Program graduates." },
            targetGroup = "ProgrammeGraduate",
            eligibleMunicipalities = new[] { "KK-MARNEULI", "KK-BOLNISI" },
            currency = "GEL",
            envelope = 20_000m,
            minimumAward = 1_000m,
            maximumAward = 5_000m,
            coFundingShare = 0m,
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            deadline = DateTimeOffset.UtcNow.AddDays(30),
            criteria = new object[] { new { code = "social-value", name = "Social value", weight = 100, maxScore = 10 } },
            requiredScores = 1,
        }, Ct), HttpStatusCode.Created);
        var callId = call.GetProperty("id").GetGuid();
        await Json(await team.PostAsync($"/api/grants/calls/{callId}/open", null, Ct), HttpStatusCode.OK);

        using var graduateApplicant = platform.GatewayWithToken((await platform.Tokens.NewClientAsync("applicant", participantId: graduate.ParticipantId)).Token);
        var submitted = await ApplyAsync(graduateApplicant, callId);
        Assert.True(submitted.GetProperty("eligible").GetBoolean(), submitted.ToString());
        Assert.Equal(graduate.ParticipantId, submitted.GetProperty("participantId").GetGuid());
        Assert.Equal(JsonValueKind.Null, submitted.GetProperty("organizationId").ValueKind);

        // Someone Youth never graduated is recorded ineligible, with the reason.
        using var stranger = platform.GatewayWithToken((await platform.Tokens.NewClientAsync("applicant", participantId: Guid.CreateVersion7())).Token);
        var refused = await ApplyAsync(stranger, callId);
        Assert.False(refused.GetProperty("eligible").GetBoolean());
        Assert.Contains(refused.GetProperty("eligibilityFailures").EnumerateArray(), f => f.GetProperty("code").GetString() == "not-a-graduate");

        // Each sees only their own application; the grants team sees both.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/grants/applications/{submitted.GetProperty("id").GetGuid()}", Ct)).StatusCode);
        var all = await Json(await team.GetAsync($"/api/grants/applications?callId={callId}", Ct), HttpStatusCode.OK);
        Assert.Equal(2, all.GetProperty("total").GetInt32());
    }

    private static async Task<JsonElement> ApplyAsync(HttpClient applicant, Guid callId)
    {
        var draft = await Json(await applicant.PostAsJsonAsync("/api/grants/applications", new
        {
            callId,
            projectTitle = "Peer tutoring for pupils in Marneuli",
            summary = "After-school tutoring in Georgian for Azerbaijani-speaking pupils, run by programme graduates.",
            municipality = "KK-MARNEULI",
            requestedAmount = 4_000m,
            coFunding = 0m,
            currency = "GEL",
            budgetLines = new object[]
            {
                new { description = "Tutors' stipends", amount = 3_000m, currency = "GEL" },
                new { description = "Books", amount = 1_000m, currency = "GEL" },
            },
        }, Ct), HttpStatusCode.Created);
        return await Json(await applicant.PostAsync($"/api/grants/applications/{draft.GetProperty("id").GetGuid()}/submit", null, Ct), HttpStatusCode.OK);
    }
}
