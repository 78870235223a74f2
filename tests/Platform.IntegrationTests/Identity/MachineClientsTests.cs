using System.Net;
using System.Text.Json;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Identity;

/// <summary>
/// The programme admin lists machine clients (paged, never with a secret) and rotates a secret: the new one is
/// shown once and works, the old one stops at once, and tokens obtained with it are refused within seconds.
/// </summary>
[Collection(TokenServerFixture.Collection)]
public sealed class MachineClientsTests(TokenServerFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Clients_are_listed_paged_without_secrets()
    {
        var created = await fixture.Identity.Tokens.NewClientAsync(PlatformRoles.Evaluator);

        var all = new List<JsonElement>();
        JsonElement page;
        var number = 1;
        do
        {
            page = await TokenServerFixture.JsonAsync(
                await fixture.AdminAsync(HttpMethod.Get, $"/api/identity/clients?page={number++}&pageSize=2"), HttpStatusCode.OK);
            Assert.True(page.GetProperty("items").GetArrayLength() <= 2);
            all.AddRange(page.GetProperty("items").EnumerateArray());
        }
        while (all.Count < page.GetProperty("total").GetInt64());

        var listed = Assert.Single(all, c => c.GetProperty("clientId").GetString() == created.ClientId);
        Assert.Equal([PlatformRoles.Evaluator], listed.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.DoesNotContain(all, c => c.TryGetProperty("clientSecret", out _));
        Assert.DoesNotContain(all, c => c.GetProperty("clientId").GetString() == "platform-web");
        var evaluators = await TokenServerFixture.JsonAsync(
            await fixture.AdminAsync(HttpMethod.Get, "/api/identity/clients?role=evaluator&pageSize=100"), HttpStatusCode.OK);
        Assert.All(evaluators.GetProperty("items").EnumerateArray(),
            c => Assert.Contains(PlatformRoles.Evaluator, c.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
    }

    [Fact]
    public async Task A_bad_page_size_or_role_is_a_400_naming_the_field()
    {
        var problem = await TokenServerFixture.JsonAsync(
            await fixture.AdminAsync(HttpMethod.Get, "/api/identity/clients?pageSize=101&role=wizard"), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("pageSize", out _), problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("role", out _), problem.ToString());
    }

    [Fact]
    public async Task Only_the_programme_admin_lists_clients()
    {
        using var monitor = fixture.TokenServer.CreateBrowser();
        monitor.DefaultRequestHeaders.Authorization = new("Bearer", await fixture.Identity.Tokens.AccessTokenAsync(PlatformRoles.Monitor));

        using var response = await monitor.GetAsync("/api/identity/clients", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_rotated_secret_replaces_the_old_one_at_once()
    {
        var client = await fixture.Identity.Tokens.NewClientAsync(PlatformRoles.Monitor);
        var before = await fixture.Identity.Tokens.ClientCredentialsAsync(client);
        Assert.Equal(HttpStatusCode.OK, await fixture.ServiceAnswersAsync(before.AccessToken));

        var rotated = await TokenServerFixture.JsonAsync(
            await fixture.AdminAsync(HttpMethod.Post, $"/api/identity/clients/{client.ClientId}/secret"), HttpStatusCode.OK);
        var secret = rotated.GetProperty("clientSecret").GetString()!;

        Assert.NotEqual(client.ClientSecret, secret);
        Assert.Equal("invalid_client", await TokenServerFixture.OAuthErrorAsync(await TokenAsync(client.ClientId, client.ClientSecret)));
        var after = await fixture.Identity.Tokens.ClientCredentialsAsync(client with { ClientSecret = secret });
        await fixture.RefusedByTheServiceAsync(before.AccessToken, "a token obtained with the old secret");
        Assert.Equal(HttpStatusCode.OK, await fixture.ServiceAnswersAsync(after.AccessToken));
        var read = await TokenServerFixture.JsonAsync(await fixture.AdminAsync(HttpMethod.Get, $"/api/identity/clients/{client.ClientId}"), HttpStatusCode.OK);
        Assert.False(read.TryGetProperty("clientSecret", out _));
    }

    [Fact]
    public async Task Rotating_an_unknown_client_or_the_sign_in_client_is_404()
    {
        using var unknown = await fixture.AdminAsync(HttpMethod.Post, "/api/identity/clients/no-such-client/secret");
        using var web = await fixture.AdminAsync(HttpMethod.Post, "/api/identity/clients/platform-web/secret");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, web.StatusCode);
    }

    private async Task<HttpResponseMessage> TokenAsync(string clientId, string secret)
    {
        using var http = fixture.TokenServer.CreateBrowser();
        return await http.PostAsync("/api/identity/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = PlatformClaims.ApiScope,
        }), Ct);
    }
}
