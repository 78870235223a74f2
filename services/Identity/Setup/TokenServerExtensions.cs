using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;
using Platform.Identity.Api;
using Platform.Identity.Data;
using Platform.Identity.Keys;
using Platform.Identity.Registry;
using Platform.Identity.Tokens;
using Platform.Identity.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Setup;

public static class TokenServerExtensions
{
    /// <summary>
    /// People (ASP.NET Core Identity on the identity database), the sign-in cookie of the login page, and the
    /// OpenIddict server: authorization code with PKCE, client credentials and rotating refresh tokens; RS256
    /// JWT access tokens (not encrypted) with keys kept in the database. Plain HTTP is accepted because TLS ends
    /// in front of the gateway. The admin API authenticates bearer tokens of this same server.
    /// </summary>
    public static IHostApplicationBuilder AddTokenServer(this IHostApplicationBuilder builder)
    {
        var settings = TokenServerSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddAntiforgery();

        builder.Services
            .AddIdentityCore<PlatformUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                // Length over composition rules (NIST SP 800-63B); generated passwords are 24 characters.
                options.Password.RequiredLength = 12;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.ClaimsIdentity.UserIdClaimType = Claims.Subject;
                options.ClaimsIdentity.UserNameClaimType = Claims.Name;
                options.ClaimsIdentity.RoleClaimType = Claims.Role;
            })
            .AddEntityFrameworkStores<IdentityDbContext>()
            .AddSignInManager();

        builder.Services
            .AddAuthentication(options => options.DefaultScheme = OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
            .AddCookie(AccountPages.CookieScheme, options =>
            {
                options.Cookie.Name = "platform.identity";
                options.Cookie.Path = "/api/identity";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.LoginPath = AccountPages.LoginPath;
            });

        builder.Services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<IdentityDbContext>())
            .AddServer(server =>
            {
                if (settings.IssuerUri is { } issuer)
                {
                    server.SetIssuer(issuer);
                }

                server.SetAuthorizationEndpointUris("api/identity/connect/authorize")
                    .SetTokenEndpointUris("api/identity/connect/token")
                    .SetUserInfoEndpointUris("api/identity/connect/userinfo")
                    .SetEndSessionEndpointUris("api/identity/connect/logout")
                    .SetRevocationEndpointUris("api/identity/connect/revoke")
                    .SetConfigurationEndpointUris("api/identity/.well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris("api/identity/.well-known/jwks");

                server.AllowAuthorizationCodeFlow()
                    .AllowClientCredentialsFlow()
                    .AllowRefreshTokenFlow()
                    .RequireProofKeyForCodeExchange();
                // S256 only: a "plain" challenge is the verifier itself and protects nothing.
                server.Configure(options => options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain));

                server.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, PlatformClaims.ApiScope);
                server.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, Claims.Role, PlatformClaims.OrganizationId, PlatformClaims.ParticipantId, PlatformClaims.ClientId);

                server.SetAccessTokenLifetime(settings.AccessTokenLifetime)
                    .SetRefreshTokenLifetime(settings.RefreshTokenLifetime);

                // RFC 7009: OpenIddict revokes the token; this lists it (or ends its session) for the validators.
                server.AddEventHandler(ListRevokedToken.Descriptor);
                server.AddEventHandler(RefuseAnotherClientsToken.Descriptor);

                // Services validate access tokens themselves (RS256 against the JWKS): they must be readable JWTs.
                server.DisableAccessTokenEncryption();

                server.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                // The admin API reads the token's entry: a deactivated admin or a revoked token is refused here at once.
                validation.EnableTokenEntryValidation();
                validation.EnableAuthorizationEntryValidation();
                validation.AddAudiences(PlatformClaims.ApiAudience);
                validation.UseAspNetCore();
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PlatformPolicies.ProgrammeAdmin, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireRole(PlatformRoles.ProgrammeAdmin));

        // The signing and encryption keys live in the database: loaded (or created) after the migrations.
        builder.Services.AddSingleton<ServerKeyRing>();
        builder.Services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeyOptions>();
        builder.Services.AddHostedService<ServerKeyLoader>();
        builder.Services.AddHostedService<IdentitySeeder>();
        builder.Services.AddScoped<TokenRevoker>();
        builder.Services.AddSingleton<RevocationFeed>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RevocationFeed>());
        builder.Services.AddHostedService<RevocationListener>();
        builder.Services.AddHttpClient(OrganizationRegistry.ClientName);
        builder.Services.AddSingleton<OrganizationRegistry>();

        // Behind the gateway: the public host and scheme come in X-Forwarded-* headers (from loopback proxies
        // only, by default), so that discovery, redirects and the default issuer name the public URL.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost);
        return builder;
    }
}
