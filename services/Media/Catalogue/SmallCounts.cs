using Platform.ServiceDefaults.Domain;

namespace Platform.Media.Catalogue;

/// <summary>
/// Where the catalogue applies the platform's one small-cell rule (<see cref="SmallCells"/>, docs/figures.md): to the
/// indicators that count people, in their breakdowns by gender, age group and municipality, and to their totals.
/// </summary>
public static class SmallCounts
{
    public const int Threshold = SmallCells.Threshold;

    public static readonly IReadOnlySet<string> SuppressedDimensions = new HashSet<string>(StringComparer.Ordinal)
    {
        Results.FactDimensions.Gender, Results.FactDimensions.AgeGroup, Results.FactDimensions.Municipality,
    };

    public static bool IsSmall(decimal? count) => SmallCells.IsSmall(count);

    /// <inheritdoc cref="SmallCells.Suppress{T}(IReadOnlyDictionary{string, T?})"/>
    public static IReadOnlyDictionary<string, decimal?> Suppress(IReadOnlyDictionary<string, decimal?> cells) => SmallCells.Suppress(cells);

    /// <summary>The breakdowns of a figure as the public may see them: people-counting indicators are suppressed by gender, age group and municipality.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> ForPublic(
        Results.Indicator indicator, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> by) =>
        by.ToDictionary(
            d => d.Key,
            d => indicator.CountsPeople && SuppressedDimensions.Contains(d.Key) ? Suppress(d.Value) : d.Value,
            StringComparer.Ordinal);

    /// <summary>A figure's total as the public may see it: a count of 1-4 people is hidden, as its only non-zero cell would be.</summary>
    public static decimal? TotalForPublic(Results.Indicator indicator, decimal? total) =>
        indicator.CountsPeople && IsSmall(total) ? null : total;
}
