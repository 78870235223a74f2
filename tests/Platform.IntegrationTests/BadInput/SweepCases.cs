using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;

namespace Platform.IntegrationTests.BadInput;

/// <summary>A POST or PUT endpoint found in a service's routing table, with the JSON body type it reads (if it reads one).</summary>
public sealed partial record SweptEndpoint(string Method, string Route, Type? BodyType)
{
    /// <summary>
    /// Every POST and PUT of the service. Those that read a JSON body are swept; those without a body but with route
    /// parameters (a state transition such as <c>POST /calls/{id}/open</c>) get the wrong-id cases; the rest (the token
    /// server's OAuth protocol endpoints and sign-in forms, which answer in their protocol's own format) are skipped.
    /// </summary>
    public static (IReadOnlyList<SweptEndpoint> Swept, IReadOnlyList<string> Skipped) Discover(EndpointDataSource endpoints)
    {
        var swept = new List<SweptEndpoint>();
        var skipped = new List<string>();
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [];
            foreach (var method in methods.Where(m => m is "POST" or "PUT"))
            {
                var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
                var accepts = endpoint.Metadata.GetMetadata<IAcceptsMetadata>();
                if (accepts?.RequestType is { } body && accepts.ContentTypes.Any(c => c.Contains("json", StringComparison.OrdinalIgnoreCase)))
                {
                    swept.Add(new SweptEndpoint(method, route, body));
                }
                else if (accepts is null && RouteParameter().IsMatch(route))
                {
                    swept.Add(new SweptEndpoint(method, route, null));
                }
                else
                {
                    skipped.Add($"{method} {route}");
                }
            }
        }

        return (swept.OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal).ToList(), skipped);
    }

    public IReadOnlyList<string> RouteParameters => RouteParameter().Matches(Route).Select(m => m.Groups["name"].Value).ToList();

    public bool HasRouteParameters => RouteParameters.Count > 0;

    /// <summary>The route with each parameter replaced by a value (by parameter name).</summary>
    public string PathWith(IReadOnlyDictionary<string, string> values) =>
        RouteParameter().Replace(Route, m => Uri.EscapeDataString(values[m.Groups["name"].Value]));

    /// <summary>The route up to (not including) a parameter: where the resource it names is created.</summary>
    public string CollectionOf(string parameter) =>
        Route[..Route.IndexOf("{" + parameter, StringComparison.Ordinal)].TrimEnd('/');

    [GeneratedRegex(@"\{(?<name>[A-Za-z0-9_]+)(:[^}]*)?\}")]
    private static partial Regex RouteParameter();
}

/// <summary>
/// One request of the sweep. <see cref="Field"/> is the JSON path of the probed field when the value there is wrong
/// whatever else the body says (so the problem should name it).
/// </summary>
public sealed record SweepCase(string Name, string Method, string Path, Func<HttpContent?> Content, string? Field = null)
{
    public HttpRequestMessage ToRequest() => new(new HttpMethod(Method), Path) { Content = Content() };
}

