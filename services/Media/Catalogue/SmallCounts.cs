namespace Platform.Media.Catalogue;

/// <summary>
/// The one rule for small counts in public figures: a count of people by gender, age group or municipality between 1
/// and 4 is not shown (a count that small can point at a person). When only one cell of a breakdown is hidden, the
/// next smallest non-zero cell is hidden too, so that the total minus the others cannot give it away.
/// </summary>
public static class SmallCounts
{
    public const int Threshold = 5;

    public static readonly IReadOnlySet<string> SuppressedDimensions = new HashSet<string>(StringComparer.Ordinal)
    {
        Results.FactDimensions.Gender, Results.FactDimensions.AgeGroup, Results.FactDimensions.Municipality,
    };

    public static bool IsSmall(decimal? count) => count is > 0 and < Threshold;

    /// <summary>A copy of <paramref name="cells"/> with small counts (and the one cell that would reveal a single hidden one) as null.</summary>
    public static IReadOnlyDictionary<string, decimal?> Suppress(IReadOnlyDictionary<string, decimal?> cells)
    {
        var result = cells.ToDictionary(c => c.Key, c => IsSmall(c.Value) ? null : c.Value, StringComparer.Ordinal);
        if (result.Count(c => c.Value is null && cells[c.Key] is not null) == 1)
        {
            var next = result.Where(c => c.Value is > 0).OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault();
            if (next.Key is not null)
            {
                result[next.Key] = null;
            }
        }

        return result;
    }

    /// <summary>The breakdowns of a figure as the public may see them: people-counting indicators are suppressed by gender, age group and municipality.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> ForPublic(
        Results.Indicator indicator, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> by) =>
        by.ToDictionary(
            d => d.Key,
            d => indicator.CountsPeople && SuppressedDimensions.Contains(d.Key) ? Suppress(d.Value) : d.Value,
            StringComparer.Ordinal);
}
