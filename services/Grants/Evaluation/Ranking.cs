using Platform.Grants.Applications;

namespace Platform.Grants.Evaluation;

/// <summary>One eligible application's place in its call's ranking.</summary>
public sealed record RankedApplication(
    int Rank,
    Guid ApplicationId,
    decimal RequestedAmount,
    decimal? AverageScore,
    int Scores,
    ApplicationStatus Status);

/// <summary>
/// A call's ranking: its eligible applications still in competition, by the average of their evaluators'
/// weighted totals, highest first; ties go to the earlier submission.
/// </summary>
public static class Ranking
{
    public static IReadOnlyList<RankedApplication> Of(IEnumerable<GrantApplication> applications, IEnumerable<EvaluatorAssignment> assignments)
    {
        var cards = assignments.Where(a => a.IsScored).ToLookup(a => a.ApplicationId);
        return applications
            .Where(a => a.InCompetition)
            .Select(a => (Application: a, Totals: cards[a.Id].Select(c => c.WeightedTotal!.Value).ToList()))
            .OrderByDescending(x => x.Totals.Count == 0 ? -1m : x.Totals.Average())
            .ThenBy(x => x.Application.SubmittedAt)
            .ThenBy(x => x.Application.Id)
            .Select((x, i) => new RankedApplication(
                i + 1,
                x.Application.Id,
                x.Application.RequestedAmount,
                x.Totals.Count == 0 ? null : decimal.Round(x.Totals.Average(), 2),
                x.Totals.Count,
                x.Application.Status))
            .ToList();
    }

    /// <summary>Eligible applications in competition with fewer than <paramref name="required"/> scores.</summary>
    public static IReadOnlyList<Guid> Unscored(IEnumerable<GrantApplication> applications, IEnumerable<EvaluatorAssignment> assignments, int required)
    {
        var counts = assignments.Where(a => a.IsScored).GroupBy(a => a.ApplicationId).ToDictionary(g => g.Key, g => g.Count());
        return applications.Where(a => a.InCompetition && counts.GetValueOrDefault(a.Id) < required).Select(a => a.Id).ToList();
    }
}
