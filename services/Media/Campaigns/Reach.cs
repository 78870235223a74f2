namespace Platform.Media.Campaigns;

/// <summary>One published output's part in a campaign's reach: where it appeared and how many it reached.</summary>
public sealed record OutputReach(string Channel, string Language, string Municipality, long Reach);

/// <summary>A campaign's reach: in total, by channel, language and municipality, and how many outputs made it.</summary>
public sealed record ReachTotals(
    long Reach,
    IReadOnlyDictionary<string, long> ByChannel,
    IReadOnlyDictionary<string, long> ByLanguage,
    IReadOnlyDictionary<string, long> ByMunicipality,
    int Outputs)
{
    public static ReachTotals Of(IEnumerable<OutputReach> outputs)
    {
        var list = outputs.ToList();
        return new ReachTotals(
            list.Sum(o => o.Reach),
            SumBy(list, o => o.Channel),
            SumBy(list, o => o.Language),
            SumBy(list, o => o.Municipality),
            list.Count);
    }

    private static Dictionary<string, long> SumBy(IEnumerable<OutputReach> outputs, Func<OutputReach, string> key) =>
        outputs.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(o => o.Reach), StringComparer.Ordinal);
}
