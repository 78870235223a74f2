using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Identity;

/// <summary>
/// <c>/health</c> tells the state of each dependency, with its error text, only to a caller on the same machine or to
/// the programme admin; a caller from another address gets the plain status. The caller's address is set on the
/// request as the server's connection would set it (TestServer leaves it for the test to say).
/// </summary>
[Collection(TokenServerFixture.Collection)]
public sealed class HealthDetailsTests(TokenServerFixture fixture)
{
    private static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task A_caller_from_another_address_gets_the_plain_status_only()
    {
        var (status, type, body) = await HealthAsync(Stranger);

        Assert.Equal(StatusCodes.Status200OK, status);
        Assert.StartsWith("text/plain", type, StringComparison.Ordinal);
        Assert.Equal("Healthy", body);
    }

    [Fact]
    public async Task A_loopback_caller_sees_each_check()
    {
        var (status, _, body) = await HealthAsync(IPAddress.Loopback);

        Assert.Equal(StatusCodes.Status200OK, status);
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        Assert.True(checks.EnumerateObject().Count() > 1, body);
    }

    [Fact]
    public async Task The_programme_admin_sees_each_check_from_anywhere_and_other_roles_do_not()
    {
        var admin = await fixture.Identity.Tokens.AccessTokenAsync(PlatformRoles.ProgrammeAdmin);
        var monitor = await fixture.Identity.Tokens.AccessTokenAsync(PlatformRoles.Monitor);

        var (_, _, asAdmin) = await HealthAsync(Stranger, admin);
        var (_, _, asMonitor) = await HealthAsync(Stranger, monitor);

        Assert.True(JsonDocument.Parse(asAdmin).RootElement.TryGetProperty("checks", out _), asAdmin);
        Assert.Equal("Healthy", asMonitor);
    }

    private async Task<(int Status, string ContentType, string Body)> HealthAsync(IPAddress remote, string? token = null)
    {
        var context = await fixture.TokenServer.Server.SendAsync(http =>
        {
            http.Request.Method = HttpMethods.Get;
            http.Request.Path = "/health";
            http.Connection.RemoteIpAddress = remote;
            if (token is not null)
            {
                http.Request.Headers.Authorization = $"Bearer {token}";
            }
        }, TestContext.Current.CancellationToken);
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync(TestContext.Current.CancellationToken);
        return (context.Response.StatusCode, context.Response.ContentType ?? "", body);
    }
}
