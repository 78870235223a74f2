using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Routing;

/// <summary>
/// One YARP route and cluster per service: <c>/api/{service}/{**rest}</c> goes, path unchanged, to
/// <c>http://{service}</c>, which Aspire service discovery resolves (<c>services__{service}__http__0</c>).
/// </summary>
public static class ServiceRoutes
{
    public static IHostApplicationBuilder AddServiceRoutes(this IHostApplicationBuilder builder)
    {
        var options = GatewayOptions.From(builder.Configuration);
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

    public static IReadOnlyList<RouteConfig> RoutesFor(GatewayOptions options) =>
        options.ServiceNames.Select(service => new RouteConfig
        {
            RouteId = service,
            ClusterId = service,
            Match = new RouteMatch { Path = $"/api/{service}/{{**rest}}" },
            // Route policies go here: AuthorizationPolicy, RateLimiterPolicy (once authentication exists).
        }).ToArray();

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
