using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Capacity.Data;
using Platform.Grants.Data;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Capacity;

/// <summary>Capacity publishes a validated assessment and its correction; Grants keeps one completed assessment, the newest revision.</summary>
public sealed class AssessmentEventsTests(PlatformServers servers) : IAsyncLifetime
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(30);
    private ServiceApp<CapacityDbContext>? _capacity;
    private ServiceApp<GrantsDbContext>? _grants;
    private HttpClient _team = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // Grants first: its queue must be bound before Capacity publishes.
        _grants = new ServiceApp<GrantsDbContext>(servers, "grants-db", await servers.CreateDatabaseAsync("grants_assessments"));
        await _grants.StartAsync();
        _capacity = new ServiceApp<CapacityDbContext>(servers, "capacity-db", await servers.CreateDatabaseAsync("capacity_assessment_events"));
        await _capacity.StartAsync();
        _team = _capacity.ClientFor(PlatformRoles.CapacityTeam);
    }

    public async ValueTask DisposeAsync()
    {
        _team?.Dispose();
        foreach (var app in new IAsyncDisposable?[] { _capacity, _grants })
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    private async Task<List<(int Revision, decimal Overall)>> InGrantsAsync(Guid organizationId)
    {
        await using var scope = _grants!.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsDbContext>();
        return (await db.CompletedAssessments.AsNoTracking().Where(a => a.OrganizationId == organizationId).ToListAsync(Ct))
            .Select(a => (a.Revision, a.Overall)).ToList();
    }

    [Fact]
    public async Task A_validated_assessment_reaches_Grants_and_its_correction_replaces_it_there()
    {
        var organization = (await ReadJsonAsync(await _team.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"Akhaltsikhe CSO {Guid.NewGuid():N}" }, type = "Cso", municipality = "SJ-AKHALTSIKHE" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var facilitator = (await ReadJsonAsync(await _team.PostAsJsonAsync("/api/capacity/participants", CapacityDevelopmentFixture.ParticipantBody(), Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var id = (await ReadJsonAsync(await _team.PostAsJsonAsync("/api/capacity/assessments",
            new { organizationId = organization, instrument = "oca-cso", kind = "Baseline", facilitatorIds = new[] { facilitator } }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await ReadJsonAsync(await _team.PutAsJsonAsync($"/api/capacity/assessments/{id}/scores", CapacityDevelopmentFixture.Scores(2), Ct), HttpStatusCode.OK);
        await ReadJsonAsync(await _team.PostAsync($"/api/capacity/assessments/{id}/submit", null, Ct), HttpStatusCode.OK);
        await ReadJsonAsync(await _team.PostAsync($"/api/capacity/assessments/{id}/validate", null, Ct), HttpStatusCode.OK);

        var first = await Eventually.ReturnsAsync(() => InGrantsAsync(organization), a => a.Count > 0, Propagation, "Grants to learn of the assessment");
        Assert.Equal([(1, 2m)], first);

        await ReadJsonAsync(await _team.PostAsJsonAsync($"/api/capacity/assessments/{id}/corrections", new { reason = "Scores were entered one level too low." }, Ct), HttpStatusCode.OK);
        await ReadJsonAsync(await _team.PutAsJsonAsync($"/api/capacity/assessments/{id}/scores", CapacityDevelopmentFixture.Scores(3), Ct), HttpStatusCode.OK);
        await ReadJsonAsync(await _team.PostAsync($"/api/capacity/assessments/{id}/submit", null, Ct), HttpStatusCode.OK);
        await ReadJsonAsync(await _team.PostAsync($"/api/capacity/assessments/{id}/validate", null, Ct), HttpStatusCode.OK);

        var revised = await Eventually.ReturnsAsync(() => InGrantsAsync(organization), a => a.Any(x => x.Revision == 2), Propagation, "Grants to take the correction");
        Assert.Equal([(2, 3m)], revised);
    }
}
