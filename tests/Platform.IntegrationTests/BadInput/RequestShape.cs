using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Platform.Contracts.ReferenceData;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.BadInput;

/// <summary>What kind of JSON value a request field takes, read from the body type by reflection.</summary>
public enum FieldKind
{
    String,
    Integer,
    Number,
    Bool,
    Guid,
    Date,
    Instant,
    Enum,
    Map,
    Array,
    Object,
}

/// <summary>
/// One field of a request body: its JSON name, kind and, for maps, arrays and objects, what it holds (an item or a
/// map value carries the name of its field, so that <c>languages</c> items are language codes).
/// </summary>
public sealed record FieldShape(string JsonName, Type ClrType, FieldKind Kind, FieldShape? Element, IReadOnlyList<FieldShape> Fields)
{
    private const int MaxDepth = 4;

    /// <summary>The shape of a body type as System.Text.Json reads it with the web defaults (camelCase names).</summary>
    public static FieldShape Of(Type type, string jsonName = "$", int depth = 0)
    {
        var clr = Nullable.GetUnderlyingType(type) ?? type;
        if (clr == typeof(string))
        {
            return Leaf(FieldKind.String);
        }

        if (clr == typeof(Guid))
        {
            return Leaf(FieldKind.Guid);
        }

        if (clr == typeof(bool))
        {
            return Leaf(FieldKind.Bool);
        }

        if (clr == typeof(DateOnly))
        {
            return Leaf(FieldKind.Date);
        }

        if (clr == typeof(DateTimeOffset) || clr == typeof(DateTime))
        {
            return Leaf(FieldKind.Instant);
        }

        if (clr.IsEnum)
        {
            return Leaf(FieldKind.Enum);
        }

        if (clr == typeof(int) || clr == typeof(long) || clr == typeof(short) || clr == typeof(byte))
        {
            return Leaf(FieldKind.Integer);
        }

        if (clr == typeof(decimal) || clr == typeof(double) || clr == typeof(float))
        {
            return Leaf(FieldKind.Number);
        }

        var dictionary = clr.GetInterfaces().Append(clr)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)));
        if (dictionary is not null)
        {
            return new FieldShape(jsonName, clr, FieldKind.Map, Of(dictionary.GetGenericArguments()[1], jsonName, depth + 1), []);
        }

        var enumerable = clr.IsArray
            ? clr.GetElementType()
            : clr.GetInterfaces().Append(clr).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
        if (enumerable is not null || typeof(IEnumerable).IsAssignableFrom(clr))
        {
            return new FieldShape(jsonName, clr, FieldKind.Array, Of(enumerable ?? typeof(string), jsonName, depth + 1), []);
        }

        var fields = depth >= MaxDepth
            ? []
            : clr.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .Select(p => Of(p.PropertyType, p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name), depth + 1))
                .ToList();
        return new FieldShape(jsonName, clr, FieldKind.Object, null, fields);

        FieldShape Leaf(FieldKind kind) => new(jsonName, clr, kind, null, []);
    }

    private string Name => JsonName.ToLowerInvariant();

    /// <summary>A municipality, language, currency or role: a string that must be one of a fixed list of codes.</summary>
    public bool IsCode => Kind == FieldKind.String && (Name.Contains("municipalit") || Name.Contains("language") || Name.Contains("currency") || Name.Contains("role"));

    /// <summary>
    /// A value the field would accept if the rest of the request were right, guessed from its kind and name. Fields that
    /// reference another record (<c>...Id</c>) are left out: no generic guess can name a record that exists.
    /// </summary>
    public JsonNode? Valid()
    {
        var now = DateTimeOffset.UtcNow;
        return Kind switch
        {
            FieldKind.String when Name.Contains("municipalit") => Municipality.All[0],
            FieldKind.String when Name.Contains("language") => Language.Georgian,
            FieldKind.String when Name.Contains("currency") => "GEL",
            FieldKind.String when Name.Contains("role") => PlatformRoles.Monitor,
            FieldKind.String when Name.Contains("email") => $"sweep-{Guid.NewGuid():N}@example.ge",
            FieldKind.String when Name.Contains("website") || Name.Contains("url") => "https://example.ge",
            FieldKind.String when Name.Contains("phone") => "+995555000111",
            FieldKind.String when Name.Contains("password") => "Sweep-Pass-2026-long!",
            FieldKind.String when Name.Contains("number") => "204123456",
            FieldKind.String when Name == "clientid" => $"sweep-{Guid.NewGuid():N}"[..20],
            FieldKind.String => "Sweep",
            FieldKind.Integer => 1,
            FieldKind.Number => 100m,
            FieldKind.Bool => true,
            FieldKind.Guid => null,
            FieldKind.Date => DateOnly.FromDateTime(now.UtcDateTime).AddDays(30).ToString("yyyy-MM-dd"),
            FieldKind.Instant => now.AddDays(1).ToString("O"),
            FieldKind.Enum => Enum.GetNames(ClrType)[0],
            FieldKind.Map => new JsonObject { [Language.English] = Element!.Valid(), [Language.Georgian] = Element.Valid() },
            FieldKind.Array => Element!.Valid() is { } item ? new JsonArray(item) : new JsonArray(),
            _ => ValidObject(),
        };
    }

    private JsonObject ValidObject()
    {
        var body = new JsonObject();
        foreach (var field in Fields)
        {
            if (field.Valid() is { } value)
            {
                body[field.JsonName] = value;
            }
        }

        return body;
    }

    /// <summary>
    /// A value that passes JSON binding but that no rule should accept here, to make a whole request invalid while
    /// another field is being probed; <c>null</c> when the field has none.
    /// </summary>
    public JsonNode? InvalidButReadable() => Kind switch
    {
        FieldKind.String when IsCode => "XX-NOWHERE",
        FieldKind.String when Name.Contains("email") => "not an email",
        FieldKind.String => new string('x', 100_000),
        FieldKind.Array when Element is { IsCode: true } => new JsonArray("XX-NOWHERE"),
        FieldKind.Map => new JsonObject { ["xx-unknown-language"] = "Sweep" },
        _ => null,
    };

    /// <summary>Values no request should carry in this field; <c>Unconditional</c> ones are wrong whatever the rest says.</summary>
    public IEnumerable<(string Case, JsonNode? Value, bool Unconditional)> BadValues()
    {
        // Wrong JSON types for every kind: binding must refuse them and name the field.
        if (Kind is not FieldKind.String and not FieldKind.Enum and not FieldKind.Guid and not FieldKind.Date and not FieldKind.Instant)
        {
            yield return ("a string", "sweep", true);
        }

        if (Kind is not FieldKind.Integer and not FieldKind.Number)
        {
            yield return ("a number", 12345, true);
        }

        if (Kind is not FieldKind.Bool)
        {
            yield return ("a boolean", true, true);
        }

        if (Kind is not FieldKind.Object and not FieldKind.Map)
        {
            yield return ("an object", new JsonObject { ["sweep"] = 1 }, true);
        }

        if (Kind is not FieldKind.Array)
        {
            yield return ("an array", new JsonArray(1, 2), true);
        }

        yield return ("null", null, false);

        switch (Kind)
        {
            case FieldKind.String:
                yield return ("an empty string", "", false);
                yield return ("only spaces", "   ", false);
                yield return ("100k characters", new string('x', 100_000), true);
                yield return ("a NUL character", "Sweep\u0000name", true);
                if (IsCode)
                {
                    yield return ("an unknown code", "XX-NOWHERE", true);
                    yield return ("a code in the wrong case", Valid()!.GetValue<string>().ToLowerInvariant() + "X", true);
                }

                if (Name.Contains("email"))
                {
                    yield return ("not an email", "not an email", true);
                }

                if (Name.Contains("website") || Name.Contains("url"))
                {
                    yield return ("a script URL", "javascript:alert(1)", true);
                }

                break;
            case FieldKind.Integer:
                yield return ("negative", -1, false);
                yield return ("beyond Int32", 2_147_483_648L, true);
                yield return ("a fraction", 1.5m, true);
                yield return ("1e400", JsonNode.Parse("1e400"), true);
                yield return ("a numeric string", "12", true);
                break;
            case FieldKind.Number:
                yield return ("negative", -1m, true);
                yield return ("beyond decimal", JsonNode.Parse("1e30"), true);
                yield return ("1e400", JsonNode.Parse("1e400"), true);
                yield return ("a numeric string", "12.5", true);
                break;
            case FieldKind.Guid:
                yield return ("not a GUID", "not-a-guid", true);
                yield return ("the empty GUID", Guid.Empty.ToString(), false);
                yield return ("a GUID nothing has", Guid.NewGuid().ToString(), false);
                break;
            case FieldKind.Date:
                yield return ("30 February", "2026-02-30", true);
                yield return ("not a date", "yesterday", true);
                yield return ("a date and time", "2026-05-01T10:00:00Z", true);
                yield return ("year 0", "0000-01-01", true);
                yield return ("the last day of the calendar", "9999-12-31", true);
                break;
            case FieldKind.Instant:
                yield return ("month 13", "2026-13-01T00:00:00Z", true);
                yield return ("not an instant", "tomorrow", true);
                yield return ("the last instant of the calendar", "9999-12-31T23:59:59Z", true);
                break;
            case FieldKind.Enum:
                yield return ("an unknown value", "NotA" + ClrType.Name, true);
                yield return ("a value in the wrong case", Enum.GetNames(ClrType)[0].ToLowerInvariant(), false);
                yield return ("an integer value", 0, true);
                yield return ("an out-of-range integer", 999, true);
                break;
            case FieldKind.Map:
                yield return ("an empty object", new JsonObject(), false);
                yield return ("an unknown key", new JsonObject { ["xx-unknown-language"] = "Sweep" }, true);
                yield return ("a value of the wrong type", new JsonObject { [Language.English] = new JsonArray(1) }, true);
                yield return ("100k characters in a value", new JsonObject { [Language.English] = new string('x', 100_000) }, true);
                yield return ("10k keys", new JsonObject(Enumerable.Range(0, 10_000).Select(i => KeyValuePair.Create($"k{i}", (JsonNode?)"x"))), true);
                break;
            case FieldKind.Array:
                yield return ("an empty array", new JsonArray(), false);
                yield return ("a null item", new JsonArray((JsonNode?)null), false);
                yield return ("100k items", new JsonArray(Enumerable.Range(0, 100_000).Select(_ => Element!.Kind == FieldKind.Guid ? Guid.NewGuid().ToString() : Element.Valid()).ToArray()), true);
                if (Element is { IsCode: true })
                {
                    yield return ("an unknown code", new JsonArray("XX-NOWHERE"), true);
                }

                break;
            case FieldKind.Object:
                yield return ("an empty object", new JsonObject(), false);
                break;
        }
    }
}
