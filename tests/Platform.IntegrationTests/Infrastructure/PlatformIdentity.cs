using System.Security.Cryptography;

namespace Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The token server of the whole run (one instance, started on first use by <see cref="PlatformServers.IdentityAsync"/>)
/// and the tokens it issues. Services under test trust it: they fetch its discovery document and keys through its TestServer.
/// </summary>
public sealed class PlatformIdentity : IAsyncDisposable
{
    /// <summary>A fixed public URL, as the gateway's would be; no such host exists, only the TestServer answers.</summary>
    public const string Issuer = "http://identity.test/api/identity/";

    private PlatformIdentity(PlatformServers servers, IdentityApp app)
    {
        Servers = servers;
        App = app;
        Tokens = new PlatformTokens(app);
    }

    public IdentityApp App { get; }

    public PlatformTokens Tokens { get; }

    private PlatformServers Servers { get; }

    public static async Task<PlatformIdentity> StartAsync(PlatformServers servers)
    {
        var options = new IdentityAppOptions(
            Issuer,
            AdminEmail: "admin@platform.test",
            // 32 characters of 64 kinds: the server's rules ask for 12 characters of at least 4 kinds.
            AdminPassword: Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('/', '_').Replace('+', '-'));
        var app = new IdentityApp(servers, await servers.CreateDatabaseAsync("identity"), options);
        try
        {
            await app.StartAsync();
            return new PlatformIdentity(servers, app);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Another instance of the token server on the same database, hence with the same signing keys, admin and
    /// clients, but another issuer or clock: its tokens are signed by keys the services trust. Dispose it after use.
    /// </summary>
    public async Task<IdentityApp> StartVariantAsync(string? issuer = null, TimeSpan clockOffset = default, Func<HttpMessageHandler>? registry = null)
    {
        var app = new IdentityApp(Servers, App.DatabaseConnectionString, App.Options with { Issuer = issuer ?? Issuer, ClockOffset = clockOffset, Registry = registry });
        try
        {
            await app.StartAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
