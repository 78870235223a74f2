using System.Net;
using System.Text.Json;
using Platform.Capacity.Data;
using Platform.Grants.Data;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Capacity;

/// <summary>Capacity and Grants, each on its own database, over the same broker.</summary>
public sealed class OrganizationEventsTests(PlatformServers servers) : IAsyncLifetime
{
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(30);
    private ServiceApp<CapacityDbContext>? _capacity;
    private ServiceApp<GrantsDbContext>? _grants;
    private HttpClient _capacityClient = null!;
    private HttpClient _grantsClient = null!;

    public async ValueTask InitializeAsync()
    {
        // Grants first: its queue must be bound before Capacity publishes.
        _grants = new ServiceApp<GrantsDbContext>(servers, "grants-db", await servers.CreateDatabaseAsync("grants"));
        await _grants.StartAsync();
        _grantsClient = _grants.ClientFor(PlatformRoles.GrantsTeam);
        _capacity = new ServiceApp<CapacityDbContext>(servers, "capacity-db", await servers.CreateDatabaseAsync("capacity_events"));
        await _capacity.StartAsync();
        _capacityClient = _capacity.ClientFor(PlatformRoles.CapacityTeam);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new IAsyncDisposable?[] { _capacity, _grants })
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_registered_and_then_renamed_organisation_reaches_Grants()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await OrganizationsApiTests.ReadJsonAsync(
            await _capacityClient.PostAsync("/api/capacity/organizations",
                OrganizationsApiTests.Json("""{"name":{"en":"Gardabani Women's Network","ka":"გარდაბნის ქალთა ქსელი"},"type":"Cso","municipality":"KK-GARDABANI"}"""), ct),
            HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();

        var projected = await Eventually.ReturnsAsync(() => GrantsCopyAsync(id), o => o is not null, Propagation, "Grants to learn of the organisation");
        Assert.Equal("Gardabani Women's Network", projected!.Value.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal("გარდაბნის ქალთა ქსელი", projected.Value.GetProperty("name").GetProperty("ka").GetString());
        Assert.Equal("Cso", projected.Value.GetProperty("type").GetString());
        Assert.Equal("KK-GARDABANI", projected.Value.GetProperty("municipality").GetString());
        Assert.Equal(1, projected.Value.GetProperty("version").GetInt32());

        await OrganizationsApiTests.ReadJsonAsync(
            await _capacityClient.PutAsync($"/api/capacity/organizations/{id}",
                OrganizationsApiTests.Json("""{"name":{"en":"Gardabani Women's Rights Network"},"type":"Cso","municipality":"KK-GARDABANI"}"""), ct),
            HttpStatusCode.OK);

        var renamed = await Eventually.ReturnsAsync(
            () => GrantsCopyAsync(id), o => o?.GetProperty("version").GetInt32() == 2, Propagation, "Grants to learn of the new name");
        Assert.Equal("Gardabani Women's Rights Network", renamed!.Value.GetProperty("name").GetProperty("en").GetString());
        Assert.False(renamed.Value.GetProperty("name").TryGetProperty("ka", out _));
    }

    private async Task<JsonElement?> GrantsCopyAsync(Guid id)
    {
        var response = await _grantsClient.GetAsync($"/api/grants/organizations/{id}", TestContext.Current.CancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        return await OrganizationsApiTests.ReadJsonAsync(response, HttpStatusCode.OK);
    }
}
