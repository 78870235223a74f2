using System.Net;

namespace Platform.EndToEndTests;

/// <summary>
/// Through the running platform: when the programme admin cuts a machine client off (its secret rotated), the
/// gateway and a service reached directly both refuse its still-unexpired access token within seconds, as they
/// learn of it from the token server's revocation list.
/// </summary>
public sealed class OffboardingTests(PlatformFixture platform)
{
    [Fact]
    public async Task A_cut_off_clients_token_is_refused_by_the_gateway_and_the_services_within_seconds()
    {
        var ct = TestContext.Current.CancellationToken;
        var (clientId, token) = await platform.Tokens.NewClientAsync("monitor");
        using var caller = platform.GatewayWithToken(token);
        using var direct = platform.ServiceDirectly("grants");
        direct.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using (var before = await caller.GetAsync("/api/capacity/organizations", ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var admin = await platform.GatewayAsAsync("programme-admin");
        using (var rotated = await admin.PostAsync($"/api/identity/clients/{clientId}/secret", null, ct))
        {
            Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        }

        await Eventually.GetAsync<bool>(async () =>
        {
            using var response = await caller.GetAsync("/api/capacity/organizations", ct);
            return response.StatusCode == HttpStatusCode.Unauthorized ? true : null;
        }, TimeSpan.FromSeconds(30), "the gateway refusing the cut-off client's token");
        await Eventually.GetAsync<bool>(async () =>
        {
            using var response = await direct.GetAsync("/api/grants/calls", ct);
            return response.StatusCode == HttpStatusCode.Unauthorized ? true : null;
        }, TimeSpan.FromSeconds(30), "a service refusing the cut-off client's token");
    }
}
