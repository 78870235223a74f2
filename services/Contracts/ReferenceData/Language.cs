namespace Platform.Contracts.ReferenceData;

/// <summary>Languages of the people the programme serves: Georgian, Azerbaijani, Armenian and English.</summary>
public static class Language
{
    public const string Georgian = "ka";
    public const string Azerbaijani = "az";
    public const string Armenian = "hy";
    public const string English = "en";

    public static readonly IReadOnlyList<string> All = [Georgian, Azerbaijani, Armenian, English];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
