using Platform.Media.Results;
using Platform.ServiceDefaults.Domain;

namespace Platform.Media.Catalogue;

/// <summary>
/// Where Media applies the platform's one small-cell rule (<see cref="SmallCells"/>, docs/figures.md): to the indicators
/// that count people (<see cref="Indicator.CountsPeople"/>), in their breakdowns by gender, age group and municipality and
/// in their totals; and to the numbers of people a single fact carries. The public catalogue and the IATI export always
/// show figures this way; the results API shows them so to every reader but the media team and the programme admin.
/// </summary>
public static class SmallCounts
{
    public const int Threshold = SmallCells.Threshold;

    public static readonly IReadOnlySet<string> SuppressedDimensions = new HashSet<string>(StringComparer.Ordinal)
    {
        FactDimensions.Gender, FactDimensions.AgeGroup, FactDimensions.Municipality,
    };

    /// <summary>The numbers facts carry that count people (with their breakdowns, <c>participants|gender=female</c>).</summary>
    public static readonly IReadOnlySet<string> PeopleMeasures = new HashSet<string>(StringComparer.Ordinal)
    {
        Measures.Participants, Measures.PeopleServed,
    };

    public static bool IsSmall(decimal? count) => SmallCells.IsSmall(count);

    /// <inheritdoc cref="SmallCells.Suppress{T}(IReadOnlyDictionary{string, T?})"/>
    public static IReadOnlyDictionary<string, decimal?> Suppress(IReadOnlyDictionary<string, decimal?> cells) => SmallCells.Suppress(cells);

    /// <summary>The breakdowns of a figure as the public may see them: people-counting indicators are suppressed by gender, age group and municipality.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> ForPublic(
        Indicator indicator, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> by) =>
        by.ToDictionary(
            d => d.Key,
            d => indicator.CountsPeople && SuppressedDimensions.Contains(d.Key) ? Suppress(d.Value) : d.Value,
            StringComparer.Ordinal);

    /// <summary>A figure's total as the public may see it: a count of 1-4 people is hidden, as its only non-zero cell would be.</summary>
    public static decimal? TotalForPublic(Indicator indicator, decimal? total) =>
        indicator.CountsPeople && IsSmall(total) ? null : total;

    /// <summary>A figure as a reader who may not see exact figures sees it: its total and breakdowns suppressed (<see cref="ForPublic"/>).</summary>
    public static Figure ForPublic(Indicator indicator, Figure figure) =>
        indicator.CountsPeople ? figure with { Value = TotalForPublic(indicator, figure.Value), By = ForPublic(indicator, figure.By) } : figure;

    /// <summary>Whether <paramref name="shown"/> hides a number <paramref name="exact"/> has: a total or a cell that is null only when shown.</summary>
    public static bool Hides(Figure exact, Figure shown) =>
        (exact.Value is not null && shown.Value is null)
        || exact.By.Any(d => d.Value.Any(c => c.Value is not null && shown.By[d.Key].GetValueOrDefault(c.Key) is null));

    /// <summary>
    /// Where an event behind a people-counting figure happened, as a reader who may not see exact figures sees it: not
    /// when that municipality's cell of the figure is hidden (the events listed there would count it), nor, for a figure
    /// without a municipality breakdown, when the event itself counts 1-4 people. The municipality filter of the trace
    /// selects by what is shown, so it cannot count a hidden cell either.
    /// </summary>
    public static string? MunicipalityForPublic(Indicator indicator, Figure shown, Fact fact, string? municipality)
    {
        if (!indicator.CountsPeople || municipality is null)
        {
            return municipality;
        }

        if (shown.By.TryGetValue(FactDimensions.Municipality, out var cells))
        {
            return cells.GetValueOrDefault(municipality) is null ? null : municipality;
        }

        return PeopleMeasures.Any(m => fact.Values.TryGetValue(m, out var people) && IsSmall(people)) ? null : municipality;
    }

    /// <summary>
    /// The numbers of one fact as a reader who may not see exact figures sees them, whatever indicator it is traced from:
    /// a count of 1-4 people is null, each breakdown of it is suppressed as one (complementary suppression), and the
    /// participant-days of hidden participants are hidden with them. Other numbers (amounts, reach, scores) are exact.
    /// </summary>
    public static IReadOnlyDictionary<string, decimal?> ForPublic(IReadOnlyDictionary<string, decimal> values)
    {
        var shown = values.ToDictionary(v => v.Key, v => (decimal?)v.Value, StringComparer.Ordinal);
        foreach (var measure in PeopleMeasures.Where(values.ContainsKey))
        {
            shown[measure] = SmallCells.Cell(values[measure]);
        }

        var breakdowns = values.Keys.Select(key => (Key: key, Part: Fact.ParseBreakdownKey(key)))
            .Where(k => k.Part is { } part && PeopleMeasures.Contains(part.Measure))
            .GroupBy(k => (k.Part!.Value.Measure, k.Part!.Value.Dimension));
        foreach (var breakdown in breakdowns)
        {
            var cells = SmallCells.Suppress<decimal>(breakdown.ToDictionary(k => k.Key, k => values[k.Key], StringComparer.Ordinal));
            foreach (var (key, cell) in cells)
            {
                shown[key] = cell;
            }
        }

        if (shown.ContainsKey(Measures.ParticipantDays) && values.ContainsKey(Measures.Participants) && shown[Measures.Participants] is null)
        {
            shown[Measures.ParticipantDays] = null;
        }

        return shown;
    }
}
