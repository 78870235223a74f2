using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Platform.EndToEndTests;

/// <summary>
/// Who may do what, through the gateway with tokens from the real token server: every role against every
/// endpoint group, tokens the platform must refuse, the rate limit, and the services' own check behind the gateway.
/// </summary>
public sealed class AccessControlTests(PlatformFixture platform)
{
    private static readonly string[] Readers =
        ["programme-admin", "capacity-team", "grants-team", "youth-team", "partnerships-team", "media-team", "monitor"];

    private static readonly string[] Roles = [.. Readers, "evaluator", "applicant"];

    private static readonly SemaphoreSlim SetupLock = new(1, 1);
    private static Guid? _organizationId;
    private static Guid? _applicantOrganizationId;

    /// <summary>Role (or <c>anonymous</c>) × endpoint group × the status that role must get.</summary>
    public static TheoryData<string, string, int> Matrix()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var group in EndpointGroups.Keys)
        {
            data.Add("anonymous", group, 401);
            foreach (var role in Roles)
            {
                data.Add(role, group, Allowed(role, group) ? SuccessOf(group) : 403);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, (HttpMethod Method, string Path)> EndpointGroups = new()
    {
        ["capacity: list organisations"] = (HttpMethod.Get, "/api/capacity/organizations?pageSize=1"),
        ["capacity: register an organisation"] = (HttpMethod.Post, "/api/capacity/organizations"),
        ["capacity: update an organisation"] = (HttpMethod.Put, "/api/capacity/organizations/{id}"),
        ["grants: read its organisation projection"] = (HttpMethod.Get, "/api/grants/organizations/{id}"),
        ["youth: read its organisation projection"] = (HttpMethod.Get, "/api/youth/organizations/{id}"),
        ["capacity: read an audit trail"] = (HttpMethod.Get, "/api/capacity/audit/{id}"),
        ["identity: list users"] = (HttpMethod.Get, "/api/identity/users"),
    };

    private static bool Allowed(string role, string group) => group switch
    {
        "capacity: register an organisation" or "capacity: update an organisation" => role is "programme-admin" or "capacity-team",
        "capacity: read an audit trail" or "identity: list users" => role is "programme-admin",
        _ => Readers.Contains(role),
    };

    private static int SuccessOf(string group) => group == "capacity: register an organisation" ? 201 : 200;

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_role_gets_exactly_what_it_may(string role, string group, int expected)
    {
        var ct = TestContext.Current.CancellationToken;
        var organizationId = await SharedOrganizationAsync(ct);
        var (method, template) = EndpointGroups[group];

        using var withToken = role == "anonymous" ? null : await platform.GatewayAsAsync(role, role == "applicant" ? await ApplicantOrganizationAsync(ct) : null);
        var client = withToken ?? platform.Gateway;
        using var request = new HttpRequestMessage(method, template.Replace("{id}", organizationId.ToString()));
        if (method != HttpMethod.Get)
        {
            request.Content = JsonContent.Create(OrganizationBody(method == HttpMethod.Post ? $"Access test {Guid.NewGuid():N}" : SharedName));
        }

        using var response = await client.SendAsync(request, ct);

        Assert.True((int)response.StatusCode == expected, $"{role} on '{group}': expected {expected}, got {(int)response.StatusCode}");
        if (expected >= 400)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task Tokens_the_platform_did_not_issue_for_its_api_are_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        var issuer = $"{platform.Gateway.BaseAddress!.ToString().TrimEnd('/')}/api/identity/";
        string[] refused =
        [
            "not-a-token",
            Forge(issuer, "platform-api", expires: DateTime.UtcNow.AddMinutes(10)),         // signed by a key of our own
            Forge(issuer, "platform-api", expires: DateTime.UtcNow.AddMinutes(-10)),        // expired (and forged)
            Forge("http://elsewhere.example/", "platform-api", DateTime.UtcNow.AddMinutes(10)), // another issuer
            await platform.Tokens.AdminIdTokenAsync(),                                      // real, but for the web client, not the API
        ];

        foreach (var (token, i) in refused.Select((t, i) => (t, i)))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/capacity/organizations");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await platform.Gateway.SendAsync(request, ct);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"Token {i} was not refused: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task A_service_called_directly_checks_tokens_and_roles_itself()
    {
        var ct = TestContext.Current.CancellationToken;
        using var direct = platform.ServiceDirectly("capacity");
        using (var anonymous = await direct.GetAsync("/api/capacity/organizations", ct))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/capacity/organizations") { Content = JsonContent.Create(OrganizationBody($"Direct {Guid.NewGuid():N}")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await platform.Tokens.ForRoleAsync("monitor"));
        using var monitorWrite = await direct.SendAsync(request, ct);
        Assert.Equal(HttpStatusCode.Forbidden, monitorWrite.StatusCode);
    }

    [Fact]
    public async Task A_client_over_its_rate_limit_gets_429_with_retry_after()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = platform.ServiceDirectly("gateway");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await platform.Tokens.ForNewClientAsync("monitor"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 300).Select(_ => client.GetAsync("/api/capacity/organizations?pageSize=1", ct)));
        try
        {
            Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
            var limited = Assert.IsType<HttpResponseMessage>(responses.FirstOrDefault(r => r.StatusCode == HttpStatusCode.TooManyRequests), exactMatch: false);
            Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) >= 1);
            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task The_audit_trail_names_who_changed_a_record_from_which_client_and_under_which_correlation_id()
    {
        var ct = TestContext.Current.CancellationToken;
        using var team = await platform.GatewayAsAsync("capacity-team");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/capacity/organizations") { Content = JsonContent.Create(OrganizationBody($"Audited {Guid.NewGuid():N}")) };
        request.Headers.Add("X-Correlation-Id", "e2e-audit-1");
        using var created = await team.SendAsync(request, ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();

        using var admin = await platform.GatewayAsAsync("programme-admin");
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/capacity/audit/{id}", ct);
        var entry = Assert.Single(trail.EnumerateArray(), e => e.GetProperty("recordType").GetString() == "Organization");
        Assert.Equal("Added", entry.GetProperty("action").GetString());
        Assert.Equal("e2e-audit-1", entry.GetProperty("correlationId").GetString());
        Assert.StartsWith("e2e-capacity-team-", entry.GetProperty("clientId").GetString());
        Assert.Equal(entry.GetProperty("clientId").GetString(), entry.GetProperty("actor").GetString());
    }

    private const string SharedName = "Akhaltsikhe Access Test Centre";

    private static object OrganizationBody(string name) =>
        new { name = new { en = name }, type = "Cso", municipality = "SJ-AKHALTSIKHE" };

    /// <summary>One organisation the matrix reads and updates, registered once and known to Grants and Youth.</summary>
    private async Task<Guid> SharedOrganizationAsync(CancellationToken ct)
    {
        await SetupLock.WaitAsync(ct);
        try
        {
            if (_organizationId is { } known)
            {
                return known;
            }

            using var admin = await platform.GatewayAsAsync("programme-admin");
            using var created = await admin.PostAsJsonAsync("/api/capacity/organizations", OrganizationBody(SharedName), ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
            foreach (var service in new[] { "grants", "youth" })
            {
                await Eventually.GetAsync(
                    async () => (await admin.GetAsync($"/api/{service}/organizations/{id}", ct)).StatusCode == HttpStatusCode.OK ? id : (Guid?)null,
                    TimeSpan.FromSeconds(60),
                    $"organisation {id} in {service}");
            }

            _organizationId = id;
            return id;
        }
        finally
        {
            SetupLock.Release();
        }
    }

    /// <summary>Another registered organisation, the one the applicant acts for (the token server refuses an unknown one).</summary>
    private async Task<Guid> ApplicantOrganizationAsync(CancellationToken ct)
    {
        await SetupLock.WaitAsync(ct);
        try
        {
            if (_applicantOrganizationId is { } known)
            {
                return known;
            }

            using var admin = await platform.GatewayAsAsync("programme-admin");
            using var created = await admin.PostAsJsonAsync("/api/capacity/organizations", OrganizationBody($"Access test applicant {Guid.NewGuid():N}"), ct);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            _applicantOrganizationId = (await created.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetGuid();
            return _applicantOrganizationId.Value;
        }
        finally
        {
            SetupLock.Release();
        }
    }

    private static string Forge(string issuer, string audience, DateTime expires)
    {
        using var rsa = RSA.Create(2048);
        var key = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: true)) { KeyId = "forged" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "intruder"), new Claim("role", "programme-admin"), new Claim("client_id", "intruder")]),
            NotBefore = expires.AddMinutes(-20),
            IssuedAt = expires.AddMinutes(-20),
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256),
        });
    }
}
