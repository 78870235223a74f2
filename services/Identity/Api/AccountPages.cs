using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using Platform.Identity.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Api;

/// <summary>
/// The server-rendered pages a person sees while signing in: plain HTML forms with antiforgery tokens, no
/// scripts. Signing in sets a cookie (path <c>/api/identity</c>) and goes back to the authorization request.
/// </summary>
public static class AccountPages
{
    /// <summary>The sign-in session of the login page (ASP.NET Core Identity's application scheme).</summary>
    public static readonly string CookieScheme = IdentityConstants.ApplicationScheme;
    public const string Prefix = "/api/identity/account";
    public const string LoginPath = Prefix + "/login";
    public const string PasswordPath = Prefix + "/password";
    public const string SignedOutPath = Prefix + "/signed-out";
    private const string SignedInPath = Prefix + "/signed-in";

    public static string LoginUrl(string returnUrl) => $"{LoginPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static string PasswordUrl(string returnUrl) => $"{PasswordPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";

    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup(Prefix).WithTags("Sign-in pages").ExcludeFromDescription();
        pages.MapGet("/login", ShowLogin).WithName("LoginPage");
        // Antiforgery is checked in the handlers, so that an expired form shows the page again instead of a JSON problem.
        pages.MapPost("/login", Login).WithName("Login").DisableAntiforgery();
        pages.MapGet("/password", ShowPassword).WithName("PasswordPage");
        pages.MapPost("/password", ChoosePassword).WithName("ChoosePassword").DisableAntiforgery();
        pages.MapGet("/signed-in", () => Page("Signed in", "<p>You are signed in. You can close this page.</p>")).WithName("SignedInPage");
        pages.MapGet("/signed-out", () => Page("Signed out", "<p>You are signed out.</p>")).WithName("SignedOutPage");
        return app;
    }

    public static IResult ShowLogin(HttpContext context, IAntiforgery antiforgery, string? returnUrl) =>
        LoginForm(context, antiforgery, LocalOrDefault(returnUrl), email: null, error: null);

    public static async Task<IResult> Login(
        HttpContext context, IAntiforgery antiforgery, UserManager<PlatformUser> users, SignInManager<PlatformUser> signIn)
    {
        var form = await LoginFields.ReadAsync(context.Request);
        var returnUrl = LocalOrDefault(form.ReturnUrl);
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return LoginForm(context, antiforgery, returnUrl, form.Email, ExpiredForm, StatusCodes.Status400BadRequest);
        }

        var user = string.IsNullOrWhiteSpace(form.Email) ? null : await users.FindByEmailAsync(form.Email.Trim());
        if (user is null || string.IsNullOrEmpty(form.Password))
        {
            return LoginForm(context, antiforgery, returnUrl, form.Email, "Wrong e-mail or password.");
        }

