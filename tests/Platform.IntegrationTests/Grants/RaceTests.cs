using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Capacity;
using Platform.Grants.Applications;
using Platform.IntegrationTests.Concurrency;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Grants;

/// <summary>
/// Two requests that change the same record at once never both succeed when the rules allow only one: the loser is
/// a 409 with a code and its events are never published.
/// </summary>
[Collection(GrantsCollection.Name)]
public sealed class RaceTests(GrantsFixture grants)
{
    private const int Racers = 8;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Submits_at_once_submit_once_and_publish_one_ApplicationSubmitted()
    {
        var callId = await grants.OpenCallAsync(CallBody());
        var organization = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-MARNEULI");
        using var applicant = await grants.ApplicantForAsync(organization);
        var draft = await ReadJsonAsync(await applicant.PostAsJsonAsync("/api/grants/applications", ApplicationBody(callId), Ct), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();

        var answers = await AtOnce.RepeatAsync(Racers, () => applicant.PostAsync($"/api/grants/applications/{id}/submit", null, Ct));

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        AtOnce.AssertLosersRefused(answers, "concurrent-change", "invalid-transition");
        Assert.Equal(1, await grants.OutboxCountAsync("ApplicationSubmitted", id));
    }

    [Fact]
    public async Task Opens_at_once_open_once_and_publish_one_CallOpened()
    {
        var created = await ReadJsonAsync(await grants.Team.PostAsJsonAsync("/api/grants/calls", CallBody(), Ct), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var clients = Enumerable.Range(0, Racers).Select(_ => grants.App.ClientFor(PlatformRoles.GrantsTeam)).ToList();

        var answers = await AtOnce.SendAsync(clients.Select(c => (Func<Task<HttpResponseMessage>>)(() => c.PostAsync($"/api/grants/calls/{id}/open", null, Ct))).ToArray());

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        AtOnce.AssertLosersRefused(answers, "concurrent-change", "invalid-transition");
        Assert.Equal(1, await grants.OutboxCountAsync("CallOpened", id));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task A_withdraw_and_an_award_at_once_never_both_commit()
    {
        const int applications = 6;
        var callId = await grants.OpenCallAsync(CallBody(envelope: 500_000m));
        var organization = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-MARNEULI");
        var applicants = new List<(HttpClient Client, Guid Id)>();
        for (var i = 0; i < applications; i++)
        {
            var applicant = await grants.ApplicantForAsync(organization);
            applicants.Add((applicant, (await grants.ApplyAsync(applicant, callId)).GetProperty("id").GetGuid()));
        }

        var (evaluator, subject) = await grants.EvaluatorAsync();
        await grants.CloseAndAssignAsync(callId, subject);
        await grants.ScoreAllAsync(evaluator, callId, _ => (7, 7, 3));
        await ReadJsonAsync(await grants.Team.PostAsync($"/api/grants/calls/{callId}/evaluation/complete", null, Ct), HttpStatusCode.OK);
        var team = applicants.Select(_ => grants.App.ClientFor(PlatformRoles.GrantsTeam)).ToList();

        var answers = await AtOnce.SendAsync(applicants.SelectMany((a, i) => new Func<Task<HttpResponseMessage>>[]
        {
            () => a.Client.PostAsync($"/api/grants/applications/{a.Id}/withdraw", null, Ct),
            () => team[i].PostAsJsonAsync($"/api/grants/calls/{callId}/awards", new { applicationId = a.Id }, Ct),
        }).ToArray());

        AtOnce.AssertLosersRefused(answers, "concurrent-change", "invalid-transition");
        var stored = await grants.StoredAsync(db => db.Applications.AsNoTracking().Where(a => a.CallId == callId).ToListAsync(Ct));
        var awards = await grants.StoredAsync(db => db.Awards.AsNoTracking().Where(a => a.CallId == callId).ToListAsync(Ct));
        var call = await grants.StoredAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, Ct));
        for (var i = 0; i < applications; i++)
        {
            var (withdrawn, awarded) = (answers[2 * i].Status == HttpStatusCode.OK, answers[2 * i + 1].Status == HttpStatusCode.Created);
            Assert.True(withdrawn ^ awarded, $"application {i}: withdrawn {withdrawn}, awarded {awarded}; exactly one may win");
            var application = stored.Single(a => a.Id == applicants[i].Id);
            Assert.Equal(awarded ? ApplicationStatus.Awarded : ApplicationStatus.Withdrawn, application.Status);
            Assert.Equal(awarded ? 1 : 0, awards.Count(a => a.ApplicationId == application.Id));
            Assert.Equal(awarded ? 1 : 0, await grants.OutboxCountAsync("GrantAwarded", application.Id));
        }

        Assert.Equal(awards.Sum(a => a.Amount), call.AwardedAmount);
        applicants.ForEach(a => a.Client.Dispose());
        team.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task No_score_lands_after_the_evaluation_is_complete()
    {
        const int applications = 6;
        var callId = await grants.OpenCallAsync(CallBody(envelope: 500_000m));
        var organization = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-MARNEULI");
        for (var i = 0; i < applications; i++)
        {
            using var applicant = await grants.ApplicantForAsync(organization);
            await grants.ApplyAsync(applicant, callId);
        }

        // The first evaluator scores everything, so the evaluation may complete; the second scores while it does.
        var (first, firstSubject) = await grants.EvaluatorAsync();
        var secondCredentials = await grants.Tokens.NewClientAsync(PlatformRoles.Evaluator);
        var secondToken = (await grants.Tokens.ClientCredentialsAsync(secondCredentials)).AccessToken;
        var secondSubject = secondCredentials.ClientId;
        await grants.CloseAndAssignAsync(callId, firstSubject, secondSubject);
        await grants.ScoreAllAsync(first, callId, _ => (7, 7, 3));
        using var second = grants.App.ClientWithToken(secondToken);
        var page = await ReadJsonAsync(await second.GetAsync($"/api/grants/evaluations?callId={callId}&pageSize=100", Ct), HttpStatusCode.OK);
        var assignments = page.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        foreach (var id in assignments)
        {
            await ReadJsonAsync(await second.PostAsJsonAsync($"/api/grants/evaluations/{id}/declaration", new { conflictOfInterest = false }, Ct), HttpStatusCode.OK);
        }

        var secondClients = assignments.Select(_ => grants.App.ClientWithToken(secondToken)).ToList();
        var answers = await AtOnce.SendAsync(
            [
                () => grants.Team.PostAsync($"/api/grants/calls/{callId}/evaluation/complete", null, Ct),
                .. assignments.Select((id, i) => (Func<Task<HttpResponseMessage>>)(() => secondClients[i].PutAsJsonAsync($"/api/grants/evaluations/{id}/scores", Scores(9, 9, 5), Ct))),
            ]);

        Assert.Equal(HttpStatusCode.OK, answers[0].Status);
        AtOnce.AssertLosersRefused(answers.Skip(1), "call-not-in-evaluation", "concurrent-change");
        var call = await grants.StoredAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, Ct));
        var scored = await grants.StoredAsync(db => db.EvaluatorAssignments.AsNoTracking().Where(a => a.CallId == callId && a.Evaluator == secondSubject && a.ScoredAt != null).ToListAsync(Ct));
        Assert.Equal(answers.Skip(1).Count(a => a.Status == HttpStatusCode.OK), scored.Count);
        Assert.All(scored, a => Assert.True(a.ScoredAt <= call.UpdatedAt, $"a score at {a.ScoredAt:O} landed after the evaluation completed at {call.UpdatedAt:O}"));
        secondClients.ForEach(c => c.Dispose());
    }
}
