using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.EndToEndTests;

/// <summary>The organisation registry end to end: through the gateway into Capacity, and by events into every other service.</summary>
public sealed class OrganizationRegistryTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_organisation_registered_through_the_gateway_appears_in_every_other_service()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gateway = await platform.GatewayAsAsync("capacity-team");
        var name = $"Tsalka Women's Union {Guid.NewGuid():N}";
        using var response = await gateway.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = name, ka = "წალკის ქალთა კავშირი" }, type = "Cso", municipality = "KK-TSALKA" }, ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        foreach (var service in Services.WithOrganizationProjection)
        {
            var replica = await Eventually.GetAsync(
                () => TryGetAsync(gateway, $"/api/{service}/organizations/{id}", ct),
                EventTimeout,
                $"organisation {id} in {service}");
            Assert.Equal(name, replica.GetProperty("name").GetProperty("en").GetString());
            Assert.Equal("KK-TSALKA", replica.GetProperty("municipality").GetString());
            Assert.Equal("Cso", replica.GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task An_update_in_the_registry_reaches_the_projections()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gateway = await platform.GatewayAsAsync("capacity-team");
        using var created = await gateway.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"Bolnisi City Hall {Guid.NewGuid():N}" }, type = "LocalSelfGovernment", municipality = "KK-BOLNISI" }, ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        var renamed = $"Bolnisi Municipality City Hall {Guid.NewGuid():N}";
        using var updated = await gateway.PutAsJsonAsync($"/api/capacity/organizations/{id}",
            new { name = new { en = renamed }, type = "LocalSelfGovernment", municipality = "KK-BOLNISI" }, ct);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var replica = await Eventually.GetAsync(
            async () => await TryGetAsync(gateway, $"/api/media/organizations/{id}", ct) is { } o && o.GetProperty("version").GetInt32() == 2 ? o : (JsonElement?)null,
            EventTimeout,
            $"version 2 of organisation {id} in media");
        Assert.Equal(renamed, replica.GetProperty("name").GetProperty("en").GetString());
    }

    [Fact]
    public async Task A_repeated_command_with_the_same_idempotency_key_registers_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gateway = await platform.GatewayAsAsync("capacity-team");
        var key = Guid.NewGuid().ToString();
        var name = $"Dmanisi Social Services {Guid.NewGuid():N}";
        var body = new { name = new { en = name }, type = "SocialServiceProvider", municipality = "KK-DMANISI" };

        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/capacity/organizations") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await gateway.SendAsync(request, ct);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid());
        }

        Assert.Equal(ids[0], ids[1]);
        var list = await gateway.GetFromJsonAsync<JsonElement>("/api/capacity/organizations?municipality=KK-DMANISI&type=SocialServiceProvider&pageSize=100", ct);
        Assert.Single(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("name").GetProperty("en").GetString() == name);
    }

    [Fact]
    public async Task Bad_input_through_the_gateway_is_a_problem_naming_the_field_with_the_correlation_id()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gateway = await platform.GatewayAsAsync("capacity-team");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/capacity/organizations")
        {
            Content = JsonContent.Create(new { name = new { en = "Somewhere" }, type = "Cso", municipality = "KK-TBILISI" }),
        };
        request.Headers.Add("X-Correlation-Id", "e2e-bad-input-1");
        using var response = await gateway.SendAsync(request, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("e2e-bad-input-1", response.Headers.GetValues("X-Correlation-Id").Single());
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("municipality", out _));
    }

    [Fact]
    public async Task Every_service_and_the_gateway_report_healthy()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(HttpStatusCode.OK, (await platform.Gateway.GetAsync("/health", ct)).StatusCode);
        foreach (var service in Services.All)
        {
            using var client = platform.ServiceDirectly(service);
            using var health = await client.GetAsync("/health", ct);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            var report = await health.Content.ReadFromJsonAsync<JsonElement>(ct);
            Assert.Equal("Healthy", report.GetProperty("status").GetString());
        }
    }

    private static async Task<JsonElement?> TryGetAsync(HttpClient gateway, string path, CancellationToken ct)
    {
        using var response = await gateway.GetAsync(path, ct);
        return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadFromJsonAsync<JsonElement>(ct) : null;
    }
}
