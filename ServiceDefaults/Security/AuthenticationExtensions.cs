using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

public static class AuthenticationExtensions
{
    /// <summary>The HttpClient that fetches the token server's discovery document and signing keys.</summary>
    public const string MetadataClientName = "identity-metadata";

    /// <summary>The revocation list's client: its requests are held by the token server, so no retry or attempt timeout of its own.</summary>
    public const string RevocationClientName = "identity-revocations";

    /// <summary>
    /// Validates the token server's access tokens (RS256 JWTs for the <c>platform-api</c> audience) on every
    /// request, in every service: a call that reaches a service directly is no way around the gateway.
    /// <c>Identity:Issuer</c> is the issuer the tokens must name; <c>Identity:MetadataAddress</c> is where the
    /// signing keys are found (by default under the issuer).
    /// </summary>
    public static IHostApplicationBuilder AddPlatformAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient(MetadataClientName);
        // Held requests would meet the standard handler's 10 s attempt timeout; the poller is its own retry. The
        // removal is marked experimental (EXTEXP0001); it is the package's one way to undo ConfigureHttpClientDefaults.
#pragma warning disable EXTEXP0001
        builder.Services.AddHttpClient(RevocationClientName, http => http.Timeout = Timeout.InfiniteTimeSpan).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<TokenValidationCache>();
        // What the token server revoked (deactivated people, ended sessions, revoked tokens), polled every few seconds.
        builder.Services.TryAddSingleton<RevocationList>();
        builder.Services.AddHostedService<RevocationListPoller>();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfiguration, IHttpClientFactory, TokenValidationCache, RevocationList>((options, configuration, httpClients, cache, revoked) =>
            {
                var issuer = configuration["Identity:Issuer"]
                    ?? throw new InvalidOperationException("Identity:Issuer is not set: the service cannot tell which tokens to trust.");
                options.MetadataAddress = configuration["Identity:MetadataAddress"] ?? $"{issuer.TrimEnd('/')}/.well-known/openid-configuration";
                options.RequireHttpsMetadata = false;
                // Behind the gateway, over service discovery: the metadata client resolves http://identity.
                options.Backchannel = httpClients.CreateClient(MetadataClientName);
                options.MapInboundClaims = false;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = issuer,
                    ValidAudience = PlatformClaims.ApiAudience,
                    NameClaimType = PlatformClaims.Name,
                    RoleClaimType = PlatformClaims.Role,
                    ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
                    // Access tokens only: an identity token from the same server is not a key to the API.
                    ValidTypes = ["at+jwt"],
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                // After the signature, cached or not: a valid token the token server has revoked since is refused.
                options.Events ??= new JwtBearerEvents();
                var validated = options.Events.OnTokenValidated;
                options.Events.OnTokenValidated = async context =>
                {
                    await validated(context);
                    if (context.Result is null && context.Principal is { } principal && revoked.IsRevoked(principal))
                    {
                        context.Fail("The access token has been revoked.");
                    }
                };
                // After MapInboundClaims, which configures the default handler wrapped here.
                var handlers = options.TokenHandlers.ToArray();
                options.TokenHandlers.Clear();
                foreach (var handler in handlers)
                {
                    options.TokenHandlers.Add(new CachingTokenHandler(handler, cache));
                }
            });

        builder.Services.AddAuthorizationBuilder().AddPlatformPolicies();
        return builder;
    }
}
