using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.Contracts.ReferenceData;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// Two corrections of the generated schemas:
/// <list type="bullet">
/// <item>Strings: every service reads strings through its own converter (<c>StorableStringConverter</c>, which refuses
/// NUL), and the generator describes a property with a custom converter as "anything"; a string, a list of strings
/// and a map of text are described as such again.</item>
/// <item>The programme's codes are strings in the contracts (so an unknown one is a 400 naming the field, not a
/// binding failure); in the document they are enums, found by the field's name: <c>municipality</c>,
/// <c>eligibleMunicipalities</c>, <c>languages</c>, <c>currency</c>, <c>gender</c>, <c>ageGroup</c>. Public text, a map
/// of language code to text, names its keys.</item>
/// </list>
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
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        var property = context.JsonPropertyInfo;
        var nullable = property is not null && (property.IsGetNullable || property.IsSetNullable);
        var codes = (property?.Name ?? context.ParameterDescription?.Name) is { } name ? CodesFor(name) : null;

        if (type == typeof(string))
        {
            schema.Type ??= nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            if (codes is not null && schema.Enum is null or { Count: 0 })
            {
                schema.Enum = Enum(codes).Enum;
            }
        }
        else if (IsTextMap(type))
        {
            schema.AdditionalProperties ??= new OpenApiSchema { Type = JsonSchemaType.String };
            schema.PropertyNames = Enum(Language.All);
            schema.Description ??= "Text by language (ka, az, hy, en), at least one entry.";
        }
        else if (IsStringList(type))
        {
            schema.Items ??= codes is null ? new OpenApiSchema { Type = JsonSchemaType.String } : Enum(codes);
        }

        return Task.CompletedTask;
    }

    // Public text is a map of language code to text (LocalizedText on the wire): the platform's only string-to-string maps.
    private static bool IsTextMap(Type type) =>
        type.IsGenericType
        && type.GetGenericTypeDefinition() is var definition
        && (definition == typeof(Dictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(IDictionary<,>))
        && type.GetGenericArguments() is [var key, var value] && key == typeof(string) && value == typeof(string);

    private static bool IsStringList(Type type) =>
        type == typeof(string[])
        || (type.IsGenericType && type.GetGenericArguments() is [var item] && item == typeof(string)
            && typeof(IEnumerable<string>).IsAssignableFrom(type));

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
