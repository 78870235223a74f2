using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.IntegrationTests.Infrastructure;

/// <summary>
/// Serves the run's token server's discovery document and signing keys on a real loopback port, for services running
/// as separate processes: the token server itself answers only through its in-memory TestServer, under a host name
/// that does not exist. Its own URLs in what it serves are rewritten to the relay's address.
/// </summary>
public sealed class IdentityRelay : IAsyncDisposable
{
    private readonly WebApplication _app;

    private IdentityRelay(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Where a service fetches the discovery document (<c>Identity:MetadataAddress</c>).</summary>
    public Uri MetadataAddress => new(Address, new Uri(PlatformIdentity.Issuer).AbsolutePath.TrimEnd('/') + "/.well-known/openid-configuration");

    public static Task<IdentityRelay> StartAsync(PlatformIdentity identity) =>
        // A host built at the same moment as a WebApplicationFactory's could be mistaken for it: take the gate.
        HostStartGate.RunAsync(async () =>
        {
            var address = new Uri($"http://127.0.0.1:{ServiceProcess.FreePort()}");
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls(address.AbsoluteUri);
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var issuerRoot = new Uri(PlatformIdentity.Issuer).GetLeftPart(UriPartial.Authority);
            var tokenServer = new HttpClient(identity.App.Server.CreateHandler()) { BaseAddress = new Uri(issuerRoot) };
            app.Run(async context =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, context.Request.Path + context.Request.QueryString);
                // The revocation list is followed by version: the validator's version goes in, the list's comes back.
                if (context.Request.Headers.IfNoneMatch.ToString() is { Length: > 0 } known)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", known);
                }

                using var answer = await tokenServer.SendAsync(request, context.RequestAborted);
                context.Response.StatusCode = (int)answer.StatusCode;
                if (answer.Headers.ETag is { } version)
                {
                    context.Response.Headers.ETag = version.ToString();
                }

                if (answer.StatusCode == System.Net.HttpStatusCode.NotModified)
                {
                    return;
                }

                var text = await answer.Content.ReadAsStringAsync(context.RequestAborted);
                context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
                await context.Response.WriteAsync(text.Replace(issuerRoot, address.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal), context.RequestAborted);
            });
            await app.StartAsync();
            return new IdentityRelay(app, address);
        });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
