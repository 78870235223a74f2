using Microsoft.Extensions.DependencyInjection;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// Local mode: PostgreSQL, RabbitMQ and Redis from the Debian packages, each run in the foreground by its
/// script in infra/local (shared with the tests), on loopback, on free ports the orchestrator hands in.
/// The orchestrator stops the scripts when the AppHost stops, and each script stops its server.
/// </summary>
internal static class LocalServers
{
    private const string PostgresBinaries = "/usr/lib/postgresql";
    private const string RabbitMqServer = "/usr/lib/rabbitmq/bin/rabbitmq-server";

    /// <summary>The Debian packages whose server binaries are not installed.</summary>
    public static IReadOnlyList<string> MissingBinaries()
    {
        var missing = new List<string>();
        if (!Directory.Exists(PostgresBinaries)
            || !Directory.EnumerateDirectories(PostgresBinaries).Any(version => File.Exists(Path.Combine(version, "bin", "pg_ctl"))))
        {
            missing.Add("postgresql");
        }

        if (!File.Exists(RabbitMqServer))
        {
            missing.Add("rabbitmq-server");
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        if (!path.Split(Path.PathSeparator).Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, "redis-server"))))
        {
            missing.Add("redis-server");
        }

        return missing;
    }

    public static PlatformInfrastructure AddLocalServers(this IDistributedApplicationBuilder builder, IReadOnlyList<string> databases)
    {
        if (MissingBinaries() is { Count: > 0 } missing)
        {
            throw new DistributedApplicationException(
                $"Infra:Mode is 'local' but these server packages are not installed: {string.Join(", ", missing)}. "
                + "Run './platform.sh install' or 'apt-get install postgresql rabbitmq-server redis-server'.");
        }

        var repoRoot = FindRepoRoot(builder.AppHostDirectory);
        // Data outlives the run (a user's data must survive a restart); tests pass a throwaway Infra:DataDir.
        var dataDir = Path.GetFullPath(builder.Configuration["Infra:DataDir"] is { Length: > 0 } configured
            ? configured
            : ".data", repoRoot);

        var postgres = builder.AddServer("postgres", repoRoot, dataDir, ServerProbe.Postgres);
        var rabbitmq = builder.AddServer("rabbitmq", repoRoot, dataDir, ServerProbe.RabbitMq)
            // Erlang's distribution and port mapper ports: explicit, as the defaults collide or overflow.
            .WithEndpoint(name: "dist", scheme: "tcp", env: "DIST_PORT", isProxied: false)
            .WithEndpoint(name: "epmd", scheme: "tcp", env: "EPMD_PORT", isProxied: false);
        var redis = builder.AddServer("redis", repoRoot, dataDir, ServerProbe.Redis);

        var postgresPort = postgres.GetEndpoint("tcp").Property(EndpointProperty.Port);
        var rabbitMqPort = rabbitmq.GetEndpoint("tcp").Property(EndpointProperty.Port);
        var redisPort = redis.GetEndpoint("tcp").Property(EndpointProperty.Port);

        // The services create their own databases (EF migrations), so a database need not exist yet.
        return new PlatformInfrastructure(
            databases.ToDictionary(
                service => service,
                IResourceBuilder<IResourceWithConnectionString> (service) => builder
                    .AddConnectionString(
                        PlatformInfrastructure.DatabaseResourceName(service),
                        ReferenceExpression.Create($"Host=127.0.0.1;Port={postgresPort};Username=postgres;Database={service}"))
                    .WithHealthCheck(HealthCheckKey("postgres"))),
            builder.AddConnectionString(
                    PlatformInfrastructureExtensions.MessagingName,
                    ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{rabbitMqPort}"))
                .WithHealthCheck(HealthCheckKey("rabbitmq")),
            builder.AddConnectionString(
                    PlatformInfrastructureExtensions.CacheName,
                    ReferenceExpression.Create($"127.0.0.1:{redisPort}"))
                .WithHealthCheck(HealthCheckKey("redis")));
    }

    // One server: infra/local/{name}.sh with DATA_DIR={dataDir}/{name} and PORT from an unproxied endpoint
    // (the script must listen on it itself; a proxy would add nothing but a hop). The health check is shared
    // by the server and the connection strings built on it, so waiting for either waits for the server.
    private static IResourceBuilder<ExecutableResource> AddServer(
        this IDistributedApplicationBuilder builder, string name, string repoRoot, string dataDir, ServerProbe probe)
    {
        var server = builder
            .AddExecutable(name, "bash", repoRoot, Path.Combine(repoRoot, "infra", "local", $"{name}.sh"))
            .WithEnvironment("DATA_DIR", Path.Combine(dataDir, name))
            .WithEndpoint(name: "tcp", scheme: "tcp", env: "PORT", isProxied: false)
            .WithHealthCheck(HealthCheckKey(name));

        var endpoint = server.GetEndpoint("tcp");
        builder.Services.AddHealthChecks().AddAsyncCheck(HealthCheckKey(name), ct => probe.CheckAsync(endpoint, ct));
        return server;
    }

    private static string HealthCheckKey(string server) => $"{server}-serves";

    private static string FindRepoRoot(string appHostDirectory)
    {
        for (var dir = new DirectoryInfo(appHostDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "infra", "local", "postgres.sh")))
            {
                return dir.FullName;
            }
        }

        throw new DistributedApplicationException($"infra/local/postgres.sh not found above {appHostDirectory}.");
    }
}
