using System.Net;
using System.Text.Json;
using Platform.IntegrationTests.Infrastructure;

namespace Platform.IntegrationTests.BadInput;

/// <summary>Control characters in the token server's form fields are a 400 for anyone, never a 500.</summary>
public sealed class TokenServerFormTests(PlatformServers servers)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Forms => new()
    {
        { "connect/token", "grant_type=client_credentials&client_id=sweep%00client&client_secret=x" },
        { "connect/token", "grant_type=refresh_token&refresh_token=abc%01def&client_id=platform-web" },
        { "connect/introspect", "token=abc%00def&client_id=sweep&client_secret=x" },
        { "account/login", "email=admin%00%40platform.test&password=x" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_control_character_in_a_form_field_is_a_400(string path, string form)
    {
        var identity = await servers.IdentityAsync();
        using var client = identity.App.CreateClient();
        using var content = new StringContent(form, System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await client.PostAsync(new Uri(identity.App.Issuer, path), content, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path}: expected 400, got {(int)response.StatusCode}: {text}");
        var body = JsonDocument.Parse(text).RootElement;
        Assert.True(body.TryGetProperty("error", out _) || body.TryGetProperty("errors", out _), $"{path}: the answer says what was wrong: {text}");
    }
}
