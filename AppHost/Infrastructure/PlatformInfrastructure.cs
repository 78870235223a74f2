using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// The connection strings the services read, whichever way the servers run: <c>{service}-db</c> (Npgsql),
/// <c>messaging</c> (an amqp URI) and <c>cache</c> (StackExchange.Redis). Waiting for one of them waits until
/// its server answers.
/// </summary>
internal sealed record PlatformInfrastructure(
    IReadOnlyDictionary<string, IResourceBuilder<IResourceWithConnectionString>> Databases,
    IResourceBuilder<IResourceWithConnectionString> Messaging,
    IResourceBuilder<IResourceWithConnectionString> Cache)
{
    public IResourceBuilder<IResourceWithConnectionString> Database(string service) => Databases[service];

    /// <summary>
    /// Whether the services declare their queues as quorum queues (<c>Messaging:QuorumQueues</c>): on for container and
    /// external brokers unless configured; off for the local single node, whose kept data may hold the same queues as
    /// classic ones from earlier runs (a queue cannot change its type; <c>./platform.sh reset</c> empties the broker).
    /// </summary>
    public bool QuorumQueues { get; init; }

    public static string DatabaseResourceName(string service) => $"{service}-db";
}

internal static class PlatformInfrastructureExtensions
{
    public const string MessagingName = "messaging";
    public const string CacheName = "cache";

    /// <summary>Adds the servers in the mode chosen by <see cref="InfraModeSelection"/>.</summary>
    public static PlatformInfrastructure AddPlatformInfrastructure(
        this IDistributedApplicationBuilder builder, IReadOnlyList<string> databases)
    {
        var mode = InfraModeSelection.Select(builder.Configuration);
        var infra = mode switch
        {
            InfraMode.Container => AddContainers(builder, databases),
            InfraMode.Local => builder.AddLocalServers(databases),
            InfraMode.External => AddExternal(builder, databases),
            _ => throw new DistributedApplicationException($"Unknown Infra:Mode '{mode}'."),
        };
        return infra with { QuorumQueues = builder.Configuration.GetValue<bool?>("Messaging:QuorumQueues") ?? mode != InfraMode.Local };
    }

    // Aspire's own container resources. Data volumes keep a developer's data between runs; tests on a
    // machine with a container engine set Infra:Persistent=false to start from empty servers.
    /// <summary>Enough for every service's pool (<c>Database:MaxPoolSize</c>, 40 by default) with room to spare.</summary>
    internal const int MaxDatabaseConnections = 500;

    private static PlatformInfrastructure AddContainers(IDistributedApplicationBuilder builder, IReadOnlyList<string> databases)
    {
        var persistent = builder.Configuration.GetValue("Infra:Persistent", true);

        // Every service keeps its own connection pool: PostgreSQL's default of 100 connections is too few for all of them.
        var postgres = builder.AddPostgres("postgres").WithArgs("-c", $"max_connections={MaxDatabaseConnections}");
        var rabbitmq = builder.AddRabbitMQ(MessagingName);
        var redis = builder.AddRedis(CacheName);
        if (persistent)
        {
            postgres.WithDataVolume();
            rabbitmq.WithDataVolume();
            redis.WithDataVolume();
        }

        return new PlatformInfrastructure(
            databases.ToDictionary(
                service => service,
                IResourceBuilder<IResourceWithConnectionString> (service) =>
                    postgres.AddDatabase(PlatformInfrastructure.DatabaseResourceName(service), service)),
            rabbitmq,
            redis);
    }

    // Existing servers: every connection string must be configured (ConnectionStrings:*), checked up front
    // so that a missing one fails the start with its name instead of leaving a service waiting.
    private static PlatformInfrastructure AddExternal(IDistributedApplicationBuilder builder, IReadOnlyList<string> databases)
    {
        var names = databases.Select(PlatformInfrastructure.DatabaseResourceName).Append(MessagingName).Append(CacheName).ToList();
        var missing = names.Where(name => string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name))).ToList();
        if (missing.Count > 0)
        {
            throw new DistributedApplicationException(
                $"Infra:Mode is 'external' but these connection strings are not configured: {string.Join(", ", missing.Select(n => $"ConnectionStrings:{n}"))}.");
        }

        return new PlatformInfrastructure(
            databases.ToDictionary(service => service, service => builder.AddConnectionString(PlatformInfrastructure.DatabaseResourceName(service))),
            builder.AddConnectionString(MessagingName),
            builder.AddConnectionString(CacheName));
    }
}
