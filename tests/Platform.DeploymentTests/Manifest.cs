using System.Text.Json.Nodes;

namespace Platform.DeploymentTests;

/// <summary>Reading rendered Kubernetes objects.</summary>
internal static class Manifest
{
    public static string Kind(this JsonObject item) => (string)item["kind"]!;

    public static string Name(this JsonObject item) => (string)item["metadata"]!["name"]!;

    public static string? Namespace(this JsonObject item) => (string?)item["metadata"]!["namespace"];

    public static IEnumerable<JsonObject> OfKind(this IEnumerable<JsonObject> items, string kind) => items.Where(i => i.Kind() == kind);

    public static JsonObject Single(this IEnumerable<JsonObject> items, string kind, string name) =>
        items.OfKind(kind).SingleOrDefault(i => i.Name() == name) ?? throw new Xunit.Sdk.XunitException($"no {kind} {name}");

    public static JsonObject Container(this JsonObject deployment) =>
        (JsonObject)deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Single()!;

    public static IEnumerable<JsonObject> Objects(this JsonNode? node) => node?.AsArray().Select(n => (JsonObject)n!) ?? [];

    public static int Int(this JsonNode? node) => int.Parse((string)node!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every string in the object, keys included.</summary>
    public static IEnumerable<string> Strings(this JsonNode? node) => node switch
    {
        JsonObject map => map.SelectMany(e => new[] { e.Key }.Concat(e.Value.Strings())),
        JsonArray list => list.SelectMany(Strings),
        JsonValue value => [(string)value!],
        _ => [],
    };

    public static IReadOnlyDictionary<string, string> Data(this JsonObject configMap) =>
        configMap["data"]?.AsObject().ToDictionary(e => e.Key, e => (string)e.Value!) ?? new Dictionary<string, string>();

    public static IReadOnlyDictionary<string, string> Labels(this JsonNode? selector) =>
        selector?["matchLabels"]?.AsObject().ToDictionary(e => e.Key, e => (string)e.Value!) ?? new Dictionary<string, string>();
}
