using System.Net;
using System.Text.Json;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Capacity;

/// <summary>Every command that changes the registry leaves who, from which client and under which correlation id.</summary>
public sealed class AuditTrailTests(CapacityFixture capacity) : IClassFixture<CapacityFixture>
{
    private const string Organizations = "/api/capacity/organizations";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Each_command_is_recorded_with_its_caller_client_and_correlation_id_for_the_programme_admin_only()
    {
        var tokens = capacity.App.Identity.Tokens;
        var team = await tokens.ClientForRoleAsync(PlatformRoles.CapacityTeam);
        var adminSubject = Jwts.Payload(await tokens.AccessTokenAsync(PlatformRoles.ProgrammeAdmin))["sub"]!.GetValue<string>();
        using var teamClient = capacity.App.ClientFor(PlatformRoles.CapacityTeam);
        using var monitor = capacity.App.ClientFor(PlatformRoles.Monitor);
        using var admin = capacity.App.ClientFor(PlatformRoles.ProgrammeAdmin);
        var registered = $"it-register-{Guid.NewGuid():N}";
        var renamed = $"it-rename-{Guid.NewGuid():N}";
        var refused = $"it-refused-{Guid.NewGuid():N}";
        var moved = $"it-move-{Guid.NewGuid():N}";

        var created = await teamClient.SendAsync(Command(HttpMethod.Post, Organizations, registered,
            """{"name":{"en":"Dmanisi Women's Council"},"type":"Cso","municipality":"KK-DMANISI"}"""), Ct);
        var id = (await ReadJsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.Equal(registered, Assert.Single(created.Headers.GetValues("X-Correlation-Id")));
        await ReadJsonAsync(await teamClient.SendAsync(Command(HttpMethod.Put, $"{Organizations}/{id}", renamed,
            """{"name":{"en":"Dmanisi Women's Council for Civic Action"},"type":"Cso","municipality":"KK-DMANISI"}"""), Ct), HttpStatusCode.OK);
        // A refused command changes nothing, so it leaves nothing in the trail.
        await AssertProblemAsync(await monitor.SendAsync(Command(HttpMethod.Put, $"{Organizations}/{id}", refused,
            """{"name":{"en":"Hijacked"},"type":"Cso","municipality":"KK-DMANISI"}"""), Ct), HttpStatusCode.Forbidden, null);
        // A person (the admin, signed in through the web client) is recorded by user id, with the web client.
        await ReadJsonAsync(await admin.SendAsync(Command(HttpMethod.Put, $"{Organizations}/{id}", moved,
            """{"name":{"en":"Dmanisi Women's Council for Civic Action"},"type":"Cso","municipality":"KK-BOLNISI"}"""), Ct), HttpStatusCode.OK);

        var trail = (await ReadJsonAsync(await admin.GetAsync($"/api/capacity/audit/{id}", Ct), HttpStatusCode.OK)).EnumerateArray().ToList();

        Assert.Equal(["Added", "Modified", "Modified"], trail.Select(e => e.GetProperty("action").GetString()));
        Assert.All(trail, e =>
        {
            Assert.Equal("Organization", e.GetProperty("recordType").GetString());
            Assert.Equal(id.ToString(), e.GetProperty("recordId").GetString());
        });
        AssertEntry(trail[0], actor: team.ClientId, clientId: team.ClientId, registered);
        Assert.Empty(trail[0].GetProperty("changedFields").EnumerateArray());
        AssertEntry(trail[1], actor: team.ClientId, clientId: team.ClientId, renamed);
        Assert.Contains("Name", Fields(trail[1]));
        Assert.DoesNotContain("Municipality", Fields(trail[1]));
        AssertEntry(trail[2], actor: adminSubject, clientId: PlatformTokens.WebClientId, moved);
        Assert.Contains("Municipality", Fields(trail[2]));
        Assert.DoesNotContain("Name", Fields(trail[2]));
        var times = trail.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).ToList();
        Assert.Equal(times.Order(), times);
        // The trail names fields, never their values.
        Assert.DoesNotContain("Dmanisi", string.Join(" ", trail.Select(e => e.GetRawText())), StringComparison.Ordinal);

        // Only the programme admin reads trails: not the team that made the changes, nor the monitor, nor anyone without a token.
        await AssertProblemAsync(await teamClient.GetAsync($"/api/capacity/audit/{id}", Ct), HttpStatusCode.Forbidden, null);
        await AssertProblemAsync(await monitor.GetAsync($"/api/capacity/audit/{id}", Ct), HttpStatusCode.Forbidden, null);
        using var anonymous = capacity.App.ClientFor(null);
        await AssertProblemAsync(await anonymous.GetAsync($"/api/capacity/audit/{id}", Ct), HttpStatusCode.Unauthorized, null);
    }

    private static HttpRequestMessage Command(HttpMethod method, string path, string correlationId, string body) =>
        new(method, path) { Content = Json(body), Headers = { { "X-Correlation-Id", correlationId } } };

    private static List<string?> Fields(JsonElement entry) => entry.GetProperty("changedFields").EnumerateArray().Select(f => f.GetString()).ToList();

    private static void AssertEntry(JsonElement entry, string actor, string clientId, string correlationId)
    {
        Assert.Equal(actor, entry.GetProperty("actor").GetString());
        Assert.Equal(clientId, entry.GetProperty("clientId").GetString());
        Assert.Equal(correlationId, entry.GetProperty("correlationId").GetString());
    }
}
