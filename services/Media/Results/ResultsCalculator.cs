namespace Platform.Media.Results;

/// <summary>An indicator's figure for one quarter: as reported (as known when the quarter was locked) and, if facts for the quarter came later, revised.</summary>
public sealed record QuarterActual(
    Quarter Quarter,
    Figure Reported,
    DateTimeOffset? LockedAt,
    Figure? Revised,
    IReadOnlyList<Fact> LateFacts,
    decimal? Target);

/// <summary>
/// Computes actuals from facts, never from typed figures. A quarter's window is that quarter (per-period indicators)
/// or every quarter up to it (cumulative ones); a locked quarter is computed from the facts recorded by its lock, and
/// the facts of that quarter recorded later make its revision.
/// </summary>
public sealed class ResultsCalculator(
    IReadOnlyList<Fact> facts,
    IReadOnlyDictionary<Guid, OrganizationFacts> organizations,
    IReadOnlyDictionary<string, DateTimeOffset> locks)
{
    public Figure Evaluate(Indicator indicator, Quarter quarter, DateTimeOffset? recordedBy)
    {
        var key = quarter.ToString();
        var window = facts.Where(f => recordedBy is null || f.RecordedAt <= recordedBy)
            .Where(f => indicator.Aggregation == Aggregation.Cumulative
                ? string.CompareOrdinal(f.Quarter, key) <= 0
                : f.Quarter == key);
        return indicator.Formula.Evaluate(new FactSet(window, organizations), indicator.Disaggregations);
    }

    /// <summary>Where a fact happened: its own municipality or, for a fact that names only an organisation (an assessment), the organisation's.</summary>
    public string? MunicipalityOf(Fact fact) => new FactSet([], organizations).CodeOf(fact, FactDimensions.Municipality);

    public QuarterActual Actual(Indicator indicator, Quarter quarter)
    {
        var key = quarter.ToString();
        if (!locks.TryGetValue(key, out var lockedAt))
        {
            return new QuarterActual(quarter, Evaluate(indicator, quarter, null), null, null, [], indicator.TargetFor(quarter.Year));
        }

        var reported = Evaluate(indicator, quarter, lockedAt);
        var revised = Evaluate(indicator, quarter, null);
        var late = revised.Facts.Where(f => f.Quarter == key && f.RecordedAt > lockedAt).ToList();
        return new QuarterActual(quarter, reported, lockedAt, late.Count > 0 ? revised : null, late, indicator.TargetFor(quarter.Year));
    }

    /// <summary>Every quarter from the programme's start to <paramref name="last"/>.</summary>
    public IReadOnlyList<QuarterActual> Actuals(Indicator indicator, Quarter last) =>
        [.. Quarter.Range(Quarter.ProgrammeStart, last).Select(q => Actual(indicator, q))];

    /// <summary>The figure to date: the last quarter's for cumulative indicators and percents, the sum of the quarters for per-period counts.</summary>
    public static decimal? ToDate(Indicator indicator, IReadOnlyList<QuarterActual> actuals) =>
        actuals.Count == 0 ? null
        : indicator.Aggregation == Aggregation.PerPeriod && indicator.Measure != IndicatorMeasure.Percent
            ? actuals.Sum(a => (a.Revised ?? a.Reported).Value ?? 0m)
            : (actuals[^1].Revised ?? actuals[^1].Reported).Value;
}
