using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.IntegrationTests.Infrastructure;

namespace Platform.IntegrationTests.Scale;

/// <summary>
/// The gateway's budgets through the real gateway on loopback and the run's Redis: the sign-in and token endpoints
/// have a small budget per client address that runs out long before the general one; X-Forwarded-For counts only
/// from a trusted proxy; gateway replicas share one budget; and without Redis the gateway still limits, never fails.
/// </summary>
public sealed class GatewayRateLimitTests(PlatformServers servers)
{
    private const int SignInPermits = 3;
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private const string Discovery = "/api/identity/.well-known/openid-configuration";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sign_in_budget_runs_out_before_the_general_one_and_is_answered_as_a_problem_with_retry_after()
    {
        await using var gateway = await StartGatewayAsync(Budgets());
        using var caller = gateway.NewCaller();

        for (var i = 0; i < SignInPermits; i++)
        {
            using var allowed = await TokenRequestAsync(caller);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await TokenRequestAsync(caller);
        await AssertTooManyRequestsAsync(refused);
        // The login form is behind the same budget.
        using var login = await caller.GetAsync("/api/identity/account/login", Ct);
        await AssertTooManyRequestsAsync(login);
        // The general budget is far from spent: the same caller still reads the discovery document.
        using var discovery = await caller.GetAsync(Discovery, Ct);
        Assert.Equal(HttpStatusCode.OK, discovery.StatusCode);
    }

    [Fact]
    public async Task A_forwarded_address_from_an_untrusted_peer_does_not_buy_a_new_budget()
    {
        await using var gateway = await StartGatewayAsync(Budgets());
        using var caller = gateway.NewCaller();
        for (var i = 0; i < SignInPermits; i++)
        {
            (await TokenRequestAsync(caller)).Dispose();
        }

        foreach (var spoofed in new[] { "198.51.100.7", "198.51.100.8, 203.0.113.9" })
        {
            using var response = await TokenRequestAsync(caller, forwardedFor: spoofed);
            await AssertTooManyRequestsAsync(response);
        }
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_two_forwarded_clients_have_budgets_of_their_own()
    {
        var settings = Budgets();
        settings["Gateway:TrustedProxies:0"] = "127.0.0.1";
        settings["Gateway:TrustedProxies:1"] = "::1";
        await using var gateway = await StartGatewayAsync(settings);
        using var proxy = gateway.NewCaller();

        for (var i = 0; i < SignInPermits; i++)
        {
            using var allowed = await TokenRequestAsync(proxy, forwardedFor: "198.51.100.10");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        await AssertTooManyRequestsAsync(await TokenRequestAsync(proxy, forwardedFor: "198.51.100.10"));
        using var other = await TokenRequestAsync(proxy, forwardedFor: "198.51.100.20");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
        // A client cannot pose as another behind the proxy: the proxy appends what it saw, and that is the address used.
        await AssertTooManyRequestsAsync(await TokenRequestAsync(proxy, forwardedFor: "192.0.2.1, 198.51.100.10"));
    }

    [Fact]
    public async Task Two_gateway_replicas_share_one_budget_per_client()
    {
        var settings = Budgets(generalPermits: 4);
        await using var first = await StartGatewayAsync(settings);
        await using var second = await StartGatewayAsync(settings);
        using var toFirst = first.NewCaller();
        using var toSecond = second.NewCaller();

        foreach (var caller in new[] { toFirst, toSecond, toFirst, toSecond })
        {
            using var allowed = await caller.GetAsync(Discovery, Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        // Four spent over two replicas: the fifth is refused by either.
        await AssertTooManyRequestsAsync(await toFirst.GetAsync(Discovery, Ct));
        await AssertTooManyRequestsAsync(await toSecond.GetAsync(Discovery, Ct));
    }

    [Fact]
    public async Task Without_Redis_each_replica_still_limits_and_nothing_fails()
    {
        var settings = Budgets(generalPermits: 4);
        settings["ConnectionStrings:cache"] = $"127.0.0.1:{UnusedPort()}";
        await using var gateway = await StartGatewayAsync(settings);
        using var caller = gateway.NewCaller();

        for (var i = 0; i < 4; i++)
        {
            using var allowed = await caller.GetAsync(Discovery, Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        await AssertTooManyRequestsAsync(await caller.GetAsync(Discovery, Ct));
        // The sign-in budget too is counted locally.
        for (var i = 0; i < SignInPermits; i++)
        {
            using var allowed = await TokenRequestAsync(caller);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
            Assert.True((int)allowed.StatusCode < 500, $"{(int)allowed.StatusCode} without Redis");
        }

        await AssertTooManyRequestsAsync(await TokenRequestAsync(caller));
    }

    /// <summary>Budgets small enough to spend in a test, under a key prefix of the test's own in the shared Redis.</summary>
    private Dictionary<string, string?> Budgets(int generalPermits = 50) => new()
    {
        ["ConnectionStrings:cache"] = servers.RedisConnectionString,
        ["Gateway:RateLimitKeyPrefix"] = $"it-{Guid.NewGuid():N}",
        ["Gateway:RateLimitPermits"] = generalPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gateway:RateLimitWindow"] = Window.ToString(),
        ["Gateway:SignInRateLimitPermits"] = SignInPermits.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Gateway:SignInRateLimitWindow"] = Window.ToString(),
    };

    private async Task<GatewayApp> StartGatewayAsync(IReadOnlyDictionary<string, string?> settings) =>
        await GatewayApp.StartAsync(await servers.IdentityAsync(), settings);

    /// <summary>A client-credentials request with a secret that is wrong: what a guesser sends.</summary>
    private static Task<HttpResponseMessage> TokenRequestAsync(HttpClient caller, string? forwardedFor = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = "e2e-guess",
                ["client_secret"] = Guid.NewGuid().ToString("N"),
                ["scope"] = "platform-api",
            }),
        };
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return caller.SendAsync(request, Ct);
    }

    private static async Task AssertTooManyRequestsAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            // The budget was spent seconds into its window: a client must wait for the window's end, not one second
            // (Redis's counters report their wait in another form than the local ones; both must reach the header).
            var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, Window.TotalSeconds / 2, Window.TotalSeconds);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Equal(429, problem.GetProperty("status").GetInt32());
        }
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
