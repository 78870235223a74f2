using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Capacity.Data;
using Platform.IntegrationTests.Capacity;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Identity;

/// <summary>
/// The run's token server and, trusting it, a real service (Capacity) that validates its access tokens locally and
/// polls its revocation list: where a revoked token must stop working. People and clients are made per test.
/// </summary>
[CollectionDefinition(TokenServerFixture.Collection)]
public sealed class TokenServerCollection : ICollectionFixture<TokenServerFixture>;

public sealed class TokenServerFixture(PlatformServers servers) : IAsyncLifetime
{
    /// <summary>One service for all the token server's test classes: they share it, one class at a time.</summary>
    public const string Collection = "token-server";

    public const string PersonScope = "openid profile offline_access " + PlatformClaims.ApiScope;
    public const string ServicePath = "/api/capacity/organizations";

    public ServiceApp<CapacityDbContext> Service { get; private set; } = null!;

    public PlatformIdentity Identity => Service.Identity;

    public IdentityApp TokenServer => Identity.App;

    /// <summary>How long a revocation may take to reach a service: a poll (2 s) with room for a loaded machine.</summary>
    public static TimeSpan Propagation => TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Service = new ServiceApp<CapacityDbContext>(servers, "capacity-db", await servers.CreateDatabaseAsync("capacity_identity"));
        await Service.StartAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Service is not null)
        {
            await Service.DisposeAsync();
        }
    }

    /// <summary>The token server's admin API as the programme admin.</summary>
    public async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var http = TokenServer.CreateBrowser();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await Identity.Tokens.AccessTokenAsync(PlatformRoles.ProgrammeAdmin));
        return await http.SendAsync(request, Ct);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode} {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>A person with <paramref name="role"/> and a password of their own (no first-sign-in change).</summary>
    public async Task<Person> NewPersonAsync(string role = PlatformRoles.Monitor)
    {
        var email = $"person-{Guid.NewGuid():N}@platform.test";
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));
        var created = await JsonAsync(
            await AdminAsync(HttpMethod.Post, "/api/identity/users", new { email, displayName = "Nino Beridze", role, password }), HttpStatusCode.Created);
        return new Person(created.GetProperty("id").GetGuid(), email, password);
    }

    /// <summary>The person signs in through a browser of their own, kept for a later sign-out.</summary>
    public async Task<(HttpClient Browser, IssuedTokens Tokens)> SignInAsync(Person person)
    {
        var browser = TokenServer.CreateBrowser();
        return (browser, await Identity.Tokens.SignInAsync(browser, PersonScope, person.Email, person.Password));
    }

    /// <summary>The refresh token grant of the web client; the raw answer.</summary>
    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var http = TokenServer.CreateBrowser();
        return await http.PostAsync("/api/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = PlatformTokens.WebClientId,
            ["refresh_token"] = refreshToken,
        }), Ct);
    }

    /// <summary>RFC 7009 revocation, the client named (public) or authenticated (confidential) in the form.</summary>
    public async Task<HttpResponseMessage> RevokeAsync(string token, string clientId, string? clientSecret = null, string? hint = null)
    {
        using var http = TokenServer.CreateBrowser();
        var form = new Dictionary<string, string> { ["token"] = token, ["client_id"] = clientId };
        if (clientSecret is not null)
        {
            form["client_secret"] = clientSecret;
        }

        if (hint is not null)
        {
            form["token_type_hint"] = hint;
        }

        return await http.PostAsync("/api/identity/connect/revoke", new FormUrlEncodedContent(form), Ct);
    }

    /// <summary>What the service answers to this access token on a read every role with a token may make (monitor and up).</summary>
    public async Task<HttpStatusCode> ServiceAnswersAsync(string accessToken)
    {
        using var client = Service.ClientWithToken(accessToken);
        using var response = await client.GetAsync(ServicePath, Ct);
        return response.StatusCode;
    }

    /// <summary>Waits until the service refuses the token (401), as it must within a poll of the revocation list.</summary>
    public Task RefusedByTheServiceAsync(string accessToken, string what) =>
        Eventually.HoldsAsync(async () => await ServiceAnswersAsync(accessToken) == HttpStatusCode.Unauthorized, Propagation,
            $"the service to refuse {what}");

    /// <summary>Waits until the service's copy of the revocation list is the token server's as of now: what it refuses from then on is decided.</summary>
    public async Task ServiceHasPolledAsync()
    {
        var list = Service.Services.GetRequiredService<RevocationList>();
        using var http = TokenServer.CreateBrowser();
        using var current = await http.GetAsync(RevocationList.Path, Ct);
        var version = current.Headers.ETag?.Tag.Trim('"');
        Assert.False(string.IsNullOrEmpty(version), "the revocation list has no ETag");
        await Eventually.HoldsAsync(() => Task.FromResult(list.Version == version), Propagation, "the service to have the token server's revocation list");
    }

    public static async Task<string> OAuthErrorAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden,
            $"expected an OAuth error, got {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("error").GetString()!;
    }
}

public sealed record Person(Guid Id, string Email, string Password);
