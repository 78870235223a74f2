using System.Net;
using System.Text.Json;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Identity;

/// <summary>
/// RFC 7009 at <c>/connect/revoke</c>, found through discovery as a certified client library looks for it: a
/// revoked refresh token ends its session (its access tokens refused by the services within seconds), a revoked
/// access token is refused likewise, an unknown token is a 200 as the RFC says, and another client's token is
/// refused and keeps working. Signing out ends the session's refresh token the same way.
/// </summary>
[Collection(TokenServerFixture.Collection)]
public sealed class RevocationTests(TokenServerFixture fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Discovery_names_the_revocation_endpoint()
    {
        using var http = fixture.TokenServer.CreateBrowser();
        var discovery = await TokenServerFixture.JsonAsync(await http.GetAsync("/api/identity/.well-known/openid-configuration", Ct), HttpStatusCode.OK);

        Assert.True(discovery.TryGetProperty("revocation_endpoint", out var endpoint), $"no revocation_endpoint in {discovery}");
        Assert.Equal(new Uri(fixture.TokenServer.Issuer, "connect/revoke"), new Uri(endpoint.GetString()!));
    }

    [Fact]
    public async Task Revoking_a_refresh_token_ends_its_session()
    {
        var person = await fixture.NewPersonAsync();
        var (browser, tokens) = await fixture.SignInAsync(person);
        using var _ = browser;
        Assert.Equal(HttpStatusCode.OK, await fixture.ServiceAnswersAsync(tokens.AccessToken));

        using var revoked = await fixture.RevokeAsync(tokens.RefreshToken!, PlatformTokens.WebClientId, hint: "refresh_token");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal("invalid_grant", await TokenServerFixture.OAuthErrorAsync(await fixture.RefreshAsync(tokens.RefreshToken!)));
        await fixture.RefusedByTheServiceAsync(tokens.AccessToken, "an access token of the ended session");
    }

    [Fact]
    public async Task A_revoked_access_token_is_refused_by_the_service_within_seconds()
    {
        var client = await fixture.Identity.Tokens.NewClientAsync(PlatformRoles.Monitor);
        var tokens = await fixture.Identity.Tokens.ClientCredentialsAsync(client);
        var other = await fixture.Identity.Tokens.ClientCredentialsAsync(client);
        Assert.Equal(HttpStatusCode.OK, await fixture.ServiceAnswersAsync(tokens.AccessToken));

        using var revoked = await fixture.RevokeAsync(tokens.AccessToken, client.ClientId, client.ClientSecret, hint: "access_token");

        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        await fixture.RefusedByTheServiceAsync(tokens.AccessToken, "the revoked access token");
        // Only that token: the client's other token works on.
        Assert.Equal(HttpStatusCode.OK, await fixture.ServiceAnswersAsync(other.AccessToken));
    }

    [Fact]
    public async Task An_unknown_token_is_a_200_as_RFC_7009_says()
    {
        var client = await fixture.Identity.Tokens.NewClientAsync(PlatformRoles.Monitor);

        using var confidential = await fixture.RevokeAsync("not-a-token-this-server-issued", client.ClientId, client.ClientSecret);
        using var bySignInClient = await fixture.RevokeAsync(Guid.NewGuid().ToString("N"), PlatformTokens.WebClientId);

        Assert.Equal(HttpStatusCode.OK, confidential.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bySignInClient.StatusCode);
    }

    [Fact]
    public async Task Another_clients_token_is_refused_and_keeps_working()
    {
        var owner = await fixture.Identity.Tokens.NewClientAsync(PlatformRoles.Monitor);
        var stranger = await fixture.Identity.Tokens.NewClientAsync(PlatformRoles.Monitor);
        var tokens = await fixture.Identity.Tokens.ClientCredentialsAsync(owner);

        using var revoked = await fixture.RevokeAsync(tokens.AccessToken, stranger.ClientId, stranger.ClientSecret);
        using var badSecret = await fixture.RevokeAsync(tokens.AccessToken, owner.ClientId, "not-the-secret");

        Assert.NotEqual(HttpStatusCode.OK, revoked.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, badSecret.StatusCode);
        await TokenServerFixture.OAuthErrorAsync(revoked);
        Assert.Equal("invalid_client", await TokenServerFixture.OAuthErrorAsync(badSecret));
        await fixture.ServiceHasPolledAsync();
        Assert.Equal(HttpStatusCode.OK, await fixture.ServiceAnswersAsync(tokens.AccessToken));
    }

    [Fact]
    public async Task Signing_out_revokes_the_sessions_refresh_token()
    {
        var person = await fixture.NewPersonAsync();
        var (browser, tokens) = await fixture.SignInAsync(person);
        using var _ = browser;

        using var signedOut = await browser.GetAsync("/api/identity/connect/logout", Ct);

        Assert.True(signedOut.StatusCode is HttpStatusCode.Found or HttpStatusCode.OK, $"sign-out: {(int)signedOut.StatusCode}");
        Assert.Equal("invalid_grant", await TokenServerFixture.OAuthErrorAsync(await fixture.RefreshAsync(tokens.RefreshToken!)));
        await fixture.RefusedByTheServiceAsync(tokens.AccessToken, "an access token of the signed-out session");
    }

    [Fact]
    public async Task Signing_out_leaves_the_persons_other_sessions_alone()
    {
        var person = await fixture.NewPersonAsync();
        var (laptop, kept) = await fixture.SignInAsync(person);
        var (phone, _) = await fixture.SignInAsync(person);
        using var __ = laptop;
        using var ___ = phone;

        using var signedOut = await phone.GetAsync("/api/identity/connect/logout", Ct);

        var refreshed = await TokenServerFixture.JsonAsync(await fixture.RefreshAsync(kept.RefreshToken!), HttpStatusCode.OK);
        Assert.False(string.IsNullOrEmpty(refreshed.GetProperty("access_token").GetString()));
    }

    [Fact]
    public async Task The_revocation_list_holds_hashes_only()
    {
        var person = await fixture.NewPersonAsync();
        await TokenServerFixture.JsonAsync(await fixture.AdminAsync(HttpMethod.Post, $"/api/identity/users/{person.Id}/deactivate"), HttpStatusCode.OK);
        using var http = fixture.TokenServer.CreateBrowser();

        var text = await (await http.GetAsync("/api/identity/connect/revocations", Ct)).Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain(person.Id.ToString(), text, StringComparison.OrdinalIgnoreCase);
        var entries = JsonDocument.Parse(text).RootElement.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("kind").GetString() == "subject" && e.GetProperty("hash").GetString() == RevocationList.Hash(person.Id.ToString()));
    }

    [Fact]
    public async Task A_validator_holding_the_current_list_is_answered_as_soon_as_someone_is_deactivated()
    {
        using var http = fixture.TokenServer.CreateBrowser();
        var version = await CurrentVersionAsync(http);

        // Held for up to 30 s: a 304 would mean the change did not release it.
        using var held = Held(version, 30);
        var answer = http.SendAsync(held, Ct);
        var person = await fixture.NewPersonAsync();
        await TokenServerFixture.JsonAsync(await fixture.AdminAsync(HttpMethod.Post, $"/api/identity/users/{person.Id}/deactivate"), HttpStatusCode.OK);

        using var changed = await answer;
        var entries = (await TokenServerFixture.JsonAsync(changed, HttpStatusCode.OK)).GetProperty("entries").EnumerateArray();
        Assert.Contains(entries, e => e.GetProperty("hash").GetString() == RevocationList.Hash(person.Id.ToString()));
        Assert.NotEqual(version, changed.Headers.ETag);
        Assert.Equal("no-store", changed.Headers.CacheControl?.ToString());
    }

    /// <summary>
    /// Another replica of the token server lists a revocation: it commits a row to the same database, as here. The
    /// database's notification releases the validators this replica holds; the feed's poll without notifications is
    /// set to ten minutes in these tests (IdentityApp), so only the notification can answer within the wait.
    /// </summary>
    [Fact]
    public async Task A_revocation_another_replica_commits_releases_the_validators_held_here()
    {
        using var http = fixture.TokenServer.CreateBrowser();
        var version = await CurrentVersionAsync(http);
        var subject = Guid.NewGuid().ToString();

        using var held = Held(version, 30);
        var answer = http.SendAsync(held, Ct);
        await using (var connection = new Npgsql.NpgsqlConnection(fixture.TokenServer.DatabaseConnectionString))
        {
            await connection.OpenAsync(Ct);
            await using var insert = new Npgsql.NpgsqlCommand(
                "INSERT INTO revocations (kind, hash, revoked_at, expires_at) VALUES ('subject', @hash, now(), now() + interval '15 minutes')", connection);
            insert.Parameters.AddWithValue("hash", RevocationList.Hash(subject));
            await insert.ExecuteNonQueryAsync(Ct);
        }

        using var changed = await answer;
        var entries = (await TokenServerFixture.JsonAsync(changed, HttpStatusCode.OK)).GetProperty("entries").EnumerateArray();
        Assert.Contains(entries, e => e.GetProperty("hash").GetString() == RevocationList.Hash(subject));
    }

    [Fact]
    public async Task An_unchanged_list_is_a_304_with_its_version_when_the_wait_ends_and_a_bad_wait_is_a_400()
    {
        using var http = fixture.TokenServer.CreateBrowser();
        var version = await CurrentVersionAsync(http);

        using var held = Held(version, 1);
        using var unchanged = await http.SendAsync(held, Ct);
        using var stale = Held(new System.Net.Http.Headers.EntityTagHeaderValue("\"not-a-version\""), 30);
        using var behind = await http.SendAsync(stale, Ct);
        using var tooLong = await http.GetAsync(RevocationList.Path + "?wait=3600", Ct);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(version, unchanged.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, behind.StatusCode); // a copy that is behind is answered at once
        Assert.Equal(version, behind.Headers.ETag);
        var problem = await TokenServerFixture.JsonAsync(tooLong, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("wait", out _), problem.ToString());
    }

    private static async Task<System.Net.Http.Headers.EntityTagHeaderValue> CurrentVersionAsync(HttpClient http)
    {
        using var current = await http.GetAsync(RevocationList.Path, Ct);
        return current.Headers.ETag ?? throw new InvalidOperationException("the revocation list has no ETag");
    }

    /// <summary>A validator's request: the version it has, held up to <paramref name="seconds"/>.</summary>
    private static HttpRequestMessage Held(System.Net.Http.Headers.EntityTagHeaderValue version, int seconds)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"{RevocationList.Path}?wait={seconds}");
        request.Headers.IfNoneMatch.Add(version);
        return request;
    }
}
