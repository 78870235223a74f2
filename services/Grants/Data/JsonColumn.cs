using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Grants.Data;

/// <summary>
/// Stores a list of value records (budget lines, criteria, scores, tranches) as one jsonb column: they are read and
/// written with their owner, never queried on their own. Changes are detected by comparing the JSON.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static PropertyBuilder<List<T>> HasJsonConversion<T>(this PropertyBuilder<List<T>> property) =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                list => JsonSerializer.Serialize(list, Options),
                json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>(),
                new ValueComparer<List<T>>(
                    (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
                    list => JsonSerializer.Serialize(list, Options).GetHashCode(StringComparison.Ordinal),
                    list => JsonSerializer.Deserialize<List<T>>(JsonSerializer.Serialize(list, Options), Options)!));
}
