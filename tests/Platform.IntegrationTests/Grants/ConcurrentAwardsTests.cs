using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Capacity;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Grants;

/// <summary>The envelope is never over-committed, also when the grants team makes many awards at once.</summary>
[Collection(GrantsCollection.Name)]
public sealed class ConcurrentAwardsTests(GrantsFixture grants)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Many_awards_at_once_never_sum_to_more_than_the_envelope()
    {
        const int applicationsCount = 16;
        const decimal envelope = 50_000m;
        const decimal requested = 7_000m; // seven fit (49,000), the other nine must be refused
        var callId = await grants.OpenCallAsync(CallBody(envelope: envelope, minimumAward: 1_000m));
        var organization = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-MARNEULI");
        var applicationIds = new List<Guid>();
        for (var i = 0; i < applicationsCount; i++)
        {
            // One organisation may submit several projects; each is its own application.
            using var applicant = await grants.ApplicantForAsync(organization);
            applicationIds.Add((await grants.ApplyAsync(applicant, callId, requested: requested, coFunding: 1_000m)).GetProperty("id").GetGuid());
        }

        var (evaluator, subject) = await grants.EvaluatorAsync();
        await grants.CloseAndAssignAsync(callId, subject);
        await grants.ScoreAllAsync(evaluator, callId, _ => (7, 7, 3));
        await ReadJsonAsync(await grants.Team.PostAsync($"/api/grants/calls/{callId}/evaluation/complete", null, Ct), HttpStatusCode.OK);

        // Every award at once, each on its own connection, released together.
        using var start = new SemaphoreSlim(0);
        var clients = Enumerable.Range(0, applicationsCount).Select(_ => grants.App.ClientFor(Platform.ServiceDefaults.Security.PlatformRoles.GrantsTeam)).ToList();
        var attempts = applicationIds.Select(async (id, i) =>
        {
            await start.WaitAsync(Ct);
            return await clients[i].PostAsJsonAsync($"/api/grants/calls/{callId}/awards", new { applicationId = id }, Ct);
        }).ToList();
        start.Release(applicationsCount);
        var responses = await Task.WhenAll(attempts);

        var created = responses.Count(r => r.StatusCode == HttpStatusCode.Created);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(7, created);
        Assert.Equal(applicationsCount - 7, refused.Count);
        foreach (var response in refused)
        {
            var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
            Assert.Equal("envelope-exceeded", problem.GetProperty("code").GetString());
        }

        var awards = await grants.StoredAsync(db => db.Awards.AsNoTracking().Where(a => a.CallId == callId).ToListAsync(Ct));
        var call = await grants.StoredAsync(db => db.Calls.AsNoTracking().SingleAsync(c => c.Id == callId, Ct));
        Assert.Equal(7, awards.Count);
        Assert.True(awards.Sum(a => a.Amount) <= envelope);
        Assert.Equal(awards.Sum(a => a.Amount), call.AwardedAmount);
        Assert.Equal(7, await grants.StoredAsync(db => db.Applications.CountAsync(a => a.CallId == callId && a.Status == Platform.Grants.Applications.ApplicationStatus.Awarded, Ct)));
        foreach (var client in clients)
        {
            client.Dispose();
        }
    }
}
