using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Partnerships.Data;

/// <summary>Counts by code (gender, age group) stored as a jsonb object.</summary>
internal static class JsonCounts
{
    public static PropertyBuilder<Dictionary<string, int>?> AsJsonCounts(this PropertyBuilder<Dictionary<string, int>?> property) =>
        property.HasColumnType("jsonb").HasConversion(
            counts => counts == null ? null : JsonSerializer.Serialize(counts, JsonSerializerOptions.Default),
            json => json == null ? null : JsonSerializer.Deserialize<Dictionary<string, int>>(json, JsonSerializerOptions.Default),
            new ValueComparer<Dictionary<string, int>?>(
                (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
                counts => counts == null ? 0 : counts.Count,
                counts => counts == null ? null : new Dictionary<string, int>(counts)));
}