        var check = await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            return LoginForm(context, antiforgery, returnUrl, form.Email, "Too many failed attempts: the account is locked for a while.");
        }

        if (!check.Succeeded)
        {
            return LoginForm(context, antiforgery, returnUrl, form.Email, "Wrong e-mail or password.");
        }

        // Told only to someone who knows the password: the account's state is nobody else's business.
        if (!user.IsActive)
        {
            return LoginForm(context, antiforgery, returnUrl, form.Email, Deactivated, StatusCodes.Status403Forbidden);
        }

        var identity = new ClaimsIdentity(CookieScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString()).SetClaim(Claims.Name, user.DisplayName);
        await context.SignInAsync(CookieScheme, new ClaimsPrincipal(identity));
        return Results.Redirect(user.MustChangePassword ? PasswordUrl(returnUrl) : returnUrl);
    }

    public static async Task<IResult> ShowPassword(HttpContext context, IAntiforgery antiforgery, UserManager<PlatformUser> users, string? returnUrl)
    {
        var target = LocalOrDefault(returnUrl);
        return await SignedInUser(context, users) is null
            ? Results.Redirect(LoginUrl(target))
            : PasswordForm(context, antiforgery, target, error: null);
    }

    public static async Task<IResult> ChoosePassword(
        HttpContext context, IAntiforgery antiforgery, UserManager<PlatformUser> users, TimeProvider clock)
    {
        var form = await PasswordFields.ReadAsync(context.Request);
        var returnUrl = LocalOrDefault(form.ReturnUrl);
        if (!context.Request.HasFormContentType || !await antiforgery.IsRequestValidAsync(context))
        {
            return PasswordForm(context, antiforgery, returnUrl, ExpiredForm, StatusCodes.Status400BadRequest);
        }

        if (await SignedInUser(context, users) is not { } user)
        {
            return Results.Redirect(LoginUrl(returnUrl));
        }

        if (string.IsNullOrEmpty(form.NewPassword) || form.NewPassword != form.ConfirmPassword)
        {
            return PasswordForm(context, antiforgery, returnUrl, "The two passwords differ.");
        }

        if (user.PasswordHash is not null
            && users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash, form.NewPassword) != PasswordVerificationResult.Failed)
        {
            return PasswordForm(context, antiforgery, returnUrl, "Choose a password different from the one you were given.");
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, form.NewPassword);
            if (!result.Succeeded)
            {
                return PasswordForm(context, antiforgery, returnUrl, string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }

        user.PasswordHash = users.PasswordHasher.HashPassword(user, form.NewPassword);
        user.PasswordChosen(clock.GetUtcNow());
        await users.UpdateSecurityStampAsync(user);
        return Results.Redirect(returnUrl);
    }

    private static async Task<PlatformUser?> SignedInUser(HttpContext context, UserManager<PlatformUser> users)
    {
        var session = await context.AuthenticateAsync(CookieScheme);
        return session.Succeeded && session.Principal.GetClaim(Claims.Subject) is { } subject && await users.FindByIdAsync(subject) is { IsActive: true } user
            ? user
            : null;
    }

    /// <summary>Only this service's own pages are places to go back to: anything else would be an open redirect.</summary>
    private static string LocalOrDefault(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith("/api/identity/", StringComparison.Ordinal) && !returnUrl.Contains('\\', StringComparison.Ordinal)
            ? returnUrl
            : SignedInPath;

    public const string Deactivated = "This account has been deactivated. If you need access again, ask the programme admin.";

    private const string ExpiredForm = "The form has expired or did not come from this page. Please try again.";

    private static IResult LoginForm(
        HttpContext context, IAntiforgery antiforgery, string returnUrl, string? email, string? error, int status = StatusCodes.Status200OK) =>
        Page("Sign in", status: status, body: $"""
            {ErrorLine(error)}
            <form method="post" action="{LoginPath}">
              {AntiforgeryField(context, antiforgery)}
              <input type="hidden" name="returnUrl" value="{Encode(returnUrl)}">
              <label>E-mail <input type="email" name="email" value="{Encode(email)}" autocomplete="username" required autofocus></label>
              <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form>
            """);

    private static IResult PasswordForm(
        HttpContext context, IAntiforgery antiforgery, string returnUrl, string? error, int status = StatusCodes.Status200OK) =>
        Page("Choose your password", status: status, body: $"""
            <p>You signed in with a one-time password. Choose your own (at least 12 characters).</p>
            {ErrorLine(error)}
            <form method="post" action="{PasswordPath}">
              {AntiforgeryField(context, antiforgery)}
              <input type="hidden" name="returnUrl" value="{Encode(returnUrl)}">
              <label>New password <input type="password" name="newPassword" autocomplete="new-password" minlength="12" required autofocus></label>
              <label>Again <input type="password" name="confirmPassword" autocomplete="new-password" minlength="12" required></label>
              <button type="submit">Save and continue</button>
            </form>
            """);

    private static string ErrorLine(string? error) => error is null ? "" : $"""<p class="error" role="alert">{Encode(error)}</p>""";

    private static string AntiforgeryField(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return $"""<input type="hidden" name="{Encode(tokens.FormFieldName)}" value="{Encode(tokens.RequestToken)}">""";
    }

    private static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    private static IResult Page(string title, string body, int status = StatusCodes.Status200OK) => new HtmlPage(status, $$"""
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{{Encode(title)}} · Platform</title>
          <style>
            body { font-family: system-ui, sans-serif; max-width: 24rem; margin: 4rem auto; padding: 0 1rem; }
            label { display: block; margin: 0.75rem 0; } input { display: block; width: 100%; padding: 0.4rem; box-sizing: border-box; }
            button { margin-top: 0.5rem; padding: 0.5rem 1rem; } .error { color: #a00; }
          </style>
        </head>
        <body>
          <h1>{{Encode(title)}}</h1>
          {{body}}
        </body>
        </html>
        """);

    /// <summary>An HTML page that may not be framed or cached, and runs no scripts.</summary>
    private sealed class HtmlPage(int status, string html) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
            headers.XFrameOptions = "DENY";
            headers.CacheControl = "no-store";
            headers["Referrer-Policy"] = "no-referrer";
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(html);
        }
    }
}

/// <summary>The fields of the sign-in form (read by hand: a missing field is an empty one, not a binding error).</summary>
public sealed record LoginFields(string? Email, string? Password, string? ReturnUrl)
{
    public static async Task<LoginFields> ReadAsync(HttpRequest request)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;
        return new(form["email"].FirstOrDefault(), form["password"].FirstOrDefault(), form["returnUrl"].FirstOrDefault());
    }
}

public sealed record PasswordFields(string? NewPassword, string? ConfirmPassword, string? ReturnUrl)
{
    public static async Task<PasswordFields> ReadAsync(HttpRequest request)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;
        return new(form["newPassword"].FirstOrDefault(), form["confirmPassword"].FirstOrDefault(), form["returnUrl"].FirstOrDefault());
    }
}
