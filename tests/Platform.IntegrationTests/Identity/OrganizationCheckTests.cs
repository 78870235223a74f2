using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Identity;

/// <summary>
/// An applicant, person or machine client, is made only for an organisation that exists in Capacity's registry: the
/// token server asks the registry (with the admin's own token) and refuses an unknown id as a 400 naming
/// <c>organizationId</c>, creating nothing.
/// </summary>
[Collection(TokenServerFixture.Collection)]
public sealed class OrganizationCheckTests(TokenServerFixture fixture) : IAsyncLifetime
{
    private IdentityApp _tokenServer = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _tokenServer = await fixture.Identity.StartVariantAsync(registry: () => fixture.Service.Server.CreateHandler());

    public async ValueTask DisposeAsync()
    {
        if (_tokenServer is not null)
        {
            await _tokenServer.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_applicant_for_an_organisation_not_in_the_registry_is_refused()
    {
        var unknown = Guid.NewGuid();
        var email = $"applicant-{Guid.NewGuid():N}@platform.test";

        var person = await JsonAsync(await AdminAsync(HttpMethod.Post, "/api/identity/users",
            new { email, displayName = "Giorgi Kapanadze", role = PlatformRoles.Applicant, organizationId = unknown }), HttpStatusCode.BadRequest);
        var client = await JsonAsync(await AdminAsync(HttpMethod.Post, "/api/identity/clients",
            new { clientId = $"applicant-{Guid.NewGuid():N}", roles = new[] { PlatformRoles.Applicant }, organizationId = unknown }), HttpStatusCode.BadRequest);

        Assert.True(person.GetProperty("errors").TryGetProperty("organizationId", out _), person.ToString());
        Assert.True(client.GetProperty("errors").TryGetProperty("organizationId", out _), client.ToString());
        var people = await JsonAsync(await AdminAsync(HttpMethod.Get, "/api/identity/users?role=applicant&pageSize=100"), HttpStatusCode.OK);
        Assert.DoesNotContain(people.GetProperty("items").EnumerateArray(), u => u.GetProperty("email").GetString() == email);
    }

    [Fact]
    public async Task An_applicant_for_a_registered_organisation_is_made()
    {
        using var team = fixture.Service.ClientFor(PlatformRoles.CapacityTeam);
        var registered = await JsonAsync(await team.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"CSO {Guid.NewGuid():N}" }, type = "Cso", municipality = "KK-MARNEULI" }, Ct), HttpStatusCode.Created);
        var organizationId = registered.GetProperty("id").GetGuid();

        await JsonAsync(await AdminAsync(HttpMethod.Post, "/api/identity/users", new
        {
            email = $"applicant-{Guid.NewGuid():N}@platform.test", displayName = "Giorgi Kapanadze", role = PlatformRoles.Applicant, organizationId,
        }), HttpStatusCode.Created);
        var client = await JsonAsync(await AdminAsync(HttpMethod.Post, "/api/identity/clients",
            new { clientId = $"applicant-{Guid.NewGuid():N}", roles = new[] { PlatformRoles.Applicant }, organizationId }), HttpStatusCode.Created);
        Assert.Equal(organizationId, client.GetProperty("organizationId").GetGuid());
    }

    [Fact]
    public async Task Moving_a_person_to_an_unknown_organisation_is_refused()
    {
        var person = await fixture.NewPersonAsync();

        var problem = await JsonAsync(await AdminAsync(HttpMethod.Put, $"/api/identity/users/{person.Id}/role",
            new { role = PlatformRoles.Applicant, organizationId = Guid.NewGuid() }), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty("organizationId", out _), problem.ToString());
        var user = await JsonAsync(await AdminAsync(HttpMethod.Get, $"/api/identity/users/{person.Id}"), HttpStatusCode.OK);
        Assert.Equal(PlatformRoles.Monitor, user.GetProperty("role").GetString());
    }

    private async Task<HttpResponseMessage> AdminAsync(HttpMethod method, string path, object? body = null)
    {
        using var http = _tokenServer.CreateBrowser();
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await fixture.Identity.Tokens.AccessTokenAsync(PlatformRoles.ProgrammeAdmin));
        return await http.SendAsync(request, Ct);
    }

    private static Task<JsonElement> JsonAsync(HttpResponseMessage response, HttpStatusCode expected) => TokenServerFixture.JsonAsync(response, expected);
}
