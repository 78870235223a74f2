using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Infrastructure;

/// <summary>
/// Access tokens from the real token server, obtained as people and programs obtain them: the programme admin
/// signs in through the login page (authorization code + PKCE), creates one machine client per role through the
/// admin API, and those clients use client credentials. Tokens are cached per role until a minute before they expire.
/// </summary>
public sealed partial class PlatformTokens(IdentityApp identity)
{
    public const string WebClientId = "platform-web";
    public const string RedirectUri = "http://127.0.0.1/callback";
    public const string ApiScope = PlatformClaims.ApiScope;
    private const string TokenPath = "/api/identity/connect/token";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, IssuedTokens> _tokensByRole = [];
    private readonly Dictionary<string, ClientCredentials> _clientsByRole = [];
    private int _clientCount;

    /// <summary>
    /// An access token for <paramref name="role"/>: <c>programme-admin</c> is the first admin, a person signed in
    /// through the web client; any other role is the machine client <c>it-{role}</c>, created on first use.
    /// </summary>
    public async Task<string> AccessTokenAsync(string role)
    {
        await _gate.WaitAsync();
        try
        {
            return (await CachedAsync(role)).AccessToken;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The machine client that stands for <paramref name="role"/> (not for programme-admin, who is a person).</summary>
    public async Task<ClientCredentials> ClientForRoleAsync(string role)
    {
        await _gate.WaitAsync();
        try
        {
            return await RoleClientAsync(role);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A further machine client with these roles, distinct from every other (its own client id and subject).</summary>
    public async Task<ClientCredentials> NewClientAsync(params string[] roles)
    {
        await _gate.WaitAsync();
        try
        {
            return await CreateClientAsync($"it-{string.Join("-", roles)}-{Interlocked.Increment(ref _clientCount)}", roles);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// A new applicant client acting for an organisation of the registry or, as a graduate, by a Youth participant id;
    /// its tokens carry <c>organization_id</c> or <c>participant_id</c>.
    /// </summary>
    public async Task<ClientCredentials> NewApplicantAsync(Guid? organizationId = null, Guid? participantId = null)
    {
        await _gate.WaitAsync();
        try
        {
            return await CreateClientAsync($"it-applicant-{Interlocked.Increment(ref _clientCount)}", [PlatformRoles.Applicant], organizationId, participantId);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The client credentials grant, against the run's token server or another one on the same database.</summary>
    public async Task<IssuedTokens> ClientCredentialsAsync(ClientCredentials client, string? scope = ApiScope, IdentityApp? server = null)
    {
        using var http = (server ?? identity).CreateBrowser();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = client.ClientId,
            ["client_secret"] = client.ClientSecret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return await ReadTokensAsync(await http.PostAsync(TokenPath, new FormUrlEncodedContent(form), Ct));
    }

    /// <summary>
    /// The first programme-admin signs in as a person does: authorize (302 to the login page), the login form with
    /// its antiforgery token, back to authorize (302 to the redirect URI with a code), and the code exchanged with
    /// its PKCE verifier.
    /// </summary>
    public async Task<IssuedTokens> SignInAsync(string scope)
    {
        using var browser = identity.CreateBrowser();
        return await SignInAsync(browser, scope, identity.Options.AdminEmail, identity.Options.AdminPassword);
    }

    /// <summary>
    /// A person signs in through <paramref name="browser"/> (which keeps the sign-in cookie, for a later sign-out);
    /// with <c>offline_access</c> in <paramref name="scope"/> the answer holds a refresh token.
    /// </summary>
    public async Task<IssuedTokens> SignInAsync(HttpClient browser, string scope, string email, string password)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = QueryHelpers.AddQueryString("/api/identity/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = WebClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = scope,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = state,
        });

        var toLogin = await RedirectOfAsync(await browser.GetAsync(authorize, Ct), "authorize, not signed in");
        Assert.StartsWith("/api/identity/account/login", toLogin.OriginalString, StringComparison.Ordinal);
        var page = await browser.GetAsync(toLogin, Ct);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"the login page: {(int)page.StatusCode} {html}");

        var signIn = await browser.PostAsync("/api/identity/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HiddenField(html, "__RequestVerificationToken"),
            ["returnUrl"] = HiddenField(html, "returnUrl"),
            ["email"] = email,
            ["password"] = password,
        }), Ct);
        var backToAuthorize = await RedirectOfAsync(signIn, "the login form");
        Assert.StartsWith("/api/identity/connect/authorize", backToAuthorize.OriginalString, StringComparison.Ordinal);

        var callback = await RedirectOfAsync(await browser.GetAsync(backToAuthorize, Ct), "authorize, signed in");
        Assert.StartsWith(RedirectUri + "?", callback.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(callback.Query);
        Assert.Equal(state, query["state"].ToString());
        var code = query["code"].ToString();
        Assert.False(string.IsNullOrEmpty(code), $"no code in {callback}");

        return await ReadTokensAsync(await browser.PostAsync(TokenPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = WebClientId,
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        }), Ct));
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<IssuedTokens> CachedAsync(string role)
    {
        if (_tokensByRole.TryGetValue(role, out var cached) && cached.ExpiresAt > DateTimeOffset.UtcNow.AddMinutes(1))
        {
            return cached;
        }

        var issued = role == PlatformRoles.ProgrammeAdmin
            ? await SignInAsync($"openid {ApiScope}")
            : await ClientCredentialsAsync(await RoleClientAsync(role));
        _tokensByRole[role] = issued;
        return issued;
    }

    private async Task<ClientCredentials> RoleClientAsync(string role)
    {
        Assert.NotEqual(PlatformRoles.ProgrammeAdmin, role);
        if (!_clientsByRole.TryGetValue(role, out var client))
        {
            client = await CreateClientAsync($"it-{role}", [role]);
            _clientsByRole[role] = client;
        }

        return client;
    }

    /// <summary><c>POST /api/identity/clients</c> as the programme admin; the secret is in the answer, once.</summary>
    private async Task<ClientCredentials> CreateClientAsync(string clientId, string[] roles, Guid? organizationId = null, Guid? participantId = null)
    {
        var admin = await CachedAsync(PlatformRoles.ProgrammeAdmin);
        using var http = identity.CreateBrowser();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/clients")
        {
            Content = JsonContent.Create(new { clientId, displayName = $"Integration tests ({string.Join(", ", roles)})", roles, organizationId, participantId }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin.AccessToken);
        var response = await http.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"creating the client {clientId}: {(int)response.StatusCode} {text}");
        var body = JsonDocument.Parse(text).RootElement;
        return new ClientCredentials(body.GetProperty("clientId").GetString()!, body.GetProperty("clientSecret").GetString()!);
    }

    private static async Task<IssuedTokens> ReadTokensAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"the token endpoint answered {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        return new IssuedTokens(
            body.GetProperty("access_token").GetString()!,
            body.TryGetProperty("id_token", out var idToken) ? idToken.GetString() : null,
            DateTimeOffset.UtcNow.AddSeconds(body.GetProperty("expires_in").GetInt32()),
            body.TryGetProperty("refresh_token", out var refreshToken) ? refreshToken.GetString() : null);
    }

    private static async Task<Uri> RedirectOfAsync(HttpResponseMessage response, string step)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Found && response.Headers.Location is not null,
            $"{step}: expected a 302, got {(int)response.StatusCode} {response.Headers.Location} {text}");
        return response.Headers.Location!;
    }

    public static string HiddenField(string html, string name)
    {
        var match = HiddenInput().Matches(html).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups["name"].Value) == name);
        Assert.True(match is not null, $"no hidden field {name} in the page: {html}");
        return WebUtility.HtmlDecode(match.Groups["value"].Value);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();
}

/// <summary>A machine client's id (also the subject of its tokens) and its secret.</summary>
public sealed record ClientCredentials(string ClientId, string ClientSecret);

/// <summary>What the token endpoint gave; <see cref="IdToken"/> only for a person's sign-in with <c>openid</c>.</summary>
public sealed record IssuedTokens(string AccessToken, string? IdToken, DateTimeOffset ExpiresAt, string? RefreshToken = null);
