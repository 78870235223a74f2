using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Bench;

/// <summary>
/// Gets an access token from the platform's token server as a program would: the programme admin signs in
/// (authorization code + PKCE, through the login page), creates a machine client with the role asked for, and
/// that client uses client credentials. The token is then validated by the gateway and the services exactly as
/// any other: issuer, audience, RS256 signature against the token server's published keys.
/// </summary>
internal static partial class TokenClient
{
    private const string WebClientId = "platform-web";
    private const string RedirectUri = "http://127.0.0.1/callback";
    private const string Scope = "openid platform-api";

    public static async Task<int> MainAsync(Uri server, string email, string password, string role)
    {
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer(), UseProxy = false })
        {
            BaseAddress = new Uri(server.GetLeftPart(UriPartial.Authority)),
            Timeout = TimeSpan.FromSeconds(30),
        };

        var admin = await SignInAsync(browser, email, password);
        var clientId = $"bench-{role}-{Guid.NewGuid():N}"[..40];
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/identity/clients")
        {
            Content = JsonContent.Create(new { clientId, displayName = $"Benchmarks ({role})", roles = new[] { role } }),
        };
        create.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
        var created = await ExpectAsync(await browser.SendAsync(create), HttpStatusCode.Created, "creating the machine client");
        var secret = created.GetProperty("clientSecret").GetString()!;

        var token = await ExpectAsync(await browser.PostAsync("/api/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "platform-api",
        })), HttpStatusCode.OK, "client credentials");
        Console.WriteLine(token.GetProperty("access_token").GetString());
        return 0;
    }

    private static async Task<string> SignInAsync(HttpClient browser, string email, string password)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Guid.NewGuid().ToString("N");
        var authorize = "/api/identity/connect/authorize?" + string.Join("&", new Dictionary<string, string>
        {
            ["client_id"] = WebClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = RedirectUri,
            ["scope"] = Scope,
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
            ["state"] = state,
        }.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));

        var toLogin = await RedirectOfAsync(await browser.GetAsync(authorize), "authorize, not signed in");
        var page = await browser.GetAsync(toLogin);
        var html = await page.Content.ReadAsStringAsync();
        if (page.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"the login page answered {(int)page.StatusCode}: {html}");
        }

        var signIn = await browser.PostAsync("/api/identity/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = HiddenField(html, "__RequestVerificationToken"),
            ["returnUrl"] = HiddenField(html, "returnUrl"),
            ["email"] = email,
            ["password"] = password,
        }));
        var backToAuthorize = await RedirectOfAsync(signIn, "the login form");
        var callback = await RedirectOfAsync(await browser.GetAsync(backToAuthorize), "authorize, signed in");
        var query = callback.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0], p => Uri.UnescapeDataString(p.Length > 1 ? p[1] : ""));
        if (query.GetValueOrDefault("state") != state || query.GetValueOrDefault("code") is not { Length: > 0 } code)
        {
            throw new InvalidOperationException($"no code for this sign-in in {callback}");
        }

        var tokens = await ExpectAsync(await browser.PostAsync("/api/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = WebClientId,
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        })), HttpStatusCode.OK, "the code exchange");
        return tokens.GetProperty("access_token").GetString()!;
    }

    private static async Task<JsonElement> ExpectAsync(HttpResponseMessage response, HttpStatusCode status, string step)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == status
            ? JsonDocument.Parse(text).RootElement.Clone()
            : throw new InvalidOperationException($"{step}: expected {(int)status}, got {(int)response.StatusCode} {text}");
    }

    private static async Task<Uri> RedirectOfAsync(HttpResponseMessage response, string step)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.StatusCode == HttpStatusCode.Found && response.Headers.Location is { } location
            ? location
            : throw new InvalidOperationException($"{step}: expected a 302, got {(int)response.StatusCode} {text}");
    }

    private static string HiddenField(string html, string name) =>
        HiddenInput().Matches(html).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups["name"].Value) == name) is { } match
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException($"no hidden field {name} in the login page: {html}");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();
}
