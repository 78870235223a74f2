using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Capacity;

/// <summary>
/// Capacity, as the example of every service, trusts only access tokens of the platform's token server, for the
/// platform API, still valid; and the roles in them decide who reads and who writes.
/// </summary>
public sealed partial class AccessControlTests(CapacityFixture capacity) : IClassFixture<CapacityFixture>
{
    private const string Organizations = "/api/capacity/organizations";
    private const string NewOrganization = """{"name":{"en":"Akhaltsikhe Farmers' Union"},"type":"Cso","municipality":"SJ-AKHALTSIKHE"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PlatformTokens Tokens => capacity.App.Identity.Tokens;

    [Fact]
    public async Task Without_a_token_every_endpoint_is_a_401_problem_and_nothing_is_stored()
    {
        var id = await RegisterAsync();
        var before = await capacity.CountStoredAsync();
        using var anonymous = capacity.App.ClientFor(null);

        await AssertUnauthorizedAsync(await anonymous.GetAsync(Organizations, Ct), expectedError: null);
        await AssertUnauthorizedAsync(await anonymous.GetAsync($"{Organizations}/{id}", Ct), expectedError: null);
        await AssertUnauthorizedAsync(await anonymous.PostAsync(Organizations, Json(NewOrganization), Ct), expectedError: null);
        await AssertUnauthorizedAsync(await anonymous.SendAsync(IdempotentPost(Guid.NewGuid().ToString()), Ct), expectedError: null);
        await AssertUnauthorizedAsync(await anonymous.PutAsync($"{Organizations}/{id}", Json(NewOrganization), Ct), expectedError: null);
        await AssertUnauthorizedAsync(await anonymous.GetAsync($"/api/capacity/audit/{id}", Ct), expectedError: null);

        Assert.Equal(before, await capacity.CountStoredAsync());
        await AssertVersionAsync(id, 1);
    }

    public static TheoryData<string, string?> FalseTokens => new()
    {
        // case, what the service says is wrong with it (null: it cannot even read it)
        { "garbage", null },
        { "signed by our own key, under the server's key id", "The signature is invalid" },
        { "signed by our own key, under a key id of its own", "The signature key was not found" },
        { "the real token of capacity-team with its role changed to programme-admin", "The signature is invalid" },
        { "unsigned (alg none)", "The signature is invalid" },
    };

    [Theory]
    [MemberData(nameof(FalseTokens))]
    public async Task A_token_the_server_did_not_sign_is_a_401_problem_and_changes_nothing(string @case, string? description)
    {
        var real = await Tokens.AccessTokenAsync(PlatformRoles.CapacityTeam);
        var token = @case switch
        {
            "garbage" => "not-a-token",
            "signed by our own key, under the server's key id" => Jwts.SignedByOwnKey(real, Jwts.Header(real)["kid"]!.GetValue<string>()),
            "signed by our own key, under a key id of its own" => Jwts.SignedByOwnKey(real, Guid.NewGuid().ToString("N")),
            "the real token of capacity-team with its role changed to programme-admin" =>
                Jwts.Tampered(real, claims => claims["role"] = new JsonArray(PlatformRoles.ProgrammeAdmin)),
            "unsigned (alg none)" => Jwts.Unsigned(real),
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, null),
        };
        var id = await RegisterAsync();
        var before = await capacity.CountStoredAsync();
        using var client = capacity.App.ClientWithToken(token);

        await AssertUnauthorizedAsync(await client.GetAsync($"{Organizations}/{id}", Ct), "invalid_token", description);
        await AssertUnauthorizedAsync(await client.PostAsync(Organizations, Json(NewOrganization), Ct), "invalid_token", description);
        await AssertUnauthorizedAsync(await client.PutAsync($"{Organizations}/{id}", Json(NewOrganization), Ct), "invalid_token", description);
        await AssertUnauthorizedAsync(await client.GetAsync($"/api/capacity/audit/{id}", Ct), "invalid_token", description);

        Assert.Equal(before, await capacity.CountStoredAsync());
        await AssertVersionAsync(id, 1);
    }

    [Fact]
    public async Task An_expired_token_of_the_real_server_is_a_401_problem()
    {
        // The same server (same database: same signing keys and clients) with its clock an hour behind: it issues
        // real tokens, signed by keys the service trusts, that expired 45 minutes ago (beyond the 30 s of skew allowed).
        await using var lateServer = await capacity.App.Identity.StartVariantAsync(clockOffset: TimeSpan.FromHours(-1));
        var client = await Tokens.ClientForRoleAsync(PlatformRoles.CapacityTeam);
        var expired = (await Tokens.ClientCredentialsAsync(client, server: lateServer)).AccessToken;
        var claims = Jwts.Payload(expired);
        Assert.Equal(PlatformIdentity.Issuer, claims["iss"]!.GetValue<string>());
        Assert.True(DateTimeOffset.FromUnixTimeSeconds(claims["exp"]!.GetValue<long>()) < DateTimeOffset.UtcNow.AddMinutes(-30), $"exp should be long past: {claims}");
        var before = await capacity.CountStoredAsync();
        using var http = capacity.App.ClientWithToken(expired);

        await AssertUnauthorizedAsync(await http.GetAsync(Organizations, Ct), "invalid_token", "The token expired at");
        await AssertUnauthorizedAsync(await http.PostAsync(Organizations, Json(NewOrganization), Ct), "invalid_token", "The token expired at");

        Assert.Equal(before, await capacity.CountStoredAsync());
        // The same client's fresh token from the real server is accepted: it was the expiry and nothing else.
        Assert.Equal(HttpStatusCode.OK, (await capacity.App.ClientFor(PlatformRoles.CapacityTeam).GetAsync(Organizations, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_token_naming_another_issuer_is_a_401_problem_even_when_signed_by_a_trusted_key()
    {
        const string otherIssuer = "http://other-identity.test/api/identity/";
        await using var otherServer = await capacity.App.Identity.StartVariantAsync(issuer: otherIssuer);
        var client = await Tokens.ClientForRoleAsync(PlatformRoles.CapacityTeam);
        var token = (await Tokens.ClientCredentialsAsync(client, server: otherServer)).AccessToken;
        Assert.Equal(otherIssuer, Jwts.Payload(token)["iss"]!.GetValue<string>());
        Assert.Equal(Jwts.Header(await Tokens.AccessTokenAsync(PlatformRoles.CapacityTeam))["kid"]!.GetValue<string>(), Jwts.Header(token)["kid"]!.GetValue<string>());
        var before = await capacity.CountStoredAsync();
        using var http = capacity.App.ClientWithToken(token);

        await AssertUnauthorizedAsync(await http.GetAsync(Organizations, Ct), "invalid_token", $"The issuer '{otherIssuer}' is invalid");
        await AssertUnauthorizedAsync(await http.PostAsync(Organizations, Json(NewOrganization), Ct), "invalid_token", $"The issuer '{otherIssuer}' is invalid");

        Assert.Equal(before, await capacity.CountStoredAsync());
    }

    [Fact]
    public async Task A_token_not_meant_for_the_platform_API_is_a_401_problem()
    {
        // The admin's identity token (for the web client, audience platform-web), sent as if it were an access token.
        var signIn = await Tokens.SignInAsync($"openid {PlatformTokens.ApiScope}");
        Assert.NotNull(signIn.IdToken);
        Assert.Equal(PlatformTokens.WebClientId, AudiencesOf(signIn.IdToken).Single());
        // An access token asked for without the platform-api scope carries no audience at all.
        var withoutApiScope = await Tokens.SignInAsync("openid");
        Assert.Empty(AudiencesOf(withoutApiScope.AccessToken));
        var before = await capacity.CountStoredAsync();

        foreach (var token in new[] { signIn.IdToken, withoutApiScope.AccessToken })
        {
            // JwtBearer names no audience in its description ("The audience '(null)' is invalid"): the start says enough.
            using var http = capacity.App.ClientWithToken(token);
            await AssertUnauthorizedAsync(await http.GetAsync(Organizations, Ct), "invalid_token", "The audience ");
            await AssertUnauthorizedAsync(await http.PostAsync(Organizations, Json(NewOrganization), Ct), "invalid_token", "The audience ");
        }

        Assert.Equal(before, await capacity.CountStoredAsync());
        // The access token of the same sign-in, for the platform API, is accepted.
        using var accepted = capacity.App.ClientWithToken(signIn.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await accepted.GetAsync(Organizations, Ct)).StatusCode);
    }

    public static TheoryData<string, string, HttpStatusCode> Permissions => new()
    {
        // role, request, expected status
        { PlatformRoles.Monitor, "GET", HttpStatusCode.OK },
        { PlatformRoles.Monitor, "GET list", HttpStatusCode.OK },
        { PlatformRoles.Monitor, "POST", HttpStatusCode.Forbidden },
        { PlatformRoles.Monitor, "PUT", HttpStatusCode.Forbidden },
        { PlatformRoles.GrantsTeam, "GET", HttpStatusCode.OK },
        { PlatformRoles.GrantsTeam, "GET list", HttpStatusCode.OK },
        { PlatformRoles.GrantsTeam, "POST", HttpStatusCode.Forbidden },
        { PlatformRoles.GrantsTeam, "PUT", HttpStatusCode.Forbidden },
        { PlatformRoles.CapacityTeam, "GET", HttpStatusCode.OK },
        { PlatformRoles.CapacityTeam, "POST", HttpStatusCode.Created },
        { PlatformRoles.CapacityTeam, "PUT", HttpStatusCode.OK },
        { PlatformRoles.ProgrammeAdmin, "GET", HttpStatusCode.OK },
        { PlatformRoles.ProgrammeAdmin, "POST", HttpStatusCode.Created },
        { PlatformRoles.ProgrammeAdmin, "PUT", HttpStatusCode.OK },
        // Evaluators see only the applications assigned to them, in Grants: not the registry.
        { PlatformRoles.Evaluator, "GET", HttpStatusCode.Forbidden },
        { PlatformRoles.Evaluator, "GET list", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Permissions))]
    public async Task Roles_decide_who_reads_and_who_writes(string role, string request, HttpStatusCode expected)
    {
        var id = await RegisterAsync();
        var before = await capacity.CountStoredAsync();
        using var client = capacity.App.ClientFor(role);

        var response = request switch
        {
            "GET" => await client.GetAsync($"{Organizations}/{id}", Ct),
            "GET list" => await client.GetAsync(Organizations, Ct),
            "POST" => await client.PostAsync(Organizations, Json(NewOrganization), Ct),
            "PUT" => await client.PutAsync($"{Organizations}/{id}", Json("""{"name":{"en":"Akhaltsikhe Farmers' Union (renamed)"},"type":"Cso","municipality":"SJ-AKHALTSIKHE"}"""), Ct),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request, null),
        };

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"{role} {request}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        if (expected == HttpStatusCode.Forbidden)
        {
            await AssertProblemAsync(response, HttpStatusCode.Forbidden, null);
            Assert.Equal(before, await capacity.CountStoredAsync());
            await AssertVersionAsync(id, 1);
        }
        else if (request == "GET")
        {
            Assert.Equal(id, (await ReadJsonAsync(response)).GetProperty("id").GetGuid());
        }
        else if (request == "GET list")
        {
            Assert.Equal(before.Organizations, (await ReadJsonAsync(response)).GetProperty("total").GetInt64());
        }
        else if (request == "POST")
        {
            Assert.Equal((before.Organizations + 1, before.OutboxMessages + 1), await capacity.CountStoredAsync());
        }
        else
        {
            await AssertVersionAsync(id, 2);
        }
    }

    private static IEnumerable<string> AudiencesOf(string jwt) =>
        Jwts.Payload(jwt)["aud"] switch
        {
            null => [],
            JsonArray many => many.Select(a => a!.GetValue<string>()),
            var one => [one.GetValue<string>()],
        };

    private static HttpRequestMessage IdempotentPost(string key) =>
        new(HttpMethod.Post, Organizations) { Content = Json(NewOrganization), Headers = { { "Idempotency-Key", key } } };

    private async Task<Guid> RegisterAsync() =>
        (await ReadJsonAsync(await capacity.Client.PostAsync(Organizations, Json(NewOrganization), Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    private async Task AssertVersionAsync(Guid id, int version) =>
        Assert.Equal(version, (await ReadJsonAsync(await capacity.Client.GetAsync($"{Organizations}/{id}", Ct), HttpStatusCode.OK)).GetProperty("version").GetInt32());

    /// <summary>
    /// 401, a problem, and a Bearer challenge; for a token that was sent, <c>error</c> and what the service found
    /// wrong with it (<paramref name="description"/> starts the <c>error_description</c>; null: there is none).
    /// </summary>
    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string? expectedError, string? description = null)
    {
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, null);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        var parameters = ParametersOf(challenge);
        if (expectedError is null)
        {
            Assert.False(parameters.ContainsKey("error"), $"no token, no error: {challenge}");
            return;
        }

        Assert.Equal(expectedError, parameters.GetValueOrDefault("error"));
        if (description is null)
        {
            Assert.False(parameters.ContainsKey("error_description"), $"unexpected description: {challenge}");
        }
        else
        {
            Assert.StartsWith(description, parameters.GetValueOrDefault("error_description") ?? "", StringComparison.Ordinal);
        }
    }

    private static Dictionary<string, string> ParametersOf(AuthenticationHeaderValue challenge) =>
        ChallengeParameter().Matches(challenge.Parameter ?? "").ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

    [GeneratedRegex("(?<name>[a-z_]+)=\"(?<value>[^\"]*)\"")]
    private static partial Regex ChallengeParameter();
}