/// <summary>
/// Generates the bad requests for one endpoint from its body type: per field (found by reflection, nested objects and
/// array items included) wrong JSON types, null, missing, huge strings and arrays, invalid codes and enum values,
/// negative and overflowing numbers, impossible dates, unknown extra fields; per endpoint broken JSON, empty and
/// non-JSON bodies, wrong content types, a body over 1 MiB and wrong route ids.
/// A value that could be right on its own (null, missing, empty) is sent beside one field that is certainly wrong
/// (the anchor), so the sweep never creates data; a value that is wrong whatever else is sent goes in an otherwise
/// valid body, so the service's deeper checks are reached.
/// </summary>
public static class SweepCases
{
    public static IEnumerable<SweepCase> For(SweptEndpoint endpoint, IReadOnlyDictionary<string, string> routeValues)
    {
        if (endpoint.BodyType is null)
        {
            foreach (var parameter in endpoint.RouteParameters)
            {
                foreach (var (name, value) in WrongIds())
                {
                    var values = routeValues.ToDictionary(v => v.Key, v => v.Value);
                    values[parameter] = value;
                    yield return new SweepCase($"{endpoint.Method} {endpoint.Route}: {{{parameter}}} {name}", endpoint.Method, endpoint.PathWith(values), () => null);
                }
            }

            yield break;
        }

        var shape = FieldShape.Of(endpoint.BodyType);
        var baseline = shape.Valid() ?? new JsonObject();
        var path = endpoint.PathWith(routeValues);
        var label = $"{endpoint.Method} {endpoint.Route}";

        foreach (var (name, content) in WholeBodyCases(shape, baseline))
        {
            yield return new SweepCase($"{label}: {name}", endpoint.Method, path, content);
        }

        foreach (var parameter in endpoint.RouteParameters)
        {
            foreach (var (name, value) in WrongIds())
            {
                var values = routeValues.ToDictionary(v => v.Key, v => v.Value);
                values[parameter] = value;
                yield return new SweepCase($"{label}: {{{parameter}}} {name}", endpoint.Method, endpoint.PathWith(values), () => Json(baseline));
            }
        }

        if (shape.Kind != FieldKind.Object)
        {
            yield break;
        }

        foreach (var (field, jsonPath) in Fields(shape, baseline, ""))
        {
            var anchored = Anchor(shape, baseline, jsonPath);
            yield return new SweepCase($"{label}: {jsonPath} missing", endpoint.Method, path, () => Json(Mutate(anchored, jsonPath, remove: true, value: null)));
            foreach (var (name, value, unconditional) in field.BadValues())
            {
                var target = unconditional ? baseline : anchored;
                yield return new SweepCase($"{label}: {jsonPath} {name}", endpoint.Method, path, () => Json(Mutate(target, jsonPath, remove: false, value)), unconditional ? jsonPath : null);
            }
        }

        foreach (var objectPath in ObjectPaths(shape, ""))
        {
            var at = objectPath.Length == 0 ? "the body" : objectPath;
            yield return new SweepCase($"{label}: an unknown field in {at}", endpoint.Method, path,
                () => Json(Mutate(baseline, Join(objectPath, "sweepUnknownField"), remove: false, value: "extra")), Join(objectPath, "sweepUnknownField"));
        }

        // The same key twice, and again in another case: a reader that keeps the last value would hide the first.
        if (baseline is JsonObject { Count: > 0 } body && body.First() is var (firstKey, firstValue))
        {
            var text = body.ToJsonString();
            var again = $",\"{firstKey}\":{firstValue?.ToJsonString() ?? "null"}}}";
            var recased = $",\"{char.ToUpperInvariant(firstKey[0])}{firstKey[1..]}\":{firstValue?.ToJsonString() ?? "null"}}}";
            yield return new SweepCase($"{label}: {firstKey} twice", endpoint.Method, path, () => Raw(text[..^1] + again, "application/json"), firstKey);
            yield return new SweepCase($"{label}: {firstKey} again in another case", endpoint.Method, path, () => Raw(text[..^1] + recased, "application/json"), firstKey);
        }
    }

    private static (string Name, string Value)[] WrongIds() =>
        [("nothing has that id", Guid.NewGuid().ToString()), ("an id that is not a GUID", "not-a-guid"), ("an id of 1000 characters", new string('9', 1000))];

