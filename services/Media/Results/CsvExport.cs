using System.Globalization;
using System.Text;

namespace Platform.Media.Results;

/// <summary>Actuals for spreadsheets: one row per indicator, quarter and breakdown part (the total has dimension <c>total</c>).</summary>
public static class CsvExport
{
    public const string Header = "result,indicator,quarter,dimension,code,value,numerator,denominator,target,locked,revised_value";

    public static string Write(ResultsCalculator calculator, Quarter last)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        foreach (var indicator in ProgrammeFramework.Indicators)
        {
            foreach (var actual in calculator.Actuals(indicator, last))
            {
                var figure = actual.Reported;
                Row(csv, indicator, actual, "total", "", figure.Value, figure.Numerator, figure.Denominator, actual.Revised?.Value);
                foreach (var (dimension, cells) in figure.By)
                {
                    foreach (var (code, value) in cells.OrderBy(c => c.Key, StringComparer.Ordinal))
                    {
                        Row(csv, indicator, actual, dimension, code, value, null, null, actual.Revised?.By.GetValueOrDefault(dimension)?.GetValueOrDefault(code));
                    }
                }
            }
        }

        return csv.ToString();
    }

    private static void Row(StringBuilder csv, Indicator indicator, QuarterActual actual, string dimension, string code,
        decimal? value, decimal? numerator, decimal? denominator, decimal? revised)
    {
        string N(decimal? d) => d?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
        csv.AppendJoin(',', indicator.ResultCode, indicator.Code, actual.Quarter, dimension, Escape(code), N(value), N(numerator), N(denominator),
                N(actual.Target), actual.LockedAt is null ? "false" : "true", actual.Revised is null ? "" : N(revised))
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
