using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Platform.Identity.Clients;
using Platform.Identity.Tokens;
using Platform.Identity.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Api;

/// <summary>
/// The OpenID Connect endpoints OpenIddict hands over to the application once it has validated the protocol
/// (client, redirect URI, PKCE, grant, scopes): who the caller is and what goes into their tokens is decided here.
/// Discovery and JWKS are answered by OpenIddict itself.
/// </summary>
public static class ConnectEndpoints
{
    public const string Prefix = "/api/identity/connect";
    private const string ServerScheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapConnectEndpoints(this IEndpointRouteBuilder app)
    {
        var connect = app.MapGroup(Prefix).WithTags("OpenID Connect");
        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], Authorize).WithName("Authorize").WithSummary("Authorization code flow (PKCE required)");
        connect.MapPost("/token", Exchange).WithName("Token").WithSummary("Authorization code, refresh token and client credentials grants");
        connect.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfo).WithName("UserInfo").WithSummary("The signed-in person's claims");
        connect.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], (Delegate)Logout).WithName("Logout")
            .WithSummary("End the sign-in session: the sign-in cookie and every session (refresh token) started under it");
        // Answered by OpenIddict before routing (RFC 7009); mapped so that the API reference shows it.
        connect.MapPost("/revoke", Revoke).WithName("Revoke")
            .WithSummary("Revoke a refresh token (ends its session) or an access token (refused everywhere within seconds); RFC 7009")
            .Accepts<RevocationForm>("application/x-www-form-urlencoded");
        return app;
    }

    /// <summary>The claim of the sign-in cookie that names the sessions (OpenIddict authorizations) started under it.</summary>
    public const string SessionClaim = "platform_session";

    /// <summary>At most this many sessions are remembered per sign-in cookie (each authorize adds one).</summary>
    private const int MaxSessionsPerCookie = 20;

    public static async Task<IResult> Authorize(
        HttpContext context, UserManager<PlatformUser> users, IOpenIddictApplicationManager applications, IOpenIddictAuthorizationManager authorizations)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var returnUrl = await ReturnUrlOf(context.Request);

        var session = await context.AuthenticateAsync(AccountPages.CookieScheme);
        var user = session.Succeeded && session.Principal.GetClaim(Claims.Subject) is { } subject ? await users.FindByIdAsync(subject) : null;
        if (user is { IsActive: false })
        {
            await context.SignOutAsync(AccountPages.CookieScheme);
        }

        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            return request.HasPromptValue(PromptValues.None)
                ? Forbid(Errors.LoginRequired, "The person is not signed in.")
                : Results.Redirect(AccountPages.LoginUrl(returnUrl));
        }

        if (user.MustChangePassword)
        {
            return request.HasPromptValue(PromptValues.None)
                ? Forbid(Errors.InteractionRequired, "The person must choose a new password first.")
                : Results.Redirect(AccountPages.PasswordUrl(returnUrl));
        }

        // The only client allowed here is the platform's own (first-party): consent is implicit.
        var identity = TokenIdentities.ForPerson(user, request.ClientId!, request.GetScopes());

        // The session this sign-in starts, made here rather than by OpenIddict so that the sign-in cookie can name it:
        // signing out then ends exactly the sessions of this browser (their refresh tokens revoked).
        var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict has validated the client.");
        var authorization = await authorizations.CreateAsync(
            identity, user.Id.ToString(), (await applications.GetIdAsync(application, context.RequestAborted))!,
            AuthorizationTypes.AdHoc, identity.GetScopes(), context.RequestAborted);
        var authorizationId = await authorizations.GetIdAsync(authorization, context.RequestAborted);
        identity.SetAuthorizationId(authorizationId);
        await RememberSessionAsync(context, session, authorizationId!);

        return Results.SignIn(new(identity), authenticationScheme: ServerScheme);
    }

    private static async Task RememberSessionAsync(HttpContext context, AuthenticateResult session, string authorizationId)
    {
        var cookie = new ClaimsIdentity(session.Principal!.Claims.Where(c => c.Type != SessionClaim), AccountPages.CookieScheme, Claims.Name, Claims.Role);
        foreach (var id in session.Principal!.FindAll(SessionClaim).Select(c => c.Value).Append(authorizationId).TakeLast(MaxSessionsPerCookie))
        {
            cookie.AddClaim(new Claim(SessionClaim, id));
        }

        await context.SignInAsync(AccountPages.CookieScheme, new ClaimsPrincipal(cookie), session.Properties);
    }

    /// <summary>Never reached: OpenIddict answers the revocation endpoint itself. Documents the form.</summary>
    public static IResult Revoke() => Results.StatusCode(StatusCodes.Status501NotImplemented);

    public static async Task<IResult> Exchange(HttpContext context, UserManager<PlatformUser> users, IOpenIddictApplicationManager applications)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, context.RequestAborted);
            var client = application is null ? null : MachineClient.From(
                request.ClientId!,
                await applications.GetDisplayNameAsync(application, context.RequestAborted),
                await applications.GetPropertiesAsync(application, context.RequestAborted));
            if (client is null || client.Roles.Count == 0)
            {
                return Forbid(Errors.UnauthorizedClient, "This client has no platform roles.");
            }

            return Results.SignIn(new(TokenIdentities.ForClient(client, request.GetScopes())), authenticationScheme: ServerScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            // OpenIddict has validated the code (with its PKCE verifier) or the refresh token; read the person again.
            var result = await context.AuthenticateAsync(ServerScheme);
            var subject = result.Principal?.GetClaim(Claims.Subject);
            var user = subject is null ? null : await users.FindByIdAsync(subject);
            if (user is null)
            {
                return Forbid(Errors.InvalidGrant, "The account no longer exists.");
            }

            if (!user.IsActive)
            {
                return Forbid(Errors.InvalidGrant, "The account has been deactivated.");
            }

            if (await users.IsLockedOutAsync(user))
            {
                return Forbid(Errors.InvalidGrant, "The account is locked.");
            }

            var identity = TokenIdentities.ForPerson(user, request.ClientId!, result.Principal!.GetScopes(), result.Principal);
            return Results.SignIn(new(identity), authenticationScheme: ServerScheme);
        }

        return Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    public static async Task<IResult> UserInfo(HttpContext context, UserManager<PlatformUser> users)
    {
        var result = await context.AuthenticateAsync(ServerScheme);
        if (result.Principal?.GetClaim(Claims.Subject) is not { } subject)
        {
            return Results.Challenge(ErrorProperties(Errors.InvalidToken, "The access token is not valid."), [ServerScheme]);
        }

        var principal = result.Principal;
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = subject };
        if (Guid.TryParse(subject, out var id) && await users.FindByIdAsync(id.ToString()) is { } user)
        {
            if (principal.HasScope(Scopes.Profile))
            {
                claims[Claims.Name] = user.DisplayName;
            }

            if (principal.HasScope(Scopes.Email))
            {
                claims[Claims.Email] = user.Email!;
                claims[Claims.EmailVerified] = user.EmailConfirmed;
            }

            claims[Claims.Role] = new[] { user.Role };
            if (user.OrganizationId is { } organizationId)
            {
                claims[PlatformClaims.OrganizationId] = organizationId;
            }

            if (user.ParticipantId is { } participantId)
            {
                claims[PlatformClaims.ParticipantId] = participantId;
            }
        }
        else
        {
            claims[Claims.Name] = principal.GetClaim(Claims.Name) ?? subject;
            claims[Claims.Role] = principal.GetClaims(Claims.Role);
        }

        return Results.Ok(claims);
    }

    public static async Task<IResult> Logout(HttpContext context, TokenRevoker revoker)
    {
        var session = await context.AuthenticateAsync(AccountPages.CookieScheme);
        var sessions = session.Succeeded ? session.Principal.FindAll(SessionClaim).Select(c => c.Value).ToList() : [];
        // An id_token_hint names its own session: ended too, when it is the signed-in person's (or nobody is signed in here).
        var hint = await context.AuthenticateAsync(ServerScheme);
        if (hint.Principal?.GetAuthorizationId() is { } hinted
            && (!session.Succeeded || session.Principal.GetClaim(Claims.Subject) == hint.Principal.GetClaim(Claims.Subject)))
        {
            sessions.Add(hinted);
        }

        foreach (var id in sessions.Distinct(StringComparer.Ordinal))
        {
            await revoker.EndSessionAsync(id, context.RequestAborted);
        }

        await context.SignOutAsync(AccountPages.CookieScheme);
        // OpenIddict sends the browser to the client's post_logout_redirect_uri when it is registered, else here.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = AccountPages.SignedOutPath }, [ServerScheme]);
    }

    private static IResult Forbid(string error, string description) =>
        Results.Forbid(ErrorProperties(error, description), [ServerScheme]);

    private static AuthenticationProperties ErrorProperties(string error, string description) =>
        new(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });

    /// <summary>The authorization request as a local URL to come back to after signing in (a POSTed request becomes a GET).</summary>
    private static async Task<string> ReturnUrlOf(HttpRequest request)
    {
        var parameters = request.HasFormContentType ? (await request.ReadFormAsync()).ToList() : request.Query.ToList();
        return request.PathBase + request.Path + QueryString.Create(parameters);
    }
}
