namespace Platform.Contracts.ReferenceData;

/// <summary>The programme's eight municipalities in two regions; the codes are the same in every service.</summary>
public static class Municipality
{
    public const string Marneuli = "KK-MARNEULI";
    public const string Tetritskaro = "KK-TETRITSKARO";
    public const string Dmanisi = "KK-DMANISI";
    public const string Gardabani = "KK-GARDABANI";
    public const string Bolnisi = "KK-BOLNISI";
    public const string Tsalka = "KK-TSALKA";
    public const string Akhaltsikhe = "SJ-AKHALTSIKHE";
    public const string Ninotsminda = "SJ-NINOTSMINDA";

    public static readonly IReadOnlyList<string> All =
        [Marneuli, Tetritskaro, Dmanisi, Gardabani, Bolnisi, Tsalka, Akhaltsikhe, Ninotsminda];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);

    /// <summary>The region code (<c>KK</c> Kvemo Kartli, <c>SJ</c> Samtskhe-Javakheti) of a known municipality.</summary>
    public static string RegionOf(string code) =>
        IsKnown(code) ? code[..2] : throw new ArgumentException($"Unknown municipality '{code}'.", nameof(code));
}
