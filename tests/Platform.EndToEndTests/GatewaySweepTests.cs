using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Platform.EndToEndTests;

/// <summary>
/// A black-box sweep through the running gateway, as a stranger's client would send it: every operation of every
/// service's OpenAPI document gets malformed JSON, the same key twice (and again in another case), dates at the end of
/// the calendar and odd query strings; the gateway gets bodies over the size limit without <c>Expect: 100-continue</c>
/// and header values in UTF-8 and Latin-1 bytes (sent on a raw socket, as no HttpClient would); the token server's forms
/// get control characters. Nothing may answer with a 5xx: a 502 here is a failure the in-process sweep cannot see.
/// </summary>
public sealed partial class GatewaySweepTests(PlatformFixture platform)
{
    private static readonly string[] Services = ["capacity", "grants", "youth", "partnerships", "media", "identity"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_documented_operation_refuses_bad_JSON_duplicate_keys_far_dates_and_odd_queries_without_a_5xx()
    {
        using var admin = await platform.GatewayAsAsync("programme-admin");
        var failures = new List<string>();
        var (sent, duplicatesRead) = (0, 0);
        foreach (var operation in await OperationsAsync())
        {
            foreach (var probe in Probes(operation))
            {
                sent++;
                var (status, body) = await SendAsync(admin, probe);
                if (status >= 500)
                {
                    failures.Add($"{probe.Name}: {status} {Shorten(body)}");
                }
                else if (probe.Names is { } key && status is not (401 or 403))
                {
                    // Refused before the body is read (an applicant's or evaluator's own operation) says nothing of the reader.
                    duplicatesRead++;
                    if (!(status == 400 && NamesKey(body, key)))
                    {
                        failures.Add($"{probe.Name}: expected a 400 naming '{key}', got {status} {Shorten(body)}");
                    }
                }
            }
        }

        Assert.True(sent > 500, $"only {sent} requests: the OpenAPI documents were not read");
        Assert.True(duplicatesRead > 100, $"only {duplicatesRead} duplicate-key bodies were read by a service");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests failed:\n{string.Join('\n', failures.Take(40))}");
    }

    [Theory]
    [InlineData("POST", "/api/capacity/organizations", "application/json")]
    [InlineData("PUT", "/api/grants/evaluations/00000000-0000-0000-0000-000000000001/scores", "application/json")]
    [InlineData("POST", "/api/identity/connect/token", "application/x-www-form-urlencoded")]
    public async Task A_body_over_the_limit_without_Expect_100_continue_is_a_413_problem_from_the_gateway(string method, string path, string contentType)
    {
        var token = await platform.Tokens.ForRoleAsync("programme-admin", null);
        var declared = await RawAsync($"{method} {path} HTTP/1.1\r\nAuthorization: Bearer {token}\r\nContent-Type: {contentType}\r\nContent-Length: 2000000\r\n",
            body: new byte[64 * 1024]);
        AssertProblem(declared, 413);

        // Chunked: no length to refuse up front; the limit is found while the body is read.
        var chunked = await RawAsync($"{method} {path} HTTP/1.1\r\nAuthorization: Bearer {token}\r\nContent-Type: {contentType}\r\nTransfer-Encoding: chunked\r\n",
            body: Chunked(2 * 1024 * 1024));
        AssertProblem(chunked, 413);
    }

    [Theory]
    [InlineData("UTF-8", "X-Sweep: caf\u00c3\u00a9 \u00e2\u0080\u0094 \u00e1\u0083\u0090")]
    [InlineData("Latin-1", "X-Sweep: caf\u00e9")]
    [InlineData("a control character", "X-Sweep: a\u0001b")]
    [InlineData("Latin-1 in a known header", "Accept-Language: ka-GE, fran\u00e7ais")]
    public async Task A_header_value_the_proxy_cannot_send_is_a_400_problem_from_the_gateway(string what, string header)
    {
        var token = await platform.Tokens.ForRoleAsync("programme-admin", null);
        foreach (var path in new[] { "/api/capacity/organizations", "/api/media/catalogue/stories", "/catalogue" })
        {
            var answer = await RawAsync($"GET {path} HTTP/1.1\r\nAuthorization: Bearer {token}\r\n{header}\r\n");
            Assert.True(answer.Status == 400, $"{what} on {path}: expected 400, got {answer.Status} {answer.Body}");
            Assert.True(answer.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true, $"{what} on {path}: no problem details: {answer.ContentType} {answer.Body}");
        }
    }

    [Theory]
    [InlineData("connect/token", "grant_type=client_credentials&client_id=sweep%00client&client_secret=x")]
    [InlineData("connect/token", "grant_type=refresh_token&refresh_token=abc%01def&client_id=platform-web")]
    [InlineData("connect/token", "grant_type=password%1F&username=a%7Fb&password=x")]
    [InlineData("connect/introspect", "token=abc%00def&client_id=sweep&client_secret=x")]
    [InlineData("connect/introspect", "token=%1B%5B31m&token_type_hint=access%00token")]
    [InlineData("connect/revoke", "token=abc%00def&client_id=sweep&client_secret=x")]
    [InlineData("account/login", "email=admin%00%40platform.local&password=x")]
    [InlineData("account/login", "email=admin%40platform.local&password=%00%01%02&returnUrl=%0D%0Ahttp%3A%2F%2Fevil")]
    [InlineData("connect/authorize", "client_id=platform-web%00&response_type=code")]
    public async Task A_control_character_in_the_token_servers_forms_is_refused_without_a_5xx(string path, string form)
    {
        using var content = new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded");

        using var response = await platform.Gateway.PostAsync($"/api/identity/{path}", content, Ct);

        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {form}: expected 400, got {(int)response.StatusCode}: {Shorten(text)}");
        var answer = JsonDocument.Parse(text).RootElement;
        Assert.True(answer.TryGetProperty("error", out _) || answer.TryGetProperty("errors", out _), $"{path}: the answer says what was wrong: {text}");
    }

    /// <summary>An operation of a document: its method, its path with every parameter filled, what its body looks like.</summary>
    private sealed record Operation(string Method, string Template, string Path, IReadOnlyList<Parameter> Query, JsonElement? BodySchema, string? BodyMediaType);

    private sealed record Parameter(string Name, JsonElement Schema);

    private sealed record Probe(string Name, HttpMethod Method, string Path, Func<HttpContent?> Content, string? Names = null);

    /// <summary>Every operation of every service's document, read through the gateway; the schemas resolved against the document.</summary>
    private async Task<List<Operation>> OperationsAsync()
    {
        var operations = new List<Operation>();
        foreach (var service in Services)
        {
            using var response = await platform.Gateway.GetAsync($"/api/{service}/openapi/v1.json", Ct);
            Assert.True(response.IsSuccessStatusCode, $"the OpenAPI document of {service}: {(int)response.StatusCode}");
            var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
            foreach (var path in document.GetProperty("paths").EnumerateObject())
            {
                foreach (var method in path.Value.EnumerateObject().Where(m => m.Name is "get" or "post" or "put" or "delete" or "patch"))
                {
                    var parameters = method.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                    var query = parameters.Where(p => p.GetProperty("in").GetString() == "query")
                        .Select(p => new Parameter(p.GetProperty("name").GetString()!, Resolve(document, p.TryGetProperty("schema", out var s) ? s : default))).ToList();
                    var filled = PathParameter().Replace(path.Name, m => Sample(Resolve(document, parameters
                        .FirstOrDefault(p => p.GetProperty("name").GetString() == m.Groups[1].Value && p.GetProperty("in").GetString() == "path")
                        is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("schema", out var s) ? s : default)));
                    JsonElement? bodySchema = null;
                    string? mediaType = null;
                    if (method.Value.TryGetProperty("requestBody", out var requestBody) && requestBody.TryGetProperty("content", out var content))
                    {
                        var media = content.EnumerateObject().First();
                        mediaType = media.Name;
                        bodySchema = media.Value.TryGetProperty("schema", out var schema) ? Resolve(document, schema) : null;
                    }

                    operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, filled, query, bodySchema, mediaType));
                }
            }
        }

