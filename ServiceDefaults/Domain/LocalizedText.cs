using System.Collections.ObjectModel;
using Platform.Contracts.ReferenceData;

namespace Platform.ServiceDefaults.Domain;

/// <summary>
/// Public text in the languages of the people served (ka, az, hy, en): at least one entry, each non-blank.
/// </summary>
public sealed class LocalizedText : IEquatable<LocalizedText>
{
    private LocalizedText(IReadOnlyDictionary<string, string> values) => Values = values;

    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>Checks a client's map of language to text; every problem is added under <paramref name="field"/>.</summary>
    public static void Validate(IReadOnlyDictionary<string, string?>? values, string field, int maxLength, ValidationErrors errors)
    {
        if (values is null || values.Count == 0)
        {
            errors.Add(field, "At least one language (ka, az, hy or en) is required.");
            return;
        }

        foreach (var (language, text) in values)
        {
            if (!Language.IsKnown(language))
            {
                errors.Add($"{field}.{language}", $"'{language}' is not a programme language; use one of {string.Join(", ", Language.All)}.");
            }
            else if (string.IsNullOrWhiteSpace(text))
            {
                errors.Add($"{field}.{language}", "The text must not be empty.");
            }
            else if (text.Trim().Length > maxLength)
            {
                errors.Add($"{field}.{language}", $"At most {maxLength} characters.");
            }
        }
    }

    /// <summary>Makes a text from values that passed <see cref="Validate"/>; trims each entry.</summary>
    public static LocalizedText From(IReadOnlyDictionary<string, string?> values)
    {
        var errors = new ValidationErrors();
        Validate(values, "text", int.MaxValue, errors);
        errors.ThrowIfAny();
        return new LocalizedText(new ReadOnlyDictionary<string, string>(
            values.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => v.Value!.Trim(), StringComparer.Ordinal)));
    }

    public bool Equals(LocalizedText? other) =>
        other is not null && Values.Count == other.Values.Count
        && Values.All(v => other.Values.TryGetValue(v.Key, out var text) && text == v.Value);

    public override bool Equals(object? obj) => obj is LocalizedText other && Equals(other);

    public override int GetHashCode() => Values.Aggregate(0, (hash, v) => hash ^ HashCode.Combine(v.Key, v.Value));

    public override string ToString() => Values.TryGetValue(Language.English, out var en) ? en : Values.First().Value;
}
