using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Platform.Gateway.Routing;

/// <summary>
/// The address a request came from, as the rate limits key it. Behind a load balancer or reverse proxy listed in
/// <c>Gateway:TrustedProxies</c> (addresses such as <c>10.0.0.7</c> or networks such as <c>10.0.0.0/8</c>) the
/// client's address is taken from <c>X-Forwarded-For</c>, walking back from the nearest hop while the hop is trusted.
/// Otherwise the header is ignored and the connection's address is the client's: nobody can reset their budget by
/// sending a header of their own. Not even loopback is trusted unless listed.
/// </summary>
public static class RealClientAddress
{
    public static IHostApplicationBuilder AddRealClientAddress(this IHostApplicationBuilder builder, GatewayOptions options)
    {
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            // Every trusted hop is unwrapped, not only the last one: a chain of trusted proxies ends at the client.
            forwarded.ForwardLimit = null;
            foreach (var entry in options.TrustedProxies)
            {
                if (entry.Contains('/', StringComparison.Ordinal))
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                }
                else
                {
                    forwarded.KnownProxies.Add(IPAddress.Parse(entry));
                }
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so that everything after it (limits, logs, the proxied request) sees the client's address.</summary>
    public static WebApplication UseRealClientAddress(this WebApplication app, GatewayOptions options)
    {
        if (options.TrustedProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
