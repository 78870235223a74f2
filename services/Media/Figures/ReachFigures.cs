using Platform.Media.Campaigns;

namespace Platform.Media.Figures;

/// <summary>Reach against the target for one key (a campaign, a channel, a language, an audience, a municipality).</summary>
public sealed record ReachRow(string Key, long Reach, long Target)
{
    /// <summary>Reach as a percentage of the target, one decimal; <c>null</c> when no target was set.</summary>
    public decimal? PercentOfTarget => Target == 0 ? null : Math.Round(100m * Reach / Target, 1);
}

/// <summary>What the figures need of a campaign.</summary>
public sealed record CampaignTargets(
    Guid Id,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Municipalities,
    IReadOnlyDictionary<string, long> TargetReachByChannel,
    IReadOnlyDictionary<string, long> TargetReachByLanguage)
{
    public long TargetReach => TargetReachByChannel.Values.Sum();

    public static CampaignTargets Of(Campaign c) => new(c.Id, c.Audiences, c.Municipalities, c.TargetReachByChannel, c.TargetReachByLanguage);
}

/// <summary>
/// Campaign reach against the targets. Reach by channel, language and municipality is where the outputs appeared;
/// the targets are the campaigns' own, per channel and per language. A campaign's reach and target count for each of
/// its audiences and each of its municipalities' targets, so those rows overlap and do not add up to the total.
/// </summary>
public sealed record ReachFigures(
    ReachRow Total,
    IReadOnlyList<ReachRow> ByCampaign,
    IReadOnlyList<ReachRow> ByChannel,
    IReadOnlyList<ReachRow> ByLanguage,
    IReadOnlyList<ReachRow> ByAudience,
    IReadOnlyList<ReachRow> ByMunicipality)
{
    public static ReachFigures Of(IReadOnlyList<CampaignTargets> campaigns, IReadOnlyList<(Guid CampaignId, OutputReach Reach)> outputs)
    {
        var reachOf = outputs.GroupBy(o => o.CampaignId).ToDictionary(g => g.Key, g => ReachTotals.Of(g.Select(o => o.Reach)));
        var totals = campaigns.Select(c => (Campaign: c, Reach: reachOf.GetValueOrDefault(c.Id) ?? ReachTotals.Of([]))).ToList();

        return new ReachFigures(
            new ReachRow("total", totals.Sum(t => t.Reach.Reach), campaigns.Sum(c => c.TargetReach)),
            [.. totals.Select(t => new ReachRow(t.Campaign.Id.ToString(), t.Reach.Reach, t.Campaign.TargetReach))],
            Rows(Channel.All, code => totals.Sum(t => t.Reach.ByChannel.GetValueOrDefault(code)), code => campaigns.Sum(c => c.TargetReachByChannel.GetValueOrDefault(code))),
            Rows(Contracts.ReferenceData.Language.All, code => totals.Sum(t => t.Reach.ByLanguage.GetValueOrDefault(code)), code => campaigns.Sum(c => c.TargetReachByLanguage.GetValueOrDefault(code))),
            Rows(Audience.All, code => totals.Where(t => t.Campaign.Audiences.Contains(code)).Sum(t => t.Reach.Reach),
                code => campaigns.Where(c => c.Audiences.Contains(code)).Sum(c => c.TargetReach)),
            Rows(Contracts.ReferenceData.Municipality.All, code => totals.Sum(t => t.Reach.ByMunicipality.GetValueOrDefault(code)),
                code => campaigns.Where(c => c.Municipalities.Contains(code)).Sum(c => c.TargetReach)));
    }

    /// <summary>A row for every code that has a target or a reach, in the reference order.</summary>
    private static List<ReachRow> Rows(IReadOnlyList<string> codes, Func<string, long> reach, Func<string, long> target) =>
        [.. codes.Select(code => new ReachRow(code, reach(code), target(code))).Where(r => r.Reach != 0 || r.Target != 0)];
}
