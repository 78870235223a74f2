using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static Platform.EndToEndTests.Responses;

namespace Platform.EndToEndTests;

/// <summary>
/// The grant cycle through the gateway: a CSO registered in Capacity applies to an open call, is evaluated, awarded,
/// reports, and receives its tranches until the agreement is closed; the figures show it. (The graduate path is an
/// integration test that publishes <c>ParticipantGraduated</c> until Youth publishes it.)
/// </summary>
public sealed class GrantsCycleTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_CSO_registered_in_Capacity_applies_is_evaluated_awarded_reports_and_is_paid_until_closeout()
    {
        using var capacity = await platform.GatewayAsAsync("capacity-team");
        using var team = await platform.GatewayAsAsync("grants-team");
        using var monitor = await platform.GatewayAsAsync("monitor");

        // The organisation is registered in Capacity and reaches Grants by its event.
        var organization = (await Json(await capacity.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"Bolnisi Youth Initiative {Guid.NewGuid():N}" }, type = "Cso", municipality = "KK-BOLNISI" }, Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Eventually.GetAsync(async () => (await team.GetAsync($"/api/grants/organizations/{organization}", Ct)).StatusCode == HttpStatusCode.OK ? true : (bool?)null,
            EventTimeout, $"organisation {organization} in Grants");

        // A call for CSOs in Bolnisi is drafted and opened.
        var call = await Json(await team.PostAsJsonAsync("/api/grants/calls", new
        {
            title = new { en = "Civic initiatives in Bolnisi", ka = "სამოქალაქო ინიციატივები ბოლნისში" },
            description = new { en = "Grants for civic initiatives of local CSOs." },
            targetGroup = "Cso",
            eligibleMunicipalities = new[] { "KK-BOLNISI" },
            currency = "GEL",
            envelope = 60_000m,
            minimumAward = 5_000m,
            maximumAward = 25_000m,
            coFundingShare = 0.1m,
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            deadline = DateTimeOffset.UtcNow.AddDays(30),
            criteria = new object[]
            {
                new { code = "relevance", name = "Relevance", weight = 60, maxScore = 10 },
                new { code = "feasibility", name = "Feasibility", weight = 40, maxScore = 10 },
            },
            requiredScores = 1,
        }, Ct), HttpStatusCode.Created);
        var callId = call.GetProperty("id").GetGuid();
        await Json(await team.PostAsync($"/api/grants/calls/{callId}/open", null, Ct), HttpStatusCode.OK);

        // The CSO's applicant applies; the application is eligible.
        using var applicant = platform.GatewayWithToken((await platform.Tokens.NewClientAsync("applicant", organization)).Token);
        var draft = await Json(await applicant.PostAsJsonAsync("/api/grants/applications", new
        {
            callId,
            projectTitle = "Debate club for young voters",
            summary = "Weekly debates in Georgian and Azerbaijani before the local elections.",
            municipality = "KK-BOLNISI",
            requestedAmount = 20_000m,
            coFunding = 3_000m,
            currency = "GEL",
            budgetLines = new object[]
            {
                new { description = "Venue", amount = 12_000m, currency = "GEL" },
                new { description = "Facilitators", amount = 8_000m, currency = "GEL" },
            },
        }, Ct), HttpStatusCode.Created);
        var applicationId = draft.GetProperty("id").GetGuid();
        var submitted = await Json(await applicant.PostAsync($"/api/grants/applications/{applicationId}/submit", null, Ct), HttpStatusCode.OK);
        Assert.True(submitted.GetProperty("eligible").GetBoolean(), submitted.ToString());

        // Submissions close; an evaluator declares no conflict and scores it.
        await Json(await team.PostAsync($"/api/grants/calls/{callId}/close", null, Ct), HttpStatusCode.OK);
        var (evaluatorId, evaluatorToken) = await platform.Tokens.NewClientAsync("evaluator");
        using var evaluator = platform.GatewayWithToken(evaluatorToken);
        var assignment = (await Json(await team.PostAsJsonAsync($"/api/grants/calls/{callId}/evaluators", new { evaluators = new[] { evaluatorId } }, Ct), HttpStatusCode.OK))
            .EnumerateArray().Single().GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await evaluator.GetAsync($"/api/grants/applications/{applicationId}", Ct)).StatusCode);
        await Json(await evaluator.PostAsJsonAsync($"/api/grants/evaluations/{assignment}/declaration", new { conflictOfInterest = false }, Ct), HttpStatusCode.OK);
        await Json(await evaluator.GetAsync($"/api/grants/applications/{applicationId}", Ct), HttpStatusCode.OK);
        var scored = await Json(await evaluator.PutAsJsonAsync($"/api/grants/evaluations/{assignment}/scores", new
        {
            scores = new object[]
            {
                new { criterion = "relevance", score = 9, comment = "Elections are close; young voters are the target." },
                new { criterion = "feasibility", score = 8, comment = "Venue and facilitators are confirmed." },
            },
        }, Ct), HttpStatusCode.OK);
        Assert.Equal(86m, scored.GetProperty("weightedTotal").GetDecimal());

        // The evaluation is complete; the ranking is awarded within the envelope.
        await Json(await team.PostAsync($"/api/grants/calls/{callId}/evaluation/complete", null, Ct), HttpStatusCode.OK);
        var awarding = await Json(await team.PostAsync($"/api/grants/calls/{callId}/awards/from-ranking", null, Ct), HttpStatusCode.OK);
        var award = awarding.GetProperty("awarded").EnumerateArray().Single();
        Assert.Equal(20_000m, award.GetProperty("amount").GetDecimal());

        // The agreement pays 40/40/20, each later tranche after the report before it is approved.
        var agreement = await Json(await team.PostAsJsonAsync("/api/grants/agreements", new
        {
            awardId = award.GetProperty("id").GetGuid(),
            signedOn = Today,
            tranches = new object[]
            {
                new { percentage = 40, reportDueOn = Today.AddDays(90) },
                new { percentage = 40, reportDueOn = Today.AddDays(180) },
                new { percentage = 20, reportDueOn = Today.AddDays(270) },
            },
        }, Ct), HttpStatusCode.Created);
        var agreementId = agreement.GetProperty("id").GetGuid();
        decimal[] tranches = [8_000m, 8_000m, 4_000m];
        for (var number = 1; number <= 3; number++)
        {
            if (number > 1)
            {
                Assert.Equal(HttpStatusCode.Conflict, (await team.PostAsJsonAsync($"/api/grants/agreements/{agreementId}/tranches/{number}/payment",
                    new { amount = tranches[number - 1], currency = "GEL", paidOn = Today }, Ct)).StatusCode);
                await Json(await team.PostAsJsonAsync($"/api/grants/agreements/{agreementId}/reports/{number - 1}/approve", new { comment = "Complete." }, Ct), HttpStatusCode.OK);
            }

            await Json(await team.PostAsJsonAsync($"/api/grants/agreements/{agreementId}/tranches/{number}/payment",
                new { amount = tranches[number - 1], currency = "GEL", paidOn = Today }, Ct), HttpStatusCode.OK);
            await Json(await applicant.PostAsJsonAsync($"/api/grants/agreements/{agreementId}/reports/{number}",
                new { narrative = $"Report {number}: debates held as planned.", spent = tranches[number - 1], currency = "GEL" }, Ct), HttpStatusCode.OK);
        }

        await Json(await team.PostAsJsonAsync($"/api/grants/agreements/{agreementId}/reports/3/approve", new { comment = "Final report accepted." }, Ct), HttpStatusCode.OK);
        await Json(await team.PostAsync($"/api/grants/agreements/{agreementId}/close", null, Ct), HttpStatusCode.OK);

        var closed = await Json(await applicant.GetAsync($"/api/grants/agreements/{agreementId}", Ct), HttpStatusCode.OK);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(20_000m, closed.GetProperty("paidAmount").GetDecimal());

        var figures = (await Json(await monitor.GetAsync($"/api/grants/figures?callId={callId}", Ct), HttpStatusCode.OK)).EnumerateArray().Single();
        Assert.Equal("KK-BOLNISI", figures.GetProperty("municipality").GetString());
        Assert.Equal(1, figures.GetProperty("applications").GetInt32());
        Assert.Equal(1, figures.GetProperty("eligible").GetInt32());
        Assert.Equal(1, figures.GetProperty("awarded").GetInt32());
        Assert.Equal(20_000m, figures.GetProperty("awardedAmount").GetDecimal());
        Assert.Equal(20_000m, figures.GetProperty("paidAmount").GetDecimal());
    }
}
