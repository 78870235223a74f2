using Platform.Capacity.Instruments;

namespace Platform.Capacity.Assessments;

/// <summary>
/// How scores are computed, never typed in: a domain's score is the mean of its sub-areas' levels, the overall score
/// the mean of the domain scores as reported. Every score is rounded to two decimals, half away from zero
/// (2.125 becomes 2.13), so anyone can recompute the overall from the domain scores an event carries.
/// </summary>
public static class Scoring
{
    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>The score of every domain whose sub-areas are all scored; a domain with a gap has none yet.</summary>
    public static Dictionary<string, decimal> DomainScores(Instrument instrument, IReadOnlyCollection<SubAreaScore> scores)
    {
        var levels = scores.ToDictionary(s => s.SubArea, s => s.Level, StringComparer.Ordinal);
        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var domain in instrument.Domains)
        {
            var scored = domain.SubAreas.Where(s => levels.ContainsKey(s.Code)).Select(s => (decimal)levels[s.Code]).ToList();
            if (scored.Count == domain.SubAreas.Count && scored.Count > 0)
            {
                result[domain.Code] = Round(scored.Average());
            }
        }

        return result;
    }

    /// <summary>The mean of the domain scores, or <c>null</c> while a domain has none.</summary>
    public static decimal? Overall(Instrument instrument, IReadOnlyDictionary<string, decimal> domainScores) =>
        domainScores.Count == instrument.Domains.Count && domainScores.Count > 0 ? Round(domainScores.Values.Average()) : null;

    /// <summary>A participant's gain between the pre- and the post-test (points on the 0-100 scale), when both were taken.</summary>
    public static decimal? Gain(decimal? pre, decimal? post) => pre is { } before && post is { } after ? after - before : null;

    /// <summary>The mean gain of those who took both tests, rounded as every score is; <c>null</c> when nobody did.</summary>
    public static decimal? AverageGain(IEnumerable<decimal?> gains)
    {
        var taken = gains.OfType<decimal>().ToList();
        return taken.Count == 0 ? null : Round(taken.Average());
    }
}