        return operations;
    }

    private static IEnumerable<Probe> Probes(Operation operation)
    {
        var label = $"{operation.Method} {operation.Template}";
        var method = new HttpMethod(operation.Method);
        var odd = string.Join('&', operation.Query.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(OddValue(p.Schema))}"));
        yield return new Probe($"{label} with odd values in its query", method, $"{operation.Path}?{odd}", () => null);
        yield return new Probe($"{label} with a garbled query", method,
            $"{operation.Path}?page=99999999999999999999&pageSize=-1&%ZZ=%ZZ&a[]=1&&=&page=2&municipality=%00%E2%80%AE&sweep={new string('q', 4000)}", () => null);
        if (operation.BodyMediaType is not { } mediaType || !mediaType.Contains("json", StringComparison.Ordinal))
        {
            yield break;
        }

        yield return new Probe($"{label} with broken JSON", method, operation.Path, () => Raw("{\"sweep\": [1, 2", mediaType));
        yield return new Probe($"{label} with a lone surrogate", method, operation.Path, () => Raw("{\"sweep\": \"\\ud800\"}", mediaType));
        if (operation.BodySchema is not { } schema || !schema.TryGetProperty("properties", out var properties))
        {
            yield break;
        }

        var fields = properties.EnumerateObject().ToList();
        if (fields.Count == 0)
        {
            yield break;
        }

        var first = fields[0];
        var value = SampleJson(first.Value);
        var recased = char.ToUpperInvariant(first.Name[0]) + first.Name[1..];
        yield return new Probe($"{label}: '{first.Name}' twice", method, operation.Path, () => Raw($"{{\"{first.Name}\": {value}, \"{first.Name}\": {value}}}", mediaType), first.Name);
        if (recased != first.Name)
        {
            yield return new Probe($"{label}: '{first.Name}' again as '{recased}'", method, operation.Path, () => Raw($"{{\"{first.Name}\": {value}, \"{recased}\": {value}}}", mediaType), first.Name);
        }

        foreach (var map in fields.Where(f => f.Value.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.Object).Take(1))
        {
            yield return new Probe($"{label}: '{map.Name}.en' twice", method, operation.Path, () => Raw($"{{\"{map.Name}\": {{\"en\": \"a\", \"en\": \"b\"}}}}", mediaType), map.Name);
        }

        // Every date of the body at once at the end (and the start) of the calendar: date arithmetic must not overflow.
        foreach (var (name, day, instant) in new[] { ("the end", "9999-12-31", "9999-12-31T23:59:59.9999999+00:00"), ("the start", "0001-01-01", "0001-01-01T00:00:00+00:00") })
        {
            var dated = fields.Where(f => Format(f.Value) is "date" or "date-time").ToList();
            if (dated.Count > 0)
            {
                var body = "{" + string.Join(", ", fields.Select(f => $"\"{f.Name}\": {(Format(f.Value) switch { "date" => $"\"{day}\"", "date-time" => $"\"{instant}\"", _ => SampleJson(f.Value) })}")) + "}";
                yield return new Probe($"{label} with its dates at {name} of the calendar", method, operation.Path, () => Raw(body, mediaType));
            }
        }
    }

    /// <summary>Sends one probe; a 429 waits for its Retry-After (the sweep is one client, faster than the rate limit).</summary>
    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, Probe probe)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(probe.Method, probe.Path) { Content = probe.Content() };
            request.Headers.ExpectContinue = false;
            using var response = await client.SendAsync(request, Ct);
            var body = await response.Content.ReadAsStringAsync(Ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || attempt >= 50)
            {
                return ((int)response.StatusCode, body);
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), Ct);
        }
    }

    private sealed record RawAnswer(int Status, string? ContentType, string Body);

    /// <summary>
    /// A request written byte for byte on a socket (header text as Latin-1: each char one byte, so UTF-8 is sent as its
    /// bytes), <c>Connection: close</c>; the answer read up to the end of the connection.
    /// </summary>
    private async Task<RawAnswer> RawAsync(string head, byte[]? body = null)
    {
        var gateway = platform.Gateway.BaseAddress!;
        using var socket = new TcpClient();
        await socket.ConnectAsync(gateway.Host, gateway.Port, Ct);
        await using var stream = socket.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes($"{head}Host: {gateway.Authority}\r\nConnection: close\r\n\r\n"), Ct);
        // Read while the body is sent, as HTTP clients do: the gateway answers a refused body early and closes with the
        // body unread, which resets the connection; an answer not yet read when the reset arrives is lost with it (seen
        // once through the replicas' proxy: "got 0").
        using var reader = new MemoryStream();
        var reading = ReadAsync(stream, reader);
        try
        {
            if (body is not null)
            {
                await stream.WriteAsync(body, Ct);
            }
        }
        catch (IOException)
        {
            // The gateway may answer and close before it has read what it refused.
        }

        await reading;

        var text = Encoding.UTF8.GetString(reader.ToArray());
        var status = StatusLine().Match(text) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        var contentType = ContentTypeHeader().Match(text) is { Success: true } c ? c.Groups[1].Value.Trim() : null;
        var separator = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        return new RawAnswer(status, contentType, separator < 0 ? text : text[(separator + 4)..]);
    }

    private static async Task ReadAsync(Stream stream, MemoryStream into)
    {
        try
        {
            await stream.CopyToAsync(into, Ct);
        }
        catch (IOException) when (into.Length > 0)
        {
        }
    }

    private static void AssertProblem(RawAnswer answer, int status)
    {
        Assert.True(answer.Status == status, $"expected {status}, got {answer.Status}: {Shorten(answer.Body)}");
        Assert.True(answer.ContentType?.StartsWith("application/problem+json", StringComparison.Ordinal) == true, $"no problem details: {answer.ContentType} {Shorten(answer.Body)}");
    }

    private static byte[] Chunked(int size)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'x');
        for (var written = 0; written < size; written += chunk.Length)
        {
            buffer.Write(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            buffer.Write(chunk);
            buffer.Write("\r\n"u8);
        }

        buffer.Write("0\r\n\r\n"u8);
        return buffer.ToArray();
    }

    /// <summary>A 400 whose <c>errors</c> name the key (any case, or a path below it).</summary>
    private static bool NamesKey(string body, string key)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                && errors.EnumerateObject().Any(e => e.Name.Equals(key, StringComparison.OrdinalIgnoreCase) || e.Name.StartsWith(key + ".", StringComparison.OrdinalIgnoreCase)
                    || e.Name.StartsWith("$." + key, StringComparison.OrdinalIgnoreCase));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JsonElement Resolve(JsonElement document, JsonElement schema)
    {
        for (var depth = 0; depth < 10 && schema.ValueKind == JsonValueKind.Object; depth++)
        {
            if (schema.TryGetProperty("$ref", out var reference))
            {
                schema = reference.GetString()!.TrimStart('#', '/').Split('/').Aggregate(document, (node, part) => node.GetProperty(part));
            }
            else if (schema.TryGetProperty("allOf", out var all) || schema.TryGetProperty("oneOf", out all) || schema.TryGetProperty("anyOf", out all))
            {
                schema = all.EnumerateArray().FirstOrDefault(s => !IsNull(s));
            }
            else
            {
                return schema;
            }
        }

        return schema;
    }

    private static bool IsNull(JsonElement schema) =>
        schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null";

    private static string? Type(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type) ? (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out _) ? "object" : null)
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
        : type.GetString();

    private static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var format) ? format.GetString() : null;

    /// <summary>A plausible value for a path parameter.</summary>
    private static string Sample(JsonElement schema) => (Type(schema), Format(schema)) switch
    {
        (_, "uuid") => Guid.NewGuid().ToString(),
        ("integer" or "number", _) => "1",
        _ when schema.ValueKind != JsonValueKind.Object => Guid.NewGuid().ToString(),
        _ => "sweep",
    };

    /// <summary>A plausible JSON value for a body field: what a real client might send, so the probe reaches the duplicate check.</summary>
    private static string SampleJson(JsonElement schema) => (Type(schema), Format(schema)) switch
    {
        (_, "uuid") => $"\"{Guid.NewGuid()}\"",
        (_, "date") => "\"2026-06-01\"",
        (_, "date-time") => "\"2026-06-01T10:00:00+00:00\"",
        ("integer" or "number", _) => "1",
        ("boolean", _) => "true",
        ("array", _) => "[]",
        ("object", _) => "{}",
        ("string", _) when schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0 => values[0].GetRawText(),
        ("string", _) => "\"sweep\"",
        _ => "null",
    };

    /// <summary>A query value at the edge of what the parameter's type allows.</summary>
    private static string OddValue(JsonElement schema) => (Type(schema), Format(schema)) switch
    {
        (_, "date") => "9999-12-31",
        (_, "date-time") => "9999-12-31T23:59:59.9999999Z",
        (_, "uuid") => "00000000-0000-0000-0000-00000000000g",
        ("integer", _) => "99999999999999999999",
        ("number", _) => "1e400",
        ("boolean", _) => "maybe",
        _ => "\u0000\u202e\u00e9" + new string('z', 600),
    };

    private static StringContent Raw(string text, string mediaType)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType) { CharSet = "utf-8" };
        return content;
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    [GeneratedRegex(@"\{([^}:]+)[^}]*\}")]
    private static partial Regex PathParameter();

    [GeneratedRegex(@"^HTTP/1\.[01] (\d{3})")]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"\r\nContent-Type:([^\r\n]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ContentTypeHeader();
}
