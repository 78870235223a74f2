using System.Net;
using System.Text.Json;

namespace Platform.IntegrationTests.Concurrency;

/// <summary>Fires requests at the same moment (all wait on one gate, released together) and reads every answer.</summary>
public static class AtOnce
{
    public static async Task<IReadOnlyList<(HttpStatusCode Status, JsonElement Body)>> SendAsync(params Func<Task<HttpResponseMessage>>[] requests)
    {
        using var gate = new SemaphoreSlim(0);
        var running = requests.Select(async send =>
        {
            await gate.WaitAsync(TestContext.Current.CancellationToken);
            using var response = await send();
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
        }).ToList();
        gate.Release(requests.Length);
        return await Task.WhenAll(running);
    }

    /// <summary>The same request <paramref name="times"/> times at once.</summary>
    public static Task<IReadOnlyList<(HttpStatusCode Status, JsonElement Body)>> RepeatAsync(int times, Func<Task<HttpResponseMessage>> request) =>
        SendAsync(Enumerable.Repeat(request, times).ToArray());

    /// <summary>Every loser of a race is a 409 problem with a code, never a 5xx.</summary>
    public static void AssertLosersRefused(IEnumerable<(HttpStatusCode Status, JsonElement Body)> answers, params string[] codes)
    {
        foreach (var (status, body) in answers.Where(a => (int)a.Status >= 300))
        {
            Assert.True(status == HttpStatusCode.Conflict, $"a lost race is a 409, got {(int)status}: {body}");
            Assert.Contains(body.GetProperty("code").GetString(), codes);
        }
    }
}
