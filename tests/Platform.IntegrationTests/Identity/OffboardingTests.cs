using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Identity;

/// <summary>
/// A person leaving the consortium is deactivated by the programme admin: they can no longer sign in, their refresh
/// tokens are dead at once, and a service that validates their still-unexpired access token locally refuses it
/// within seconds. Reactivated, they sign in again; what they held before stays revoked.
/// </summary>
[Collection(TokenServerFixture.Collection)]
public sealed class OffboardingTests(TokenServerFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_deactivated_person_cannot_sign_in_refresh_or_use_their_access_token()
    {
        var person = await fixture.NewPersonAsync();
        var (browser, tokens) = await fixture.SignInAsync(person);
        using var _ = browser;
        Assert.NotNull(tokens.RefreshToken);
        Assert.Equal(HttpStatusCode.OK, await fixture.ServiceAnswersAsync(tokens.AccessToken));

        var deactivated = await TokenServerFixture.JsonAsync(
            await fixture.AdminAsync(HttpMethod.Post, $"/api/identity/users/{person.Id}/deactivate"), HttpStatusCode.OK);
        Assert.Equal("deactivated", deactivated.GetProperty("status").GetString());

        Assert.Equal("invalid_grant", await TokenServerFixture.OAuthErrorAsync(await fixture.RefreshAsync(tokens.RefreshToken!)));
        await fixture.RefusedByTheServiceAsync(tokens.AccessToken, "the deactivated person's access token");

        var refused = await SignInPageAsync(person);
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("deactivated", refused.Html, StringComparison.Ordinal);

        // The browser still holds the sign-in cookie: authorize sends it to the login page, not to a code.
        using var again = await browser.GetAsync(AuthorizeUrl(), Ct);
        Assert.Equal(HttpStatusCode.Found, again.StatusCode);
        Assert.StartsWith("/api/identity/account/login", again.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var listed = await TokenServerFixture.JsonAsync(
            await fixture.AdminAsync(HttpMethod.Get, "/api/identity/users?status=deactivated&pageSize=100"), HttpStatusCode.OK);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), u => u.GetProperty("id").GetGuid() == person.Id);
    }

    [Fact]
    public async Task A_reactivated_person_signs_in_again_and_their_old_tokens_stay_revoked()
    {
        var person = await fixture.NewPersonAsync();
        var (browser, before) = await fixture.SignInAsync(person);
        browser.Dispose();
        await TokenServerFixture.JsonAsync(await fixture.AdminAsync(HttpMethod.Post, $"/api/identity/users/{person.Id}/deactivate"), HttpStatusCode.OK);

        var reactivated = await TokenServerFixture.JsonAsync(
            await fixture.AdminAsync(HttpMethod.Post, $"/api/identity/users/{person.Id}/reactivate"), HttpStatusCode.OK);
        Assert.Equal("active", reactivated.GetProperty("status").GetString());

        var (newBrowser, after) = await fixture.SignInAsync(person);
        using var _ = newBrowser;
        await fixture.ServiceHasPolledAsync();
        Assert.Equal(HttpStatusCode.OK, await fixture.ServiceAnswersAsync(after.AccessToken));
        Assert.Equal(HttpStatusCode.Unauthorized, await fixture.ServiceAnswersAsync(before.AccessToken));
        Assert.Equal("invalid_grant", await TokenServerFixture.OAuthErrorAsync(await fixture.RefreshAsync(before.RefreshToken!)));
    }

    [Fact]
    public async Task Deactivating_twice_is_a_conflict_and_an_unknown_person_is_404()
    {
        var person = await fixture.NewPersonAsync();
        await TokenServerFixture.JsonAsync(await fixture.AdminAsync(HttpMethod.Post, $"/api/identity/users/{person.Id}/deactivate"), HttpStatusCode.OK);

        var twice = await TokenServerFixture.JsonAsync(
            await fixture.AdminAsync(HttpMethod.Post, $"/api/identity/users/{person.Id}/deactivate"), HttpStatusCode.Conflict);
        Assert.Equal("already-deactivated", twice.GetProperty("code").GetString());
        var active = await fixture.NewPersonAsync();
        var notDeactivated = await TokenServerFixture.JsonAsync(
            await fixture.AdminAsync(HttpMethod.Post, $"/api/identity/users/{active.Id}/reactivate"), HttpStatusCode.Conflict);
        Assert.Equal("not-deactivated", notDeactivated.GetProperty("code").GetString());
        using var unknown = await fixture.AdminAsync(HttpMethod.Post, $"/api/identity/users/{Guid.NewGuid()}/deactivate");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Only_the_programme_admin_deactivates()
    {
        var person = await fixture.NewPersonAsync();
        using var monitor = fixture.TokenServer.CreateBrowser();
        monitor.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Identity.Tokens.AccessTokenAsync(PlatformRoles.Monitor));

        using var response = await monitor.PostAsync($"/api/identity/users/{person.Id}/deactivate", null, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var user = await TokenServerFixture.JsonAsync(await fixture.AdminAsync(HttpMethod.Get, $"/api/identity/users/{person.Id}"), HttpStatusCode.OK);
        Assert.Equal("active", user.GetProperty("status").GetString());
    }

    private static string AuthorizeUrl() => QueryHelpers.AddQueryString("/api/identity/connect/authorize", new Dictionary<string, string?>
    {
        ["client_id"] = PlatformTokens.WebClientId,
        ["response_type"] = "code",
        ["redirect_uri"] = PlatformTokens.RedirectUri,
        ["scope"] = TokenServerFixture.PersonScope,
        ["code_challenge"] = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        ["code_challenge_method"] = "S256",
        ["state"] = "s",
    });

    /// <summary>The login form filled in with the right password, in a fresh browser.</summary>
    private async Task<(HttpStatusCode Status, string Html)> SignInPageAsync(Person person)
    {
        using var browser = fixture.TokenServer.CreateBrowser();
        using var toLogin = await browser.GetAsync(AuthorizeUrl(), Ct);
        using var page = await browser.GetAsync(toLogin.Headers.Location!, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        using var signIn = await browser.PostAsync("/api/identity/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = PlatformTokens.HiddenField(html, "__RequestVerificationToken"),
            ["returnUrl"] = PlatformTokens.HiddenField(html, "returnUrl"),
            ["email"] = person.Email,
            ["password"] = person.Password,
        }), Ct);
        return (signIn.StatusCode, await signIn.Content.ReadAsStringAsync(Ct));
    }
}
