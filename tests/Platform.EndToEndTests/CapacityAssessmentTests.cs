using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static Platform.EndToEndTests.Responses;

namespace Platform.EndToEndTests;

/// <summary>
/// Capacity development through the gateway: an organisation's assessment, filled in by the organisation and validated
/// by the capacity team, makes it eligible for a Grants call that requires one; a training delivered moves Capacity's figures.
/// </summary>
public sealed class CapacityAssessmentTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static object Application(Guid callId) => new
    {
        callId,
        projectTitle = "Social services map of Dmanisi",
        summary = "Mapping and publishing the social services in the villages, in Georgian and Azerbaijani.",
        municipality = "KK-DMANISI",
        requestedAmount = 10_000m,
        coFunding = 1_500m,
        currency = "GEL",
        budgetLines = new object[] { new { description = "Field work", amount = 10_000m, currency = "GEL" } },
    };

    private static async Task<JsonElement> SubmitAsync(HttpClient applicant, Guid callId)
    {
        var draft = await Json(await applicant.PostAsJsonAsync("/api/grants/applications", Application(callId), Ct), HttpStatusCode.Created);
        return await Json(await applicant.PostAsync($"/api/grants/applications/{draft.GetProperty("id").GetGuid()}/submit", null, Ct), HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_assessment_completed_in_Capacity_makes_the_organisation_eligible_for_a_call_that_requires_one()
    {
        using var capacity = await platform.GatewayAsAsync("capacity-team");
        using var grants = await platform.GatewayAsAsync("grants-team");

        var organization = (await Json(await capacity.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"Dmanisi Civic Forum {Guid.NewGuid():N}" }, type = "Cso", municipality = "KK-DMANISI" }, Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Eventually.GetAsync(async () => (await grants.GetAsync($"/api/grants/organizations/{organization}", Ct)).StatusCode == HttpStatusCode.OK ? true : (bool?)null,
            EventTimeout, $"organisation {organization} in Grants");

        var call = await Json(await grants.PostAsJsonAsync("/api/grants/calls", new
        {
            title = new { en = "Small grants for assessed CSOs in Dmanisi" },
            description = new { en = "For CSOs that completed their organisational capacity assessment." },
            targetGroup = "Cso",
            eligibleMunicipalities = new[] { "KK-DMANISI" },
            currency = "GEL",
            envelope = 50_000m,
            minimumAward = 5_000m,
            maximumAward = 15_000m,
            coFundingShare = 0.1m,
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            deadline = DateTimeOffset.UtcNow.AddDays(30),
            criteria = new object[] { new { code = "relevance", name = "Relevance", weight = 100, maxScore = 10 } },
            requiresAssessment = true,
            requiredScores = 1,
        }, Ct), HttpStatusCode.Created);
        var callId = call.GetProperty("id").GetGuid();
        await Json(await grants.PostAsync($"/api/grants/calls/{callId}/open", null, Ct), HttpStatusCode.OK);
        using var applicant = platform.GatewayWithToken((await platform.Tokens.NewClientAsync("applicant", organization)).Token);

        // Without an assessment the call refuses the organisation.
        var refused = await SubmitAsync(applicant, callId);
        Assert.False(refused.GetProperty("eligible").GetBoolean());
        Assert.Contains(refused.GetProperty("eligibilityFailures").EnumerateArray(), f => f.GetProperty("code").GetString() == "assessment-missing");

        // The capacity team starts a facilitated baseline; the organisation fills it in from the instrument and submits it.
        var facilitator = (await Json(await capacity.PostAsJsonAsync("/api/capacity/participants", new
        {
            fullName = "Facilitator Mariam Tsiklauri", gender = "female", ageGroup = "35-plus", sector = "cso", municipality = "KK-DMANISI",
            consent = new { given = true, purpose = "Capacity development", noticeVersion = "capacity-privacy-2026-1" },
        }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var assessment = (await Json(await capacity.PostAsJsonAsync("/api/capacity/assessments",
            new { organizationId = organization, instrument = "oca-cso", kind = "Baseline", facilitatorIds = new[] { facilitator } }, Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var instrument = await Json(await applicant.GetAsync("/api/capacity/instruments/oca-cso/versions/1", Ct));
        var scores = instrument.GetProperty("domains").EnumerateArray().SelectMany(d => d.GetProperty("subAreas").EnumerateArray())
            .Select(s => new { subArea = s.GetProperty("code").GetString(), level = 2 }).ToList();
        await Json(await applicant.PutAsJsonAsync($"/api/capacity/assessments/{assessment}/scores", new { scores }, Ct));
        await Json(await applicant.PostAsync($"/api/capacity/assessments/{assessment}/submit", null, Ct));
        var validated = await Json(await capacity.PostAsync($"/api/capacity/assessments/{assessment}/validate", null, Ct));
        Assert.Equal(2m, validated.GetProperty("overall").GetDecimal());

        // Once Grants has the event, the organisation's application is eligible. Grants shows no view of its copy,
        // so the applicant simply applies again until the call accepts it.
        var accepted = await Eventually.GetAsync(async () =>
        {
            var submitted = await SubmitAsync(applicant, callId);
            return submitted.GetProperty("eligible").GetBoolean() ? submitted : (JsonElement?)null;
        }, EventTimeout, "the call to accept the assessed organisation");
        Assert.Equal(organization, accepted.GetProperty("organizationId").GetGuid());
        Assert.Equal(0, accepted.GetProperty("eligibilityFailures").GetArrayLength());
    }

    [Fact]
    public async Task A_training_delivered_moves_Capacitys_figures()
    {
        using var capacity = await platform.GatewayAsAsync("capacity-team");
        using var monitor = await platform.GatewayAsAsync("monitor");
        const string figures = "/api/capacity/figures/activities?municipality=SJ-NINOTSMINDA&kind=Training";
        // The Capacity team reads its own figures exactly; the monitor's are suppressed below 5 people (docs/figures.md).
        var before = (await Json(await capacity.GetAsync(figures, Ct))).GetProperty("rows").EnumerateArray().Select(r => (JsonElement?)r).SingleOrDefault();

        var training = (await Json(await capacity.PostAsJsonAsync("/api/capacity/activities", new
        {
            kind = "Training", title = "Accountability of municipal social programmes", topics = new[] { "accountability" }, audience = "lsg-staff",
            humanRightsBasedApproach = true, startsOn = Today, endsOn = Today, municipality = "SJ-NINOTSMINDA", trainers = new[] { "Trainer Ani Chikovani" },
        }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var session = (await Json(await capacity.PostAsJsonAsync($"/api/capacity/activities/{training}/sessions",
            new { date = Today, topic = "Complaint mechanisms" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var person = (await Json(await capacity.PostAsJsonAsync("/api/capacity/participants", new
        {
            fullName = "Armen Petrosyan", gender = "male", ageGroup = "35-plus", sector = "lsg", municipality = "SJ-NINOTSMINDA",
            consent = new { given = true, purpose = "Capacity development", noticeVersion = "capacity-privacy-2026-1" },
        }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await capacity.PostAsJsonAsync($"/api/capacity/activities/{training}/participants", new { participantId = person }, Ct), HttpStatusCode.Created);
        await Json(await capacity.PutAsJsonAsync($"/api/capacity/activities/{training}/sessions/{session}/attendance", new { participantIds = new[] { person } }, Ct));
        await Json(await capacity.PutAsJsonAsync($"/api/capacity/activities/{training}/participants/{person}/tests", new { preTest = 50, postTest = 80 }, Ct));
        await Json(await capacity.PostAsync($"/api/capacity/activities/{training}/deliver", null, Ct));

        var after = (await Json(await capacity.GetAsync(figures, Ct))).GetProperty("rows").EnumerateArray().Single();
        Assert.Equal((before?.GetProperty("activities").GetInt32() ?? 0) + 1, after.GetProperty("activities").GetInt32());
        Assert.Equal((before?.GetProperty("participants").GetInt32() ?? 0) + 1, after.GetProperty("participants").GetInt32());
        Assert.Equal((before?.GetProperty("participantsByGender").GetProperty("male").GetInt32() ?? 0) + 1,
            after.GetProperty("participantsByGender").GetProperty("male").GetInt32());
        Assert.Equal((before?.GetProperty("participantsBySector").GetProperty("lsg").GetInt32() ?? 0) + 1,
            after.GetProperty("participantsBySector").GetProperty("lsg").GetInt32());
        Assert.DoesNotContain("Petrosyan", after.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Petrosyan", (await Json(await monitor.GetAsync(figures, Ct))).GetRawText(), StringComparison.Ordinal);
    }
}
