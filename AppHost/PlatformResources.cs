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
        where TProject : IProjectMetadata, new() =>
        builder.AddServiceWithDatabase<TProject>(name, infra)
            .WithReference(infra.Messaging).WaitFor(infra.Messaging)
            .WithEnvironment("Messaging__QuorumQueues", infra.QuorumQueues ? "true" : "false")
            .WithReference(infra.Cache).WaitFor(infra.Cache);

    // Healthy means migrated and connected to what the service uses: what WaitFor should wait for.
    private static IResourceBuilder<ProjectResource> AddServiceWithDatabase<TProject>(
        this IDistributedApplicationBuilder builder, string name, PlatformInfrastructure infra)
        where TProject : IProjectMetadata, new()
    {
        var database = infra.Database(name);
        return builder.AddProject<TProject>(name)
            .WithPlatformRuntime()
            .WithHttpHealthCheck("/health")
            .WithReference(database).WaitFor(database);
    }

    /// <summary>
    /// The gateway resolves <c>http://{service}</c> through service discovery, so it references every service.
    /// Its endpoint is not proxied by the orchestrator: the one public entrance listens on <c>Gateway:Port</c>
    /// (8080 unless configured; 0 picks a free port, for tests) without an extra hop in front of it.
    /// Every other <c>Gateway:*</c> setting of the AppHost is handed to the gateway (<c>Gateway:SignInRateLimitPermits</c>, ...).
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddGateway<TProject>(
        this IDistributedApplicationBuilder builder, string name, PlatformInfrastructure infra,
        IEnumerable<IResourceBuilder<ProjectResource>> services)
        where TProject : IProjectMetadata, new()
    {
        var port = builder.Configuration.GetValue("Gateway:Port", 8080);
        var gateway = builder.AddProject<TProject>(name)
            .WithPlatformRuntime()
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

        // The rest of the AppHost's Gateway section (rate limits, TrustedProxies, ...) is the gateway's own configuration.
        foreach (var setting in builder.Configuration.GetSection("Gateway").AsEnumerable(makePathsRelative: true))
        {
            if (setting.Value is not null && !string.Equals(setting.Key, "Port", StringComparison.OrdinalIgnoreCase))
            {
                gateway.WithEnvironment($"Gateway__{setting.Key.Replace(":", "__", StringComparison.Ordinal)}", setting.Value);
            }
        }

        return gateway;
    }

    /// <summary>
    /// The token server is a platform service with its own database, plus the first programme-admin:
    /// <c>Identity:Admin:Email</c> (admin@platform.local unless configured) and the secret parameter
    /// <c>identity-admin-password</c>, generated on the first run and kept in the AppHost's user secrets
    /// (<c>dotnet user-secrets list --project AppHost</c>), or set as <c>Parameters:identity-admin-password</c>.
    /// The service creates that account only while no programme-admin exists, so a later run changes nothing.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddTokenServer<TProject>(
        this IDistributedApplicationBuilder builder, string name, PlatformInfrastructure infra)
        where TProject : IProjectMetadata, new()
    {
        var adminPassword = builder.AddParameter(
            $"{name}-admin-password", new GenerateParameterDefault { MinLength = 24, Special = false }, secret: true, persist: true);
        // Neither broker nor cache: the token server publishes and consumes nothing, so it starts with its database.
        return builder.AddServiceWithDatabase<TProject>(name, infra)
            .WithEnvironment("Identity__Admin__Email", builder.Configuration["Identity:Admin:Email"] is { Length: > 0 } email ? email : "admin@platform.local")
            .WithEnvironment("Identity__Admin__Password", adminPassword);
    }

    /// <summary>
    /// Tokens name the gateway's public URL as their issuer (<c>{gateway}/api/identity/</c>), which the token
    /// server announces and every service and the gateway require (<c>Identity:Issuer</c>). The signing keys
    /// are fetched from the token server directly (<c>Identity:MetadataAddress</c>), not through the gateway.
    /// Only endpoint references: the token server does not wait for the gateway, which waits for it.
    /// </summary>
    public static void IssuesTokensFor(
        this IResourceBuilder<ProjectResource> identity, IResourceBuilder<ProjectResource> gateway,
        IEnumerable<IResourceBuilder<ProjectResource>> validators)
    {
        var issuer = ReferenceExpression.Create($"{gateway.GetEndpoint("http")}/api/identity/");
        var metadata = ReferenceExpression.Create($"{identity.GetEndpoint("http")}/api/identity/.well-known/openid-configuration");
        identity.WithEnvironment("Identity__Issuer", issuer);
        // The people's sign-in client returns to the gateway's own pages (the API reference among them) and to the
        // loopback callback that ./platform.sh token and the benchmark use, whichever port the gateway has.
        var gatewayUrl = gateway.GetEndpoint("http");
        identity.WithEnvironment("Identity__WebClient__RedirectUris__0", ReferenceExpression.Create($"{gatewayUrl}/signin-callback"))
            .WithEnvironment("Identity__WebClient__RedirectUris__1", "http://127.0.0.1/callback")
            .WithEnvironment("Identity__WebClient__RedirectUris__2", ReferenceExpression.Create($"{gatewayUrl}/docs/"))
            .WithEnvironment("Identity__WebClient__PostLogoutRedirectUris__0", ReferenceExpression.Create($"{gatewayUrl}/"));
        foreach (var validator in validators)
        {
            validator.WithEnvironment("Identity__Issuer", issuer).WithEnvironment("Identity__MetadataAddress", metadata);
        }
    }

    /// <summary>
    /// The dashboard's resource list links each service to its OpenAPI document and the gateway to its API reference
    /// (<c>/docs</c>, where every service's operations can be read and tried), both at the gateway's public address.
    /// </summary>
    public static void LinksApiReference(
        this IResourceBuilder<ProjectResource> gateway, IEnumerable<IResourceBuilder<ProjectResource>> services)
    {
        var endpoint = gateway.GetEndpoint("http");
        gateway.WithUrl(ReferenceExpression.Create($"{endpoint}/docs"), "API reference");
        foreach (var service in services)
        {
            var name = service.Resource.Name;
            service.WithUrl(ReferenceExpression.Create($"{endpoint}/api/{name}/openapi/v1.json"), "OpenAPI")
                .WithUrl(ReferenceExpression.Create($"{endpoint}/docs/#{name}"), "API reference");
        }
    }

    /// <summary>
    /// Runtime settings that only the environment can carry (the rest are in Directory.Build.props; bench/bench.sh
    /// starts every process it loads with the first two, as a deployment runs; its at-rest section runs the AppHost):
    /// <list type="bullet">
    /// <item>a 64 MB first GC generation: the default here is about 2 MB, so a service collected every few requests;
    /// registering organisations through the gateway at 500 req/s went from p99 1.2-2.4 s to 0.2-0.3 s;</item>
    /// <item>tier-up without the 100 ms delay, which restarts with every new compilation, so a busy service kept running
    /// unoptimized code long after start (event-pipeline benchmark: about 550-650 -> 870-900 events/s).</item>
    /// <item>metrics exported every 10 s, not every second (Aspire's default for a local run): each export also reads
    /// every observable gauge, and the dashboard took in 8 processes' metrics every second; at rest that was about a
    /// third of the platform's CPU. Traces and logs keep their 1 s batches: they cost nothing when nothing happens.</item>
    /// <item>in a local run only, no tiered compilation: each method is compiled once, optimised, when first called. With
    /// tiering, a service at rest spent about three quarters of its CPU in the JIT minutes after start (perf: libclrjit,
    /// libcoreclr), re-compiling methods that timers had called 30 times; the platform at rest went from about 7% to
    /// 4% of the machine, and the time to a healthy gateway did not change (docs/operations.md, At rest). A deployment
    /// keeps tiering: it lives under load, where profile-guided tier-1 code is faster.</item>
    /// </list>
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithPlatformRuntime(this IResourceBuilder<ProjectResource> project)
    {
        project.WithEnvironment("DOTNET_GCgen0size", "0x4000000").WithEnvironment("DOTNET_TC_CallCountingDelayMs", "0")
            .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "10000");
        return project.ApplicationBuilder.ExecutionContext.IsRunMode ? project.WithEnvironment("DOTNET_TieredCompilation", "0") : project;
    }
}
