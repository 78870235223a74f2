using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Contracts.ReferenceData;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// The programme's codes are strings in the contracts (so an unknown one is a 400 naming the field, not a
/// binding failure); in the document they are enums, found by the field's name: <c>municipality</c>,
/// <c>eligibleMunicipalities</c>, <c>languages</c>, <c>currency</c>, <c>gender</c>, <c>ageGroup</c>. Language maps
/// (<c>LocalizedText</c>) name their keys.
/// </summary>
internal sealed class ReferenceDataSchemaTransformer : IOpenApiSchemaTransformer
{
    private static readonly (string Suffix, IReadOnlyList<string> Codes)[] Codes =
    [
        ("municipality", Municipality.All),
        ("municipalities", Municipality.All),
        ("language", Language.All),
        ("languages", Language.All),
        ("currency", Currency.All),
        ("gender", Gender.All),
        ("agegroup", Age.Groups),
    ];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (IsTextMap(context.JsonTypeInfo.Type) && schema.AdditionalProperties is not null)
        {
            schema.PropertyNames = Enum(Language.All);
            schema.Description ??= "Text by language (ka, az, hy, en), at least one.";
            return Task.CompletedTask;
        }

        var name = context.JsonPropertyInfo?.Name ?? context.ParameterDescription?.Name;
        if (name is null || CodesFor(name) is not { } codes)
        {
            return Task.CompletedTask;
        }

        if (schema.Type?.HasFlag(JsonSchemaType.String) == true && schema.Enum is null or { Count: 0 })
        {
            schema.Enum = Enum(codes).Enum;
        }
        else if (schema.Type?.HasFlag(JsonSchemaType.Array) == true && schema.Items is OpenApiSchema { Type: { } itemType } items
                 && itemType.HasFlag(JsonSchemaType.String))
        {
            items.Enum = Enum(codes).Enum;
        }

        return Task.CompletedTask;
    }

    // Public text is a map of language code to text (LocalizedText on the wire): the platform's only string-to-string maps.
    private static bool IsTextMap(Type type) =>
        type.IsGenericType
        && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>))
        && type.GetGenericArguments() is [var key, var value] && key == typeof(string) && value == typeof(string);

    private static OpenApiSchema Enum(IReadOnlyList<string> codes) =>
        new() { Type = JsonSchemaType.String, Enum = [.. codes.Select(c => (JsonNode)JsonValue.Create(c))] };

    private static IReadOnlyList<string>? CodesFor(string name)
    {
        var lower = name.ToLowerInvariant();
        foreach (var (suffix, codes) in Codes)
        {
            if (lower.EndsWith(suffix, StringComparison.Ordinal))
            {
                return codes;
            }
        }

        return null;
    }
}