    private static IEnumerable<(string Name, Func<HttpContent?> Content)> WholeBodyCases(FieldShape shape, JsonNode baseline)
    {
        var firstString = shape.Fields.FirstOrDefault(f => f.Kind == FieldKind.String)?.JsonName ?? "sweep";
        yield return ("broken JSON", () => Raw("""{"name": {"en": "unterminated""", "application/json"));
        yield return ("a body that is not JSON", () => Raw("hello", "application/json"));
        yield return ("an empty body", () => Raw("", "application/json"));
        yield return ("no body and no content type", () => null);
        yield return ("the JSON literal null", () => Raw("null", "application/json"));
        yield return ("a JSON array", () => Raw("[]", "application/json"));
        yield return ("a JSON string", () => Raw("\"sweep\"", "application/json"));
        yield return ("a JSON number", () => Raw("42", "application/json"));
        yield return ("an empty JSON object", () => Raw("{}", "application/json"));
        yield return ("JSON nested 1000 deep", () => Raw(new string('[', 1000) + new string(']', 1000), "application/json"));
        yield return ("a trailing comma", () => Raw(baseline.ToJsonString().TrimEnd('}') + ",}", "application/json"));
        yield return ("JSON as text/plain", () => Raw(baseline.ToJsonString(), "text/plain"));
        yield return ("a form instead of JSON", () => Raw("name=sweep&type=Cso", "application/x-www-form-urlencoded"));
        yield return ("XML instead of JSON", () => Raw("<organization><name>sweep</name></organization>", "application/xml"));
        yield return ("UTF-16 bytes sent as UTF-8", () => new ByteArrayContent(Encoding.Unicode.GetBytes(baseline.ToJsonString())) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } });
        yield return ("an unknown charset", () => new ByteArrayContent(Encoding.UTF8.GetBytes(baseline.ToJsonString())) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "x-sweep" } } });
        yield return ("a body over 1 MiB", () => Raw($$"""{"{{firstString}}": "{{new string('x', 1_100_000)}}"}""", "application/json"));
    }

    /// <summary>Every field with its JSON path (<c>name.en</c>, <c>budgetLines[0].amount</c>), depth first.</summary>
    private static IEnumerable<(FieldShape Field, string Path)> Fields(FieldShape shape, JsonNode? node, string prefix)
    {
        switch (shape.Kind)
        {
            case FieldKind.Object:
                foreach (var field in shape.Fields)
                {
                    var path = Join(prefix, field.JsonName);
                    yield return (field, path);
                    foreach (var nested in Fields(field, (node as JsonObject)?[field.JsonName], path))
                    {
                        yield return nested;
                    }
                }

                break;
            case FieldKind.Array when shape.Element is { Kind: FieldKind.Object or FieldKind.Array or FieldKind.Map } element && node is JsonArray { Count: > 0 } array:
                foreach (var nested in Fields(element, array[0], $"{prefix}[0]"))
                {
                    yield return nested;
                }

                break;
            case FieldKind.Map when shape.Element is { } value && node is JsonObject map && map.Count > 0:
                var key = map.First().Key;
                var valuePath = Join(prefix, key);
                yield return (value, valuePath);
                break;
        }
    }

    private static IEnumerable<string> ObjectPaths(FieldShape shape, string prefix)
    {
        if (shape.Kind == FieldKind.Object)
        {
            yield return prefix;
            foreach (var field in shape.Fields)
            {
                foreach (var nested in ObjectPaths(field, Join(prefix, field.JsonName)))
                {
                    yield return nested;
                }
            }
        }
        else if (shape.Kind == FieldKind.Array && shape.Element is { Kind: FieldKind.Object } element)
        {
            foreach (var nested in ObjectPaths(element, $"{prefix}[0]"))
            {
                yield return nested;
            }
        }
    }

    /// <summary>The baseline with one top-level field other than the probed one made certainly wrong (a code, an email, a huge string).</summary>
    private static JsonNode Anchor(FieldShape shape, JsonNode baseline, string probed)
    {
        var probedTop = probed.Split('.', '[')[0];
        var anchor = shape.Fields
            .Where(f => f.JsonName != probedTop && f.InvalidButReadable() is not null)
            .OrderByDescending(f => f.IsCode || f.Element is { IsCode: true })
            .FirstOrDefault();
        return anchor is null ? baseline : Mutate(baseline, anchor.JsonName, remove: false, anchor.InvalidButReadable());
    }

    /// <summary>A copy of <paramref name="body"/> with the value at a path (<c>a.b</c>, <c>a[0].b</c>) set or removed.</summary>
    public static JsonNode Mutate(JsonNode body, string path, bool remove, JsonNode? value)
    {
        var copy = body.DeepClone();
        var segments = Segments(path).ToList();
        JsonNode current = copy;
        for (var i = 0; i < segments.Count - 1; i++)
        {
            var segment = segments[i];
            var next = segment is int index ? current.AsArray()[index] : current.AsObject()[(string)segment];
            if (next is null)
            {
                next = segments[i + 1] is int ? new JsonArray() : new JsonObject();
                if (segment is int at)
                {
                    current.AsArray()[at] = next;
                }
                else
                {
                    current.AsObject()[(string)segment] = next;
                }
            }

            current = next;
        }

        var last = segments[^1];
        if (last is int position)
        {
            if (remove)
            {
                current.AsArray().RemoveAt(position);
            }
            else
            {
                current.AsArray()[position] = value?.DeepClone();
            }
        }
        else if (remove)
        {
            current.AsObject().Remove((string)last);
        }
        else
        {
            current.AsObject()[(string)last] = value?.DeepClone();
        }

        return copy;
    }

    private static IEnumerable<object> Segments(string path)
    {
        foreach (var part in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0)
            {
                yield return part;
                continue;
            }

            if (bracket > 0)
            {
                yield return part[..bracket];
            }

            foreach (Match index in Regex.Matches(part[bracket..], @"\[(\d+)\]"))
            {
                yield return int.Parse(index.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    private static HttpContent Json(JsonNode body) => Raw(body.ToJsonString(), "application/json");

    private static HttpContent Raw(string text, string mediaType) => new StringContent(text, Encoding.UTF8, mediaType);
}
