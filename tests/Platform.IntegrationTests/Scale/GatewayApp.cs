using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Gateway.Routing;
using Platform.IntegrationTests.Infrastructure;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.IntegrationTests.Scale;

/// <summary>
/// The real gateway (gateway/Program) on Kestrel on loopback, so that callers reach it over TCP with a real client
/// address, routing only to the run's token server. The token server lives in memory (its TestServer): the gateway's
/// proxy sends to it through that server's handler instead of a socket, everything else is the gateway's own.
/// </summary>
public sealed class GatewayApp(PlatformIdentity identity, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<GatewayOptions>
{
    private HttpMessageHandler? _tokenServer;

    public static async Task<GatewayApp> StartAsync(PlatformIdentity identity, IReadOnlyDictionary<string, string?> settings)
    {
        var app = new GatewayApp(identity, settings);
        app.UseKestrel();
        await HostStartGate.RunAsync(() =>
        {
            app.StartServer();
            return Task.FromResult(true);
        });
        return app;
    }

    /// <summary>The gateway's address on loopback.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>A caller of its own (its own connections), as a browser or curl would be.</summary>
    public HttpClient NewCaller() => new(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = Address };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseUrls("http://127.0.0.1:0");
        builder.UseSetting("Gateway:Services:0", "identity");
        builder.UseSetting("services:identity:http:0", "http://identity.test");
        builder.UseSetting("Identity:Issuer", PlatformIdentity.Issuer);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IForwarderHttpClientFactory>();
            services.AddSingleton<IForwarderHttpClientFactory>(new ToTokenServer(_tokenServer ??= identity.App.Server.CreateHandler()));
        });
    }

    private sealed class ToTokenServer(HttpMessageHandler handler) : IForwarderHttpClientFactory
    {
        public HttpMessageInvoker CreateClient(ForwarderHttpClientContext context) => new(handler, disposeHandler: false);
    }
}
