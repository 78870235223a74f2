using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.ServiceDefaults.Domain;

public static class LocalizedTextConversion
{
    /// <summary>Stores a <see cref="LocalizedText"/> as a jsonb object of language to text.</summary>
    public static PropertyBuilder<LocalizedText> HasLocalizedTextConversion(this PropertyBuilder<LocalizedText> property) =>
        property
            .HasColumnType("jsonb")
            .HasConversion(
                text => JsonSerializer.Serialize(text.Values, JsonSerializerOptions.Default),
                json => LocalizedText.From(JsonSerializer.Deserialize<Dictionary<string, string?>>(json, JsonSerializerOptions.Default)!),
                new ValueComparer<LocalizedText>((a, b) => Equals(a, b), text => text.GetHashCode(), text => text));
}
