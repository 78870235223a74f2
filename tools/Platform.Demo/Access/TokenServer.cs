using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.Demo.Access;

/// <summary>
/// Tokens from the platform's token server, through the gateway, as its clients get them: the programme admin signs in
/// with the authorization code flow and PKCE (the public client <c>platform-web</c>, the loopback redirect); any other
/// role is a machine client the admin creates once, whose secret is kept under the state directory and reused.
/// </summary>
internal sealed partial class TokenServer(Gateway gateway, ToolOptions options)
{
    private const string WebClient = "platform-web";
    private const string Redirect = "http://127.0.0.1/callback";
    private readonly Dictionary<string, string> _tokens = [];
    private string? _admin;

    public async Task<string> SignInAsAdminAsync()
    {
        if (_admin is not null)
        {
            return _admin;
        }

        var password = options.AdminPassword
            ?? throw new ToolException("PLATFORM_ADMIN_PASSWORD is not set (./platform.sh reads it from: dotnet user-secrets list --project AppHost)");
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseProxy = false })
        {
            BaseAddress = gateway.Address,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var state = Base64Url(RandomNumberGenerator.GetBytes(12));
        // Each step goes through the gateway's retries: the sign-in endpoints have a strict rate limit, and a 429 says
        // when to try again (two `./platform.sh token` calls in one second hit it).
        var login = await RedirectAsync(browser, () => new HttpRequestMessage(HttpMethod.Get,
            $"/api/identity/connect/authorize?client_id={WebClient}&response_type=code&scope={Uri.EscapeDataString("openid profile platform-api")}"
            + $"&redirect_uri={Uri.EscapeDataString(Redirect)}&code_challenge={challenge}&code_challenge_method=S256&state={state}"), "authorize");
        using var page = await gateway.SendAsync(() => new HttpRequestMessage(HttpMethod.Get, login), browser);
        var form = await page.EnsureSuccessStatusCode().Content.ReadAsStringAsync();
        var signedIn = await RedirectAsync(browser, () => new HttpRequestMessage(HttpMethod.Post, "/api/identity/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = Hidden(form, "__RequestVerificationToken"),
                ["returnUrl"] = Hidden(form, "returnUrl"),
                ["email"] = options.AdminEmail,
                ["password"] = password,
            }),
        }, $"signing in as {options.AdminEmail} (is PLATFORM_ADMIN_PASSWORD this platform's?)");
        var callback = await RedirectAsync(browser, () => new HttpRequestMessage(HttpMethod.Get, signedIn), "authorize, signed in");
        var query = System.Web.HttpUtility.ParseQueryString(callback.Query);
        if (query["state"] != state || query["code"] is not { Length: > 0 } code)
        {
            throw new ToolException($"the token server did not return a code for this sign-in: {callback}");
        }

        _admin = await TokenAsync(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["client_id"] = WebClient,
            ["code"] = code,
            ["redirect_uri"] = Redirect,
            ["code_verifier"] = verifier,
        }, "the code exchange");
        return _admin;
    }

    /// <summary>
    /// A client-credentials token of the machine client <c>cli-{role}</c> (<c>cli-{role}-{organization}</c> for an
    /// applicant of one organisation), created through the Identity admin API on first use and reused afterwards.
    /// </summary>
    public async Task<string> MachineClientTokenAsync(string role, Guid? organizationId, string? name = null)
    {
        var clientId = name ?? (organizationId is { } org ? $"cli-{role}-{org:N}" : $"cli-{role}");
        if (_tokens.TryGetValue(clientId, out var cached))
        {
            return cached;
        }

        var stored = SecretFile(clientId);
        if (File.Exists(stored) && await TryClientCredentialsAsync(clientId, await File.ReadAllTextAsync(stored)) is { } reused)
        {
            return _tokens[clientId] = reused;
        }

        // Its secret is shown only when it is created: a client whose secret is not kept here is replaced.
        var admin = gateway.As(await SignInAsAdminAsync(), new Changes());
        if (await admin.FindAsync($"/api/identity/clients/{clientId}") is not null)
        {
            using var removed = await gateway.SendAsync(() => new HttpRequestMessage(HttpMethod.Delete, $"/api/identity/clients/{clientId}")
            {
                Headers = { Authorization = new("Bearer", _admin) },
            });
            await Gateway.ReadAsync(removed, $"replacing the machine client {clientId}");
        }

        var created = await admin.PostAsync("/api/identity/clients",
            new { clientId, displayName = $"{role} ({(organizationId is null ? "platform.sh" : $"for {organizationId}")})", roles = new[] { role }, organizationId },
            $"client-{clientId}-{Guid.NewGuid():N}");
        var secret = created.GetProperty("clientSecret").GetString()!;
        Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
        await File.WriteAllTextAsync(stored, secret);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(stored, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return _tokens[clientId] = await TryClientCredentialsAsync(clientId, secret)
            ?? throw new ToolException($"the new machine client {clientId} got no token");
    }

    private string SecretFile(string clientId) => Path.Combine(options.StateDirectory, "clients", $"{clientId}.secret");

    private async Task<string?> TryClientCredentialsAsync(string clientId, string secret)
    {
        using var response = await gateway.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/identity/connect/token")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = clientId,
                ["client_secret"] = secret.Trim(),
                ["scope"] = "platform-api",
            }),
        });
        return response.IsSuccessStatusCode
            ? (await Gateway.ReadAsync(response, "client credentials")).GetProperty("access_token").GetString()
            : null;
    }

    private async Task<string> TokenAsync(Dictionary<string, string> form, string step)
    {
        using var response = await gateway.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/identity/connect/token") { Content = new FormUrlEncodedContent(form) });
        return (await Gateway.ReadAsync(response, step)).GetProperty("access_token").GetString()!;
    }

    private async Task<Uri> RedirectAsync(HttpClient browser, Func<HttpRequestMessage> request, string step)
    {
        using var response = await gateway.SendAsync(request, browser);
        if (response.StatusCode != HttpStatusCode.Found || response.Headers.Location is not { } location)
        {
            throw new ToolException($"{step}: expected a redirect, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return location.IsAbsoluteUri ? location : new Uri(browser.BaseAddress!, location);
    }

    private static string Hidden(string html, string name) =>
        HiddenInput().Matches(html).FirstOrDefault(m => WebUtility.HtmlDecode(m.Groups["name"].Value) == name) is { } match
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new ToolException($"the login page has no field {name}");

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    [GeneratedRegex("""<input type="hidden" name="(?<name>[^"]*)" value="(?<value>[^"]*)">""")]
    private static partial Regex HiddenInput();
}
