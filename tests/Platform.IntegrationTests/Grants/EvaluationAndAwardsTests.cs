using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Capacity;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Grants;

[Collection(GrantsCollection.Name)]
public sealed class EvaluationAndAwardsTests(GrantsFixture grants)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_evaluator_sees_nothing_before_declaring_no_conflict_and_nothing_unassigned()
    {
        var callId = await grants.OpenCallAsync(CallBody());
        var organization = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-MARNEULI");
        using var applicant = await grants.ApplicantForAsync(organization);
        var applicationId = (await grants.ApplyAsync(applicant, callId)).GetProperty("id").GetGuid();
        var (evaluator, subject) = await grants.EvaluatorAsync();
        var (recused, recusedSubject) = await grants.EvaluatorAsync();
        var (stranger, _) = await grants.EvaluatorAsync();

        // Not before submissions close.
        await AssertConflictAsync(await grants.Team.PostAsJsonAsync($"/api/grants/calls/{callId}/evaluators", new { evaluators = new[] { subject } }, Ct), "call-not-closed");
        var assignments = await grants.CloseAndAssignAsync(callId, subject, recusedSubject);
        var assignment = assignments.EnumerateArray().Single(a => a.GetProperty("evaluator").GetString() == subject).GetProperty("id").GetGuid();
        var recusedAssignment = assignments.EnumerateArray().Single(a => a.GetProperty("evaluator").GetString() == recusedSubject).GetProperty("id").GetGuid();

        await AssertConflictAsync(await evaluator.GetAsync($"/api/grants/applications/{applicationId}", Ct), "declaration-required");
        await AssertConflictAsync(await evaluator.PutAsJsonAsync($"/api/grants/evaluations/{assignment}/scores", Scores(8, 8, 4), Ct), "declaration-required");
        Assert.Equal(0, (await ReadJsonAsync(await evaluator.GetAsync("/api/grants/applications", Ct), HttpStatusCode.OK)).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/grants/applications/{applicationId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/grants/evaluations/{assignment}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsJsonAsync($"/api/grants/evaluations/{assignment}/declaration", new { conflictOfInterest = false }, Ct)).StatusCode);

        await ReadJsonAsync(await evaluator.PostAsJsonAsync($"/api/grants/evaluations/{assignment}/declaration", new { conflictOfInterest = false }, Ct), HttpStatusCode.OK);
        var seen = await ReadJsonAsync(await evaluator.GetAsync($"/api/grants/applications/{applicationId}", Ct), HttpStatusCode.OK);
        Assert.Equal("Youth centre in Marneuli", seen.GetProperty("projectTitle").GetString());

        await ReadJsonAsync(await recused.PostAsJsonAsync($"/api/grants/evaluations/{recusedAssignment}/declaration", new { conflictOfInterest = true }, Ct), HttpStatusCode.OK);
        await AssertConflictAsync(await recused.GetAsync($"/api/grants/applications/{applicationId}", Ct), "conflict-of-interest");
        await AssertConflictAsync(await recused.PostAsJsonAsync($"/api/grants/evaluations/{recusedAssignment}/declaration", new { conflictOfInterest = false }, Ct), "already-declared");

        // Scores within each criterion's scale, each with a comment; the weighted total follows the weights.
        await AssertFieldErrorAsync(await evaluator.PutAsJsonAsync($"/api/grants/evaluations/{assignment}/scores", Scores(11, 8, 4), Ct), "scores[0].score");
        await AssertFieldErrorAsync(await evaluator.PutAsJsonAsync($"/api/grants/evaluations/{assignment}/scores",
            new { scores = new object[] { new { criterion = "relevance", score = 5, comment = "" } } }, Ct), "scores[0].comment");
        var scored = await ReadJsonAsync(await evaluator.PutAsJsonAsync($"/api/grants/evaluations/{assignment}/scores", Scores(8, 6, 5), Ct), HttpStatusCode.OK);
        // 8/10*40 + 6/10*35 + 5/5*25 = 32 + 21 + 25
        Assert.Equal(78m, scored.GetProperty("weightedTotal").GetDecimal());
    }

    [Fact]
    public async Task A_call_is_not_awarded_before_every_eligible_application_has_its_scores_then_the_ranking_is_awarded_within_the_envelope()
    {
        // Envelope 25,000: the best (10,000) and the second (12,000) fit; the third (8,000) does not, the fourth (2,000) does.
        var callId = await grants.OpenCallAsync(CallBody(envelope: 25_000m, minimumAward: 1_000m, maximumAward: 20_000m, requiredScores: 2));
        var requested = new[] { 10_000m, 12_000m, 8_000m, 2_000m };
        var applications = new List<Guid>();
        foreach (var amount in requested)
        {
            var organization = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-GARDABANI");
            using var applicant = await grants.ApplicantForAsync(organization);
            applications.Add((await grants.ApplyAsync(applicant, callId, requested: amount, coFunding: amount / 4, municipality: "KK-GARDABANI")).GetProperty("id").GetGuid());
        }

        var ineligibleOrganization = await grants.RegisterOrganizationAsync(OrganizationType.LocalSelfGovernment, "KK-GARDABANI");
        using var ineligibleApplicant = await grants.ApplicantForAsync(ineligibleOrganization);
        var ineligible = (await grants.ApplyAsync(ineligibleApplicant, callId, municipality: "KK-GARDABANI")).GetProperty("id").GetGuid();

        var (first, firstSubject) = await grants.EvaluatorAsync();
        var (second, secondSubject) = await grants.EvaluatorAsync();
        var assignments = await grants.CloseAndAssignAsync(callId, firstSubject, secondSubject);
        Assert.Equal(8, assignments.GetArrayLength()); // two evaluators on four eligible applications; none on the ineligible one

        // Rank: applications[0] > [1] > [2] > [3].
        (int, int, int) ScoreOf(Guid id) => applications.IndexOf(id) switch { 0 => (10, 10, 5), 1 => (9, 9, 4), 2 => (7, 7, 3), _ => (5, 5, 2) };
        await grants.ScoreAllAsync(first, callId, ScoreOf);

        await AssertConflictAsync(await grants.Team.PostAsync($"/api/grants/calls/{callId}/evaluation/complete", null, Ct), "scores-missing");
        await AssertConflictAsync(await grants.Team.PostAsJsonAsync($"/api/grants/calls/{callId}/awards", new { applicationId = applications[0] }, Ct), "call-not-evaluated");
        await AssertConflictAsync(await grants.Team.PostAsync($"/api/grants/calls/{callId}/awards/from-ranking", null, Ct), "call-not-evaluated");

        await grants.ScoreAllAsync(second, callId, ScoreOf);
        await ReadJsonAsync(await grants.Team.PostAsync($"/api/grants/calls/{callId}/evaluation/complete", null, Ct), HttpStatusCode.OK);

        var ranking = await ReadJsonAsync(await grants.Team.GetAsync($"/api/grants/calls/{callId}/ranking", Ct), HttpStatusCode.OK);
        Assert.Equal(applications, ranking.EnumerateArray().Select(r => r.GetProperty("applicationId").GetGuid()).ToList());
        Assert.Equal(100m, ranking[0].GetProperty("averageScore").GetDecimal());
        Assert.All(ranking.EnumerateArray(), r => Assert.Equal(2, r.GetProperty("scores").GetInt32()));

        var result = await ReadJsonAsync(await grants.Team.PostAsync($"/api/grants/calls/{callId}/awards/from-ranking", null, Ct), HttpStatusCode.OK);
        Assert.Equal([applications[0], applications[1], applications[3]], result.GetProperty("awarded").EnumerateArray().Select(a => a.GetProperty("applicationId").GetGuid()).ToList());
        Assert.Equal(applications[2], result.GetProperty("waitingList").EnumerateArray().Single().GetProperty("applicationId").GetGuid());
        var rejected = result.GetProperty("rejected").EnumerateArray().Single();
        Assert.Equal(ineligible, rejected.GetProperty("applicationId").GetGuid());
        Assert.StartsWith("Not eligible", rejected.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(24_000m, result.GetProperty("awardedAmount").GetDecimal());
        Assert.Equal(1_000m, result.GetProperty("remainingEnvelope").GetDecimal());

        // The waiting list is awarded only if the envelope allows: 8,000 does not fit in 1,000.
        await AssertConflictAsync(await grants.Team.PostAsJsonAsync($"/api/grants/calls/{callId}/awards", new { applicationId = applications[2] }, Ct), "envelope-exceeded");
        await AssertFieldErrorAsync(await grants.Team.PostAsJsonAsync($"/api/grants/calls/{callId}/awards", new { applicationId = applications[2], amount = 1_000m, currency = "EUR" }, Ct), "currency");
        var partial = await ReadJsonAsync(await grants.Team.PostAsJsonAsync($"/api/grants/calls/{callId}/awards", new { applicationId = applications[2], amount = 1_000m, currency = "GEL" }, Ct), HttpStatusCode.Created);
        Assert.Equal(1_000m, partial.GetProperty("amount").GetDecimal());

        var call = await ReadJsonAsync(await grants.Team.GetAsync($"/api/grants/calls/{callId}", Ct), HttpStatusCode.OK);
        Assert.Equal("Awarded", call.GetProperty("status").GetString());
        Assert.Equal(0m, call.GetProperty("remainingEnvelope").GetDecimal());
        Assert.Equal(4, await grants.OutboxCountAsync("GrantAwarded", callId));
        var stored = await grants.StoredAsync(db => db.Applications.AsNoTracking().Where(a => a.CallId == callId).ToListAsync(Ct));
        Assert.Equal("Rejected", stored.Single(a => a.Id == ineligible).Status.ToString());
    }
}
