using System.Net.Http.Headers;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Capacity;

/// <summary>
/// A real service (its own Program) in memory, against the shared PostgreSQL, RabbitMQ and Redis, on its own database,
/// trusting the run's token server. <typeparamref name="TEntryPoint"/> is any type of the service's assembly.
/// </summary>
public sealed class ServiceApp<TEntryPoint>(PlatformServers servers, string databaseConnectionName, string databaseConnectionString)
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    private readonly string _instance = Guid.NewGuid().ToString("N")[..8];
    private PlatformIdentity? _identity;

    public string DatabaseConnectionString => databaseConnectionString;

    public PlatformIdentity Identity => _identity ?? throw new InvalidOperationException("Start the service first.");

    /// <summary>Starts the service (migrations applied, consumers' queues bound).</summary>
    public async Task StartAsync()
    {
        // Before taking the start gate: the first caller starts the token server, which takes the gate too.
        _identity = await servers.IdentityAsync();
        await HostStartGate.RunAsync(async () =>
        {
            _ = Server;
            await Eventually.HoldsAsync(
                () => Task.FromResult(Services.GetRequiredService<IBusControl>().CheckHealth().Status == BusHealthStatus.Healthy),
                TimeSpan.FromSeconds(60), $"the bus of {typeof(TEntryPoint).Assembly.GetName().Name} to be healthy");
            return true;
        });
    }

    /// <summary>
    /// A client that sends an access token of <paramref name="role"/> (see <see cref="PlatformTokens.AccessTokenAsync"/>)
    /// with every request that has no Authorization header of its own; <c>null</c>: no token at all.
    /// </summary>
    public HttpClient ClientFor(string? role) =>
        role is null ? CreateDefaultClient() : CreateDefaultClient(new BearerTokenHandler(() => Identity.Tokens.AccessTokenAsync(role)));

    /// <summary>A client that sends this token (well-formed or not) with every request.</summary>
    public HttpClient ClientWithToken(string token) => CreateDefaultClient(new BearerTokenHandler(() => Task.FromResult(token)));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var identity = Identity;
        builder.UseSetting($"ConnectionStrings:{databaseConnectionName}", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", servers.RabbitMqUri);
        // Queues of its own: two instances of a service in one run would otherwise take each other's events.
        builder.UseSetting("Messaging:QueuePrefix", $"{databaseConnectionName.Replace("-db", "")}-{_instance}");
        builder.UseSetting("ConnectionStrings:cache", servers.RedisConnectionString);
        builder.UseSetting("Identity:Issuer", identity.App.Issuer.AbsoluteUri);
        builder.UseSetting("Identity:MetadataAddress", identity.App.MetadataAddress.AbsoluteUri);
        // Added last, so it wins over the service's appsettings.json.
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        }));
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(10);
        }));
        // The discovery document and the keys come from the token server's TestServer, whatever host they name.
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(AuthenticationExtensions.MetadataClientName).ConfigurePrimaryHttpMessageHandler(() => identity.App.Server.CreateHandler());
            services.AddHttpClient(AuthenticationExtensions.RevocationClientName).ConfigurePrimaryHttpMessageHandler(() => identity.App.Server.CreateHandler());
        });
    }

    private sealed class BearerTokenHandler(Func<Task<string>> token) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization ??= new AuthenticationHeaderValue("Bearer", await token());
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
