using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Server;
using Platform.Identity.Data;

namespace Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The real token server (services/Identity, its own Program) in memory, on a database of the shared PostgreSQL.
/// It is reached only through its TestServer, under any host name: the issuer names a host that does not exist.
/// </summary>
public sealed class IdentityApp(PlatformServers servers, string databaseConnectionString, IdentityAppOptions options)
    : WebApplicationFactory<IdentityDbContext>
{
    public IdentityAppOptions Options => options;

    public Uri Issuer => new(options.Issuer);

    /// <summary>Where the services fetch the discovery document (and from it the signing keys).</summary>
    public Uri MetadataAddress => new(Issuer, ".well-known/openid-configuration");

    public string DatabaseConnectionString => databaseConnectionString;

    /// <summary>Starts the server: migrations applied, keys loaded or created, the first admin and the web client seeded.</summary>
    public Task StartAsync() => HostStartGate.RunAsync(() => Task.FromResult(Server));

    /// <summary>A client like a browser or curl: keeps cookies, does not follow redirects, talks to the issuer's host.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(Issuer.GetLeftPart(UriPartial.Authority)),
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:identity-db", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", servers.RabbitMqUri);
        builder.UseSetting("ConnectionStrings:cache", servers.RedisConnectionString);
        // Settings, not ConfigureAppConfiguration: the token server reads its section while Program builds the app,
        // before configuration sources added here would be applied.
        builder.UseSetting("Identity:Issuer", options.Issuer);
        builder.UseSetting("Identity:Admin:Email", options.AdminEmail);
        builder.UseSetting("Identity:Admin:Password", options.AdminPassword);
        // Added last, so it wins over the service's appsettings.json.
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            // The revocation feed follows the database's notifications; its poll for when nothing is notified (1 s)
            // would hide a missing notification here.
            ["Identity:RevocationFeedInterval"] = "00:10:00",
        }));
        if (options.Registry is { } registry)
        {
            // Capacity's registry, reached through its TestServer under a host name that does not exist.
            builder.UseSetting("Identity:Registry:Address", "http://capacity.test/");
            builder.ConfigureTestServices(services => services.AddHttpClient(Platform.Identity.Registry.OrganizationRegistry.ClientName)
                .ConfigurePrimaryHttpMessageHandler(registry));
        }

        if (options.ClockOffset != TimeSpan.Zero)
        {
            // Only the token server's clock: its tokens are dated (iat, exp) as if issued that long ago.
            builder.ConfigureTestServices(services => services.Configure<OpenIddictServerOptions>(server =>
                server.TimeProvider = new OffsetTimeProvider(options.ClockOffset)));
        }
    }

    private sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + offset;
    }
}

/// <param name="Issuer">The public URL tokens name as their issuer.</param>
/// <param name="AdminEmail">The first programme-admin, created on the first start on an empty database.</param>
/// <param name="AdminPassword">Their password.</param>
/// <param name="ClockOffset">How far the token server's clock is from the real one (negative: in the past).</param>
/// <param name="Registry">Where the token server checks organisations (Capacity's handler); none: not checked.</param>
public sealed record IdentityAppOptions(string Issuer, string AdminEmail, string AdminPassword, TimeSpan ClockOffset = default, Func<HttpMessageHandler>? Registry = null);
