using System.Net;
using System.Text.Json;

namespace Platform.EndToEndTests;

/// <summary>Reading the gateway's answers in the end-to-end tests.</summary>
internal static class Responses
{
    /// <summary>The response's JSON body, after asserting its status; a failure shows the request and the body.</summary>
    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == expected, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
            return JsonDocument.Parse(text).RootElement.Clone();
        }
    }
}
