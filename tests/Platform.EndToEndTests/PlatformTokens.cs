using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.EndToEndTests;

/// <summary>
/// Gets access tokens from the platform's real token server, through the gateway, the way its clients do: the
/// programme admin signs in with the authorization code flow and PKCE; every other role is a machine client
/// the admin creates, which then uses client credentials.
/// </summary>
public sealed partial class PlatformTokens(Uri gateway, string adminEmail, string adminPassword)
{
    private const string RedirectUri = "http://127.0.0.1/callback";
    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();
    private string? _adminIdToken;

    /// <summary>
    /// The identity token the admin's sign-in returned: signed by the real server, but for the web client
    /// (its audience is <c>platform-web</c>), so the API must refuse it.
    /// </summary>
    public async Task<string> AdminIdTokenAsync()
    {
        await ForRoleAsync("programme-admin");
        return _adminIdToken!;
    }

    /// <summary>A token for a role (one client per role, made on first use); an applicant acts for <paramref name="organizationId"/>.</summary>
    public Task<string> ForRoleAsync(string role, Guid? organizationId = null) =>
        _tokens.GetOrAdd($"{role}:{organizationId}", _ => new Lazy<Task<string>>(() =>
            role == "programme-admin" && organizationId is null ? SignInAsAdminAsync() : NewMachineClientTokenAsync(role, organizationId))).Value;

    /// <summary>A token for a machine client of its own, so that its rate-limit budget is not shared.</summary>
    public Task<string> ForNewClientAsync(string role) => NewMachineClientTokenAsync(role, null);

    private async Task<string> SignInAsAdminAsync()
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = gateway };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(48));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var authorize = $"/api/identity/connect/authorize?client_id=platform-web&response_type=code&scope={Uri.EscapeDataString("openid platform-api")}"
            + $"&redirect_uri={Uri.EscapeDataString(RedirectUri)}&code_challenge={challenge}&code_challenge_method=S256&state=e2e";

        var toLogin = await ExpectRedirectAsync(await browser.GetAsync(authorize));
        var form = await browser.GetStringAsync(toLogin);
        var back = await ExpectRedirectAsync(await browser.PostAsync("/api/identity/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HiddenField(form, "__RequestVerificationToken"),
            ["returnUrl"] = WebUtility.HtmlDecode(HiddenField(form, "returnUrl")),
            ["email"] = adminEmail,
            ["password"] = adminPassword,
        })));
        var callback = await ExpectRedirectAsync(await browser.GetAsync(back));
        var code = Regex.Match(callback.Query, "[?&]code=([^&]+)").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(code), $"No authorization code in {callback}");

        using var token = await browser.PostAsync("/api/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = "platform-web",
            ["code"] = Uri.UnescapeDataString(code),
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        }));
        var tokens = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement;
        _adminIdToken = tokens.GetProperty("id_token").GetString();
        return await AccessTokenOf(token);
    }

    private async Task<string> NewMachineClientTokenAsync(string role, Guid? organizationId) => (await NewClientAsync(role, organizationId)).Token;

    /// <summary>
    /// A machine client of its own for <paramref name="role"/>, with its client id (the subject of its tokens) and a token;
    /// an applicant acts for <paramref name="organizationId"/> or, as a graduate, by <paramref name="participantId"/>.
    /// </summary>
    public async Task<(string ClientId, string Token)> NewClientAsync(string role, Guid? organizationId = null, Guid? participantId = null)
    {
        using var http = new HttpClient { BaseAddress = gateway };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await ForRoleAsync("programme-admin"));
        var clientId = $"e2e-{role}-{Guid.NewGuid():N}"[..40];
        using var created = await http.PostAsJsonAsync("/api/identity/clients", new { clientId, displayName = $"End-to-end {role}", roles = new[] { role }, organizationId, participantId });
        Assert.True(created.IsSuccessStatusCode, $"Creating a {role} client: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientSecret").GetString()!;

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["scope"] = "platform-api" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));
        using var token = await http.SendAsync(request);
        return (clientId, await AccessTokenOf(token));
    }

    private static async Task<Uri> ExpectRedirectAsync(HttpResponseMessage response)
    {
        using (response)
        {
            Assert.True(response.StatusCode is HttpStatusCode.Found or HttpStatusCode.Redirect or HttpStatusCode.SeeOther,
                $"Expected a redirect, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            return response.Headers.Location!;
        }
    }

    private static async Task<string> AccessTokenOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token request failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    private static string HiddenField(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"The login page has no {name} field.");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
