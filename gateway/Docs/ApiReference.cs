using Platform.Gateway.Routing;
using Scalar.AspNetCore;

namespace Platform.Gateway.Docs;

/// <summary>
/// One API reference for the whole platform at <c>/docs</c> (Scalar): every service's OpenAPI document, read through
/// the gateway at <c>/api/{service}/openapi/v1.json</c>, with sign-in at the token server (authorization code with
/// PKCE, the public client <c>platform-web</c>, redirected back to <c>/docs/</c>) so that calls can be tried as
/// the person signed in. The documents are public paths: the reference loads them before anyone has a token.
/// </summary>
public static class ApiReference
{
    public const string Path = "/docs";

    private const string Client = "platform-web";

    public static IHostApplicationBuilder AddApiReference(this IHostApplicationBuilder builder, GatewayOptions gateway)
    {
        gateway.PublicPaths =
        [
            .. gateway.PublicPaths,
            .. gateway.ServiceNames.Where(s => s != GatewayOptions.TokenServer).Select(s => $"/api/{s}/openapi/{{**document}}"),
        ];
        return builder;
    }

    public static WebApplication MapApiReference(this WebApplication app)
    {
        var gateway = app.Services.GetRequiredService<GatewayOptions>();
        // The gateway's public address, as tokens name it (Identity:Issuer is {gateway}/api/identity/).
        var issuer = app.Configuration["Identity:Issuer"] ?? "/api/identity/";
        var root = issuer[..issuer.IndexOf("/api/identity", StringComparison.Ordinal)];
        app.MapScalarApiReference(Path, options =>
        {
            options.WithTitle("Platform API reference")
                .WithOpenApiRoutePattern("/api/{documentName}/openapi/v1.json")
                .AddDocuments(gateway.ServiceNames)
                .AddPreferredSecuritySchemes(["sign-in"])
                .AddAuthorizationCodeFlow("sign-in", flow => flow
                    .WithClientId(Client)
                    .WithPkce(Pkce.Sha256)
                    .WithAuthorizationUrl($"{issuer}connect/authorize")
                    .WithTokenUrl($"{issuer}connect/token")
                    .WithRedirectUri($"{root}{Path}/")
                    .WithSelectedScopes(["openid", "profile", "offline_access", "platform-api"]))
                .EnablePersistentAuthentication();
        }).AllowAnonymous();
        return app;
    }
}
