using Platform.Contracts.ReferenceData;

namespace Platform.Media.Catalogue;

/// <summary>The programme's municipalities as the people of each language write them.</summary>
public static class PlaceNames
{
    private static readonly Dictionary<string, Dictionary<string, string>> Names = new(StringComparer.Ordinal)
    {
        [Municipality.Marneuli] = N("Marneuli", "მარნეული", "Marneuli", "Մառնեուլի"),
        [Municipality.Tetritskaro] = N("Tetritskaro", "თეთრიწყარო", "Tetritskaro", "Թեթրիծղարո"),
        [Municipality.Dmanisi] = N("Dmanisi", "დმანისი", "Dmanisi", "Դմանիսի"),
        [Municipality.Gardabani] = N("Gardabani", "გარდაბანი", "Qardabani", "Գարդաբանի"),
        [Municipality.Bolnisi] = N("Bolnisi", "ბოლნისი", "Bolnisi", "Բոլնիսի"),
        [Municipality.Tsalka] = N("Tsalka", "წალკა", "Tsalka", "Ծալկա"),
        [Municipality.Akhaltsikhe] = N("Akhaltsikhe", "ახალციხე", "Axalsıx", "Ախալցխա"),
        [Municipality.Ninotsminda] = N("Ninotsminda", "ნინოწმინდა", "Ninotsminda", "Նինոծմինդա"),
    };

    private static Dictionary<string, string> N(string en, string ka, string az, string hy) =>
        new(StringComparer.Ordinal) { ["en"] = en, ["ka"] = ka, ["az"] = az, ["hy"] = hy };

    /// <summary>The municipality's name in <paramref name="language"/>; the code itself for anything else (<c>not-recorded</c>, <c>multiple</c>).</summary>
    public static string Of(string? code, string language) =>
        code is not null && Names.TryGetValue(code, out var names) ? names[language] : code ?? "";
}
