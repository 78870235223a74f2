using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using Platform.Media.Results;

namespace Platform.Media.Catalogue;

/// <summary>Charts drawn on the server as SVG: readable without JavaScript, each with a text alternative.</summary>
public static class SvgCharts
{
    public static string Number(decimal? value) => value?.ToString("#,0.##", CultureInfo.InvariantCulture) ?? "–";

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);

    /// <summary>A bar of the figure to date against the end-of-programme target.</summary>
    public static IHtmlContent Progress(PublicIndicator indicator, string language)
    {
        const int width = 320, height = 22;
        var share = indicator.FinalTarget <= 0 || indicator.ToDate is not { } done ? 0 : Math.Clamp((double)(done / indicator.FinalTarget), 0, 1);
        var label = $"{CatalogueText.Get("progress", language)}: {Number(indicator.ToDate)} / {Number(indicator.FinalTarget)} {indicator.Unit} ({F(share * 100)}%)";
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{E(label)}\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(label)}</title>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{width}\" height=\"{height}\" fill=\"#d9e1f2\" stroke=\"#003399\"/>")
            .Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"0\" width=\"{F(width * share)}\" height=\"{height}\" fill=\"#003399\"/>")
            .Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>
    /// A bar per quarter with the year's target as a line: a cumulative indicator is compared with the target for the
    /// year's end, a per-period one with a quarter's share of the year's target.
    /// </summary>
    public static IHtmlContent Quarters(PublicIndicator indicator, string language)
    {
        const int barWidth = 26, gap = 8, chartHeight = 120, top = 10, labelHeight = 30;
        var actuals = indicator.Actuals;
        decimal? TargetOf(PublicActual a) => a.Target is { } t && indicator.Aggregation == Aggregation.PerPeriod && indicator.Measure != IndicatorMeasure.Percent ? t / 4 : a.Target;
        var max = actuals.Select(a => Math.Max(a.RevisedValue ?? a.Value ?? 0m, TargetOf(a) ?? 0m)).DefaultIfEmpty(0m).Max();
        max = max <= 0 ? 1 : max;
        var width = actuals.Count * (barWidth + gap) + gap;
        double Y(decimal value) => top + chartHeight - (double)(value / max) * chartHeight;

        var label = $"{CatalogueText.Get("chart", language)}: " + string.Join("; ", actuals.Select(a =>
            $"{a.Quarter} {Number(a.RevisedValue ?? a.Value)} ({CatalogueText.Get("target", language)} {Number(TargetOf(a))})"));
        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg role=\"img\" aria-label=\"{E(label)}\" width=\"{width}\" height=\"{top + chartHeight + labelHeight}\" viewBox=\"0 0 {width} {top + chartHeight + labelHeight}\">")
            .Append(CultureInfo.InvariantCulture, $"<title>{E(label)}</title>")
            .Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{top + chartHeight}\" x2=\"{width}\" y2=\"{top + chartHeight}\" stroke=\"#1b1b1b\"/>");
        for (var i = 0; i < actuals.Count; i++)
        {
            var a = actuals[i];
            var x = gap + i * (barWidth + gap);
            var value = a.RevisedValue ?? a.Value ?? 0m;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{x}\" y=\"{F(Y(value))}\" width=\"{barWidth}\" height=\"{F(top + chartHeight - Y(value))}\" fill=\"#003399\"/>");
            if (TargetOf(a) is { } target)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x - gap / 2}\" y1=\"{F(Y(target))}\" x2=\"{x + barWidth + gap / 2}\" y2=\"{F(Y(target))}\" stroke=\"#1f6f43\" stroke-width=\"3\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{top + chartHeight + 13}\">{E(a.Quarter[2..4])}</text>")
                .Append(CultureInfo.InvariantCulture, $"<text x=\"{x}\" y=\"{top + chartHeight + 26}\">{E(a.Quarter[4..])}</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    /// <summary>A figure for the public page: suppressed small counts say so in words.</summary>
    public static string Cell(decimal? value, bool suppressed, string language) =>
        suppressed ? CatalogueText.Get("suppressed", language) : Number(value);
}
