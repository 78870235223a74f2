using System.Text.Json.Nodes;
using Platform.Capacity.Data;
using Platform.Grants.Data;
using Platform.IntegrationTests.Capacity;
using Platform.IntegrationTests.Infrastructure;
using Platform.Youth.Data;

namespace Platform.IntegrationTests.OpenApi;

/// <summary>
/// Every platform service, each on its own database, and the OpenAPI document it serves at
/// <c>/api/{service}/openapi/v1.json</c>, the path the gateway routes to it unchanged: the token server is the run's
/// own, Capacity, Grants and Youth run in memory (their Program), Partnerships and Media as their own processes
/// (this project does not reference them).
/// </summary>
public sealed class OpenApiDocuments(PlatformServers servers) : IAsyncLifetime
{
    public static readonly TheoryData<string> Services = ["capacity", "grants", "youth", "partnerships", "media", "identity"];

    private readonly List<ServiceProcess> _processes = [];
    private readonly List<IAsyncDisposable> _apps = [];
    private readonly Dictionary<string, JsonObject> _documents = [];
    private IdentityRelay? _relay;

    public JsonObject Of(string service) => _documents[service];

    public async ValueTask InitializeAsync()
    {
        var identity = await servers.IdentityAsync();
        _relay = await IdentityRelay.StartAsync(identity);
        using (var tokenServer = identity.App.CreateClient())
        {
            _documents["identity"] = await DocumentAsync(tokenServer, "identity");
        }

        await InMemoryAsync<CapacityDbContext>("capacity");
        await InMemoryAsync<GrantsDbContext>("grants");
        await InMemoryAsync<YouthDbContext>("youth");
        foreach (var service in new[] { "partnerships", "media" })
        {
            var settings = new Dictionary<string, string>
            {
                [$"ConnectionStrings:{service}-db"] = await servers.CreateDatabaseAsync($"openapi_{service}"),
                ["ConnectionStrings:messaging"] = servers.RabbitMqUri,
                ["ConnectionStrings:cache"] = servers.RedisConnectionString,
                ["Messaging:QueuePrefix"] = $"openapi-{service}-{Guid.NewGuid():N}"[..30],
                ["Identity:Issuer"] = PlatformIdentity.Issuer,
                ["Identity:MetadataAddress"] = _relay.MetadataAddress.AbsoluteUri,
            };
            _processes.Add(ServiceProcess.For(char.ToUpperInvariant(service[0]) + service[1..], settings));
        }

        // One after the other: on a loaded machine two starting together each take longer than their start timeout.
        foreach (var process in _processes)
        {
            await process.StartAsync();
        }

        foreach (var process in _processes)
        {
            using var http = new HttpClient { BaseAddress = process.BaseAddress };
            var service = process.Name.ToLowerInvariant();
            _documents[service] = await DocumentAsync(http, service);
        }
    }

    private async Task InMemoryAsync<TDbContext>(string service)
        where TDbContext : class
    {
        var app = new ServiceApp<TDbContext>(servers, $"{service}-db", await servers.CreateDatabaseAsync($"openapi_{service}"));
        _apps.Add(app);
        await app.StartAsync();
        using var http = app.CreateClient();
        _documents[service] = await DocumentAsync(http, service);
    }

    // No token: the documents are public, so the reference can load them before anyone signs in.
    private static async Task<JsonObject> DocumentAsync(HttpClient http, string service)
    {
        using var response = await http.GetAsync($"/api/{service}/openapi/v1.json");
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(body)!.AsObject()
            : throw new InvalidOperationException($"{service}: {(int)response.StatusCode} {body}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var app in _apps)
        {
            await app.DisposeAsync();
        }

        foreach (var process in _processes)
        {
            await process.DisposeAsync();
        }

        if (_relay is not null)
        {
            await _relay.DisposeAsync();
        }
    }
}
