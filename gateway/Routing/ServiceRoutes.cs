using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Routing;

/// <summary>
/// One YARP route and cluster per service: <c>/api/{service}/{**rest}</c> goes, path unchanged, to
/// <c>http://{service}</c>, which Aspire service discovery resolves (<c>services__{service}__http__0</c>).
/// </summary>
public static class ServiceRoutes
{
    public static IHostApplicationBuilder AddServiceRoutes(this IHostApplicationBuilder builder, GatewayOptions options)
    {
        builder.Services.AddSingleton(options);

        builder.Services.AddReverseProxy()
            .LoadFromMemory(RoutesFor(options), ClustersFor(options))
            .ConfigureHttpClient((_, handler) => handler.ConnectTimeout = options.ConnectTimeout)
            .AddServiceDiscoveryDestinationResolver();
        return builder;
    }

    public static WebApplication MapServiceRoutes(this WebApplication app)
    {
        // A custom proxy pipeline replaces the default one, so its standard steps are listed here.
        app.MapReverseProxy(proxy =>
        {
            proxy.UseProxyErrorProblemDetails();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        return app;
    }

    /// <summary>
    /// Every service route needs a valid token (the services then check roles and organisation scope
    /// themselves) and is rate-limited per client; the token server and the configured public paths are open.
    /// </summary>
    public static IReadOnlyList<RouteConfig> RoutesFor(GatewayOptions options) =>
        options.ServiceNames.Select(service => new RouteConfig
            {
                RouteId = service,
                ClusterId = service,
                Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
                AuthorizationPolicy = service == GatewayOptions.TokenServer ? GatewayPolicies.Anonymous : GatewayPolicies.Caller,
                RateLimiterPolicy = GatewayPolicies.PerClient,
            })
            .Concat(options.ServiceNames.Contains(GatewayOptions.TokenServer) ? SignInRoutes : [])
            .Concat(options.PublicPaths.Select((path, i) => new RouteConfig
            {
                RouteId = $"public-{i}",
                ClusterId = ServiceOf(path, options),
                Match = new RouteMatch { Path = path },
                AuthorizationPolicy = GatewayPolicies.Anonymous,
                RateLimiterPolicy = GatewayPolicies.PerClient,
                // Before the service's own route, which would otherwise ask for a token.
                Order = -1,
            }))
            .Concat(options.PublicPages.Select((page, i) => new RouteConfig
            {
                RouteId = $"page-{i}",
                ClusterId = page.Service,
                Match = new RouteMatch { Path = page.Path },
                AuthorizationPolicy = GatewayPolicies.Anonymous,
                RateLimiterPolicy = GatewayPolicies.PerClient,
            }))
            .ToArray();

    /// <summary>
    /// The token server's endpoints that check a password or a secret, or hand out tokens (<c>connect/token</c>,
    /// <c>connect/authorize</c>, revocation and introspection, the login and password forms): the stricter sign-in
    /// budget, before the token server's own route. Discovery, keys and the admin API keep the general one.
    /// </summary>
    private static readonly RouteConfig[] SignInRoutes = new[] { "connect", "account" }.Select(part => new RouteConfig
    {
        RouteId = $"{GatewayOptions.TokenServer}-{part}",
        ClusterId = GatewayOptions.TokenServer,
        Match = new RouteMatch { Path = $"/api/{GatewayOptions.TokenServer}/{part}/{{**rest}}" },
        AuthorizationPolicy = GatewayPolicies.Anonymous,
        RateLimiterPolicy = GatewayPolicies.SignIn,
        Order = -1,
    }).ToArray();

    private static string ServiceOf(string publicPath, GatewayOptions options)
    {
        var segments = publicPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments is ["api", var service, ..] && options.ServiceNames.Contains(service)
            ? service
            : throw new InvalidOperationException($"Gateway:PublicPaths entry '{publicPath}' is not under /api/{{service}}/ of a routed service.");
    }

    public static IReadOnlyList<ClusterConfig> ClustersFor(GatewayOptions options) =>
        options.ServiceNames.Select(service => new ClusterConfig
        {
            ClusterId = service,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [service] = new() { Address = $"http://{service}" },
            },
            HttpRequest = new ForwarderRequestConfig { ActivityTimeout = options.RequestTimeoutOf(service) },
        }).ToArray();
}
