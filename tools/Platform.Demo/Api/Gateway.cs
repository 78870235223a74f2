using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Platform.Demo;

/// <summary>The platform's one public entrance; every call of the tools goes through it.</summary>
internal sealed class Gateway(Uri address) : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public HttpClient Http { get; } = new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, UseProxy = false })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public Uri Address => address;

    public Caller As(string accessToken, Changes changes) => new(this, accessToken, changes);

    /// <summary>
    /// Sends a request built anew for each try: a 429 waits for its Retry-After, a 502-504 (a service restarting) is
    /// tried again a few times. Safe for POST commands because each carries its Idempotency-Key. <paramref name="client"/>
    /// is another client than <see cref="Http"/>, such as a signing-in browser that keeps its cookies.
    /// </summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, HttpClient? client = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await (client ?? Http).SendAsync(request());
            }
            catch (HttpRequestException ex)
            {
                throw new ToolException($"the gateway at {address} does not answer ({ex.Message}); is the platform running (./platform.sh run)?");
            }

            var retry = response.StatusCode switch
            {
                HttpStatusCode.TooManyRequests => response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1),
                HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout when attempt < 5 => TimeSpan.FromSeconds(attempt),
                _ => (TimeSpan?)null,
            };
            if (retry is null || attempt >= 20)
            {
                return response;
            }

            if (retry.Value >= TimeSpan.FromSeconds(2))
            {
                // stdout carries only the tool's output (a token, the demo's summary).
                await Console.Error.WriteLineAsync($"The gateway answered {(int)response.StatusCode}; trying again in {retry.Value.TotalSeconds:0} s");
            }

            response.Dispose();
            await Task.Delay(retry.Value);
        }
    }

    public static JsonContent Body(object value) => JsonContent.Create(value, options: Web);

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new ToolException($"{what}: {(int)response.StatusCode} {response.ReasonPhrase} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>Calls as one token holder; counts what its commands changed.</summary>
internal sealed class Caller(Gateway gateway, string accessToken, Changes changes)
{
    public async Task<JsonElement?> FindAsync(string path)
    {
        using var response = await gateway.SendAsync(() => Request(HttpMethod.Get, path));
        return response.StatusCode == HttpStatusCode.NotFound ? null : await Gateway.ReadAsync(response, $"GET {path}");
    }

    public async Task<JsonElement> GetAsync(string path) =>
        await FindAsync(path) ?? throw new ToolException($"GET {path}: 404");

    /// <summary>Every item of a paged list (<c>items</c>, <c>total</c>), page by page.</summary>
    public async Task<List<JsonElement>> ListAsync(string path)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var list = await GetAsync($"{path}{separator}page={page}&pageSize=100");
            var batch = list.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(batch);
            if (batch.Count == 0 || items.Count >= list.GetProperty("total").GetInt64())
            {
                return items;
            }
        }
    }

    /// <summary>
    /// A POST command with an Idempotency-Key: a repeat (the same key, the same body) returns the first answer and
    /// changes nothing, so a run interrupted halfway can simply run again.
    /// </summary>
    public async Task<JsonElement> PostAsync(string path, object? body, string idempotencyKey)
    {
        using var response = await gateway.SendAsync(() =>
        {
            var request = Request(HttpMethod.Post, path);
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            request.Content = body is null ? null : Gateway.Body(body);
            return request;
        });
        var result = await Gateway.ReadAsync(response, $"POST {path}");
        changes.Count(path, replayed: response.Headers.Contains("Idempotent-Replayed"));
        return result;
    }

    public async Task<JsonElement> PutAsync(string path, object body)
    {
        using var response = await gateway.SendAsync(() =>
        {
            var request = Request(HttpMethod.Put, path);
            request.Content = Gateway.Body(body);
            return request;
        });
        var result = await Gateway.ReadAsync(response, $"PUT {path}");
        changes.Count(path, replayed: false);
        return result;
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }
}

/// <summary>What a run changed: commands applied, and repeats the platform answered from its idempotency records.</summary>
internal sealed class Changes
{
    private readonly Dictionary<string, int> _applied = [];

    public int Applied => _applied.Values.Sum();

    public int Replayed { get; private set; }

    public void Count(string path, bool replayed)
    {
        if (replayed)
        {
            Replayed++;
            return;
        }

        // /api/grants/calls/{id}/open -> grants: a count per service is enough to read.
        var service = path.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, var name, ..] ? name : path;
        _applied[service] = _applied.GetValueOrDefault(service) + 1;
    }

    public string Summary() =>
        Applied == 0
            ? $"Demo data complete: nothing to change ({Replayed} repeated commands answered from their idempotency records)."
            : $"Demo data: {Applied} changes ({string.Join(", ", _applied.OrderBy(p => p.Key).Select(p => $"{p.Key} {p.Value}"))}).";
}
