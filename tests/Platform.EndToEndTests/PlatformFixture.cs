using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: AssemblyFixture(typeof(Platform.EndToEndTests.PlatformFixture))]

namespace Platform.EndToEndTests;

/// <summary>
/// The whole platform, started once for the run through the real AppHost in local mode (servers on loopback,
/// data in a throwaway directory), and driven through the gateway as an API consumer would.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    // On a machine shared with other work, starting every server and service can take longer: E2E_START_TIMEOUT_SECONDS.
    private static readonly TimeSpan StartTimeout = int.TryParse(Environment.GetEnvironmentVariable("E2E_START_TIMEOUT_SECONDS"), out var seconds) && seconds > 0
        ? TimeSpan.FromSeconds(seconds)
        : TimeSpan.FromMinutes(4);
    /// <summary>
    /// E2E_REPLICAS=N runs every service and the gateway in N processes (<c>--Replicas:{name}=N</c>), behind the
    /// orchestrator's proxies: the suite's second run in <c>./platform.sh test</c>. 1 unless set.
    /// </summary>
    public static readonly int Replicas = int.TryParse(Environment.GetEnvironmentVariable("E2E_REPLICAS"), out var replicas) && replicas > 1 ? replicas : 1;

    private readonly string _dataDirectory = CreateDataDirectory();
    private DistributedApplication? _app;

    private const string AdminEmail = "admin@platform.local";
    private readonly string _adminPassword = $"E2e-{Guid.NewGuid():N}";

    /// <summary>The gateway as an anonymous caller.</summary>
    public HttpClient Gateway { get; private set; } = null!;

    public PlatformTokens Tokens { get; private set; } = null!;

    /// <summary>The running AppHost: its resources' console logs, for the clean-start test.</summary>
    public DistributedApplication App => _app ?? throw new InvalidOperationException("The platform has not started.");

    /// <summary>The programme admin's password, for tools that sign in themselves (tools/Platform.Demo).</summary>
    public string AdminPassword => _adminPassword;

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        string[] arguments =
        [
            "--Infra:Mode=local", $"--Infra:DataDir={_dataDirectory}", "--Gateway:Port=0",
            // Every test signs in and mints its clients' tokens from this one address: the sign-in budget of a crowd.
            "--Gateway:SignInRateLimitPermits=2000",
            $"--Identity:Admin:Email={AdminEmail}", $"--Parameters:identity-admin-password={_adminPassword}",
            // Several replicas stand for a cluster: the queues are quorum queues then, as on a cluster (a fresh broker here).
            .. Replicas > 1 ? Services.All.Append("gateway").Select(name => $"--Replicas:{name}={Replicas}").Append("--Messaging:QuorumQueues=true") : [],
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Platform_AppHost>(
            arguments,
            (options, _) => options.DisableDashboard = true,
            timeout.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));

        _app = await builder.BuildAsync(timeout.Token);
        await _app.StartAsync(timeout.Token);
        await WaitUntilEveryReplicaIsHealthyAsync(Services.All.Append("gateway").ToArray(), timeout.Token);

        Gateway = _app.CreateHttpClient("gateway");
        Gateway.Timeout = TimeSpan.FromSeconds(30);
        Tokens = new PlatformTokens(Gateway.BaseAddress!, AdminEmail, _adminPassword);
    }

    /// <summary>Every process of each resource (its replicas are resources of their own id) reports healthy.</summary>
    private async Task WaitUntilEveryReplicaIsHealthyAsync(string[] resources, CancellationToken cancellationToken)
    {
        var healthy = resources.ToDictionary(name => name, _ => new HashSet<string>());
        await foreach (var change in _app!.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (healthy.TryGetValue(change.Resource.Name, out var instances))
            {
                if (change.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy)
                {
                    instances.Add(change.ResourceId);
                }
                else
                {
                    instances.Remove(change.ResourceId);
                }
            }

            if (healthy.Values.All(instances => instances.Count >= Replicas))
            {
                return;
            }
        }
    }

    /// <summary>The gateway as a caller holding a token of <paramref name="role"/>.</summary>
    public async Task<HttpClient> GatewayAsAsync(string role, Guid? organizationId = null)
    {
        var client = _app!.CreateHttpClient("gateway");
        client.DefaultRequestHeaders.Authorization = new("Bearer", await Tokens.ForRoleAsync(role, organizationId));
        return client;
    }

    /// <summary>The gateway as a caller holding <paramref name="token"/>.</summary>
    public HttpClient GatewayWithToken(string token)
    {
        var client = _app!.CreateHttpClient("gateway");
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    /// <summary>A throwaway data directory the postgres user can enter (temp directories are created 0700).</summary>
    private static string CreateDataDirectory()
    {
        var directory = Directory.CreateTempSubdirectory("platform-e2e-");
        if (!OperatingSystem.IsWindows())
        {
            directory.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        }

        return directory.FullName;
    }

    public HttpClient ServiceDirectly(string service) => _app!.CreateHttpClient(service);

    public async ValueTask DisposeAsync()
    {
        Gateway?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A server may still be flushing its last file; the temp directory is cleaned by the system later.
        }
    }
}

public static class Services
{
    public static readonly string[] All = ["identity", "capacity", "grants", "youth", "partnerships", "media"];

    /// <summary>The services that keep their own projection of Capacity's organisation registry.</summary>
    public static readonly string[] WithOrganizationProjection = ["grants", "youth", "partnerships", "media"];
}
