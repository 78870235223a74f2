using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Faults;

/// <summary>
/// Redis is only a cache: with no Redis to reach, commands (keyed ones included) keep working and a repeated key is
/// still answered once. Capacity runs as its own process pointed at a port where no Redis listens, as when the
/// server is stopped; the shared Redis of the run is left alone.
/// </summary>
public sealed class RedisOutageTests(PlatformServers servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Keyed_commands_work_and_replay_while_Redis_is_down()
    {
        var identity = await servers.IdentityAsync();
        await using var relay = await IdentityRelay.StartAsync(identity);
        await using var capacity = ServiceProcess.For("Capacity", new Dictionary<string, string>
        {
            ["ConnectionStrings:capacity-db"] = await servers.CreateDatabaseAsync("redis_down_capacity"),
            ["ConnectionStrings:messaging"] = servers.RabbitMqUri,
            ["ConnectionStrings:cache"] = $"127.0.0.1:{ClosedPort()},abortConnect=false,connectTimeout=500",
            ["Identity:Issuer"] = PlatformIdentity.Issuer,
            ["Identity:MetadataAddress"] = relay.MetadataAddress.AbsoluteUri,
        });
        await capacity.StartAsync();
        using var http = new HttpClient { BaseAddress = capacity.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await identity.Tokens.AccessTokenAsync(PlatformRoles.CapacityTeam));
        var key = Guid.NewGuid().ToString();
        var body = new { name = new { en = $"Tsalka Women's Council {Guid.NewGuid():N}" }, type = "Cso", municipality = "KK-TSALKA" };

        var answers = new List<(HttpStatusCode Status, Guid Id, bool Replayed)>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/capacity/organizations") { Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", key } } };
            using var response = await http.SendAsync(request, Ct);
            var json = await ReadJsonAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"a keyed command with Redis down: {(int)response.StatusCode} {json}");
            answers.Add((response.StatusCode, json.GetProperty("id").GetGuid(), response.Headers.Contains("Idempotent-Replayed")));
        }

        Assert.Equal(answers[0].Id, answers[1].Id);
        Assert.Equal([false, true], answers.Select(a => a.Replayed));
    }

    /// <summary>
    /// Media with its catalogue cache (Redis) unreachable, given the connection string as the AppHost gives it: the
    /// public catalogue still answers, uncached, and promptly; a keyed command that evicts the cache (locking a
    /// quarter) commits and answers once, and its repeat is replayed. Never a 500.
    /// </summary>
    [Fact]
    public async Task The_catalogue_serves_uncached_and_cache_evicting_commands_work_while_Redis_is_down()
    {
        var identity = await servers.IdentityAsync();
        await using var relay = await IdentityRelay.StartAsync(identity);
        await using var media = ServiceProcess.For("Media", new Dictionary<string, string>
        {
            ["ConnectionStrings:media-db"] = await servers.CreateDatabaseAsync("redis_down_media"),
            ["ConnectionStrings:messaging"] = servers.RabbitMqUri,
            ["ConnectionStrings:cache"] = $"127.0.0.1:{ClosedPort()}",
            ["Messaging:QueuePrefix"] = $"media-redis-{Guid.NewGuid():N}"[..20],
            ["Identity:Issuer"] = PlatformIdentity.Issuer,
            ["Identity:MetadataAddress"] = relay.MetadataAddress.AbsoluteUri,
        });
        await media.StartAsync();
        using var anonymous = new HttpClient { BaseAddress = media.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        var paths = new[] { "/api/media/catalogue/stories", "/api/media/catalogue/results", "/catalogue", "/api/media/catalogue/stories" };
        for (var i = 0; i < paths.Length; i++)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            using var response = await anonymous.GetAsync(paths[i], Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {paths[i]} with Redis down: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            Assert.Null(response.Headers.Age); // not from a cache
            // The first request of a cold process is slow on a loaded machine anyway; after it, none waits for Redis
            // (before the fix each took about 17 s of connection attempts).
            Assert.True(i == 0 || clock.Elapsed < TimeSpan.FromSeconds(5), $"GET {paths[i]} took {clock.Elapsed.TotalSeconds:0.0} s with Redis down");
        }

        using var admin = new HttpClient { BaseAddress = media.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await identity.Tokens.AccessTokenAsync(PlatformRoles.ProgrammeAdmin));
        var key = Guid.NewGuid().ToString();
        var replayed = new List<bool>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/media/results/quarters/2025Q1/lock") { Headers = { { "Idempotency-Key", key } } };
            using var response = await admin.SendAsync(request, Ct);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"locking a quarter with Redis down: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
            replayed.Add(response.Headers.Contains("Idempotent-Replayed"));
        }

        Assert.Equal([false, true], replayed);
        var locks = await ReadJsonAsync(await admin.GetAsync("/api/media/results/quarters", Ct));
        Assert.Single(locks.EnumerateArray(), l => l.GetProperty("quarter").GetString() == "2025Q1");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: nothing listens there
    }
}
