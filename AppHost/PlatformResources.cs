using Microsoft.Extensions.Configuration;
using Platform.AppHost.Infrastructure;

namespace Platform.AppHost;

/// <summary>How the services and the gateway are wired to the infrastructure and to each other.</summary>
internal static class PlatformResources
{
    /// <summary>
    /// A service gets its own database (connection string <c>{name}-db</c>), <c>messaging</c> and <c>cache</c>,
    /// and starts only once all three answer.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddPlatformService<TProject>(
        this IDistributedApplicationBuilder builder, string name, PlatformInfrastructure infra)
        where TProject : IProjectMetadata, new()
    {
        var database = infra.Database(name);
        return builder.AddProject<TProject>(name)
            // Healthy means migrated and connected to database, broker and cache: what WaitFor should wait for.
            .WithHttpHealthCheck("/health")
            .WithReference(database).WaitFor(database)
            .WithReference(infra.Messaging).WaitFor(infra.Messaging)
            .WithReference(infra.Cache).WaitFor(infra.Cache);
    }

    /// <summary>
    /// The gateway resolves <c>http://{service}</c> through service discovery, so it references every service.
    /// Its endpoint is not proxied by the orchestrator: the one public entrance listens on <c>Gateway:Port</c>
    /// (8080 unless configured; 0 picks a free port, for tests) without an extra hop in front of it.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGateway<TProject>(
        this IDistributedApplicationBuilder builder, string name, PlatformInfrastructure infra,
        IEnumerable<IResourceBuilder<ProjectResource>> services)
        where TProject : IProjectMetadata, new()
    {
        var port = builder.Configuration.GetValue("Gateway:Port", 8080);
        var gateway = builder.AddProject<TProject>(name)
            .WithEndpoint("http", endpoint =>
            {
                endpoint.UriScheme = "http";
                endpoint.IsProxied = false;
                endpoint.Port = port == 0 ? null : port;
                endpoint.TargetPort = endpoint.Port;
            })
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health")
            .WithReference(infra.Cache).WaitFor(infra.Cache);

        foreach (var service in services)
        {
            gateway.WithReference(service).WaitFor(service);
        }

        return gateway;
    }
}
