namespace Platform.Contracts.ReferenceData;

/// <summary>The ISO currencies the programme's money is in; an amount never mixes them in a sum.</summary>
public static class Currency
{
    public const string Lari = "GEL";
    public const string Euro = "EUR";

    public static readonly IReadOnlyList<string> All = [Lari, Euro];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}
