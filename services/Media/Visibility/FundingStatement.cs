using Platform.Contracts.ReferenceData;

namespace Platform.Media.Visibility;

/// <summary>
/// The EU funding statement every output carries beside the emblem, in the output's language (EU visibility guidance
/// for external actions, 2022). Reference data: the same four texts wherever the programme prints it.
/// </summary>
public static class FundingStatement
{
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Language.Georgian] = "ევროკავშირის მიერ დაფინანსებული",
        [Language.Azerbaijani] = "Avropa İttifaqı tərəfindən maliyyələşdirilir",
        [Language.Armenian] = "Ֆինանսավորվում է Եվրոպական միության կողմից",
        [Language.English] = "Funded by the European Union",
    };

    public static string In(string language) =>
        Texts.TryGetValue(language, out var text) ? text : throw new ArgumentException($"'{language}' is not a programme language.", nameof(language));

    /// <summary>Whether a text as it appears on the material is the statement in that language (spacing and case aside).</summary>
    public static bool Matches(string language, string text) =>
        string.Equals(Normalise(In(language)), Normalise(text), StringComparison.Ordinal);

    // Azerbaijani's dotted İ lower-cases to i only in its own culture; the invariant culture keeps the comparison stable.
    private static string Normalise(string text) =>
        string.Join(' ', text.Normalize().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
