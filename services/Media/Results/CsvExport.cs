using System.Globalization;
using System.Text;

namespace Platform.Media.Results;

/// <summary>
/// Actuals for spreadsheets: one row per indicator, quarter and breakdown part (the total has dimension <c>total</c>).
/// For a reader who may not see exact figures, a small count of people is an empty cell and the row's
/// <c>suppressed</c> is <c>true</c> (docs/figures.md); an empty cell with <c>suppressed</c> false means no figure.
/// </summary>
public static class CsvExport
{
    public const string Header = "result,indicator,quarter,dimension,code,value,numerator,denominator,target,locked,revised_value,suppressed";

    public static string Write(ResultsCalculator calculator, Quarter last, bool seesExact)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var indicator in ProgrammeFramework.Indicators)
        {
            foreach (var actual in calculator.Actuals(indicator, last))
            {
                var (exact, exactRevised) = (actual.Reported, actual.Revised);
                var figure = Shown.Of(indicator, exact, seesExact).Figure;
                var revised = exactRevised is null ? null : Shown.Of(indicator, exactRevised, seesExact).Figure;
                Row(csv, indicator, actual, "total", "", figure.Value, figure.Numerator, figure.Denominator, revised?.Value,
                    Hidden(exact.Value, figure.Value) || Hidden(exactRevised?.Value, revised?.Value));
                foreach (var (dimension, cells) in figure.By)
                {
                    foreach (var (code, value) in cells.OrderBy(c => c.Key, StringComparer.Ordinal))
                    {
                        var revisedCell = revised?.By.GetValueOrDefault(dimension)?.GetValueOrDefault(code);
                        Row(csv, indicator, actual, dimension, code, value, null, null, revisedCell,
                            Hidden(exact.By[dimension].GetValueOrDefault(code), value)
                            || Hidden(exactRevised?.By.GetValueOrDefault(dimension)?.GetValueOrDefault(code), revisedCell));
                    }
                }
            }
        }

        return csv.ToString();
    }

    private static bool Hidden(decimal? exact, decimal? shown) => exact is not null && shown is null;

    private static void Row(StringBuilder csv, Indicator indicator, QuarterActual actual, string dimension, string code,
        decimal? value, decimal? numerator, decimal? denominator, decimal? revised, bool suppressed)
    {
        string N(decimal? d) => d?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
        csv.AppendJoin(',', indicator.ResultCode, indicator.Code, actual.Quarter, dimension, Escape(code), N(value), N(numerator), N(denominator),
                N(actual.Target), actual.LockedAt is null ? "false" : "true", actual.Revised is null ? "" : N(revised), suppressed ? "true" : "false")
            .Append("\r\n");
    }

    /// <summary>RFC 4180 quoting; a leading formula character is neutralised so a spreadsheet never runs a cell.</summary>
    private static string Escape(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
