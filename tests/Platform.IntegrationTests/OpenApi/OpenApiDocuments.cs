using System.Text.Json.Nodes;
using Platform.IntegrationTests.Infrastructure;

namespace Platform.IntegrationTests.OpenApi;

/// <summary>
/// Every platform service run as the AppHost runs it (its own process, its own database) and the OpenAPI document it
/// serves at <c>/api/{service}/openapi/v1.json</c>, the path the gateway routes to it unchanged. The token server is
/// the run's own (in memory), which the others trust.
/// </summary>
public sealed class OpenApiDocuments(PlatformServers servers) : IAsyncLifetime
{
    public static readonly TheoryData<string> Services = ["capacity", "grants", "youth", "partnerships", "media", "identity"];

    private readonly List<ServiceProcess> _processes = [];
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

        foreach (var service in Services.Select(s => (string)s.Data).Where(s => s != "identity"))
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

        await Task.WhenAll(_processes.Select(p => p.StartAsync()));
        foreach (var process in _processes)
        {
            using var http = new HttpClient { BaseAddress = process.BaseAddress };
            var service = process.Name.ToLowerInvariant();
            _documents[service] = await DocumentAsync(http, service);
        }
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
