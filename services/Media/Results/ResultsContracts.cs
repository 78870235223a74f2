using Platform.Media.Catalogue;
using Platform.ServiceDefaults.Domain;

namespace Platform.Media.Results;

public sealed record ResultAreaResponse(string Code, IReadOnlyDictionary<string, string> Title, IReadOnlyList<IndicatorResponse> Indicators)
{
    public static ResultAreaResponse From(ResultArea result) => new(result.Code, result.Title, [.. result.Indicators.Select(IndicatorResponse.From)]);
}

public sealed record IndicatorResponse(
    string Code,
    string Result,
    IReadOnlyDictionary<string, string> Title,
    string Definition,
    IndicatorMeasure Measure,
    Aggregation Aggregation,
    string Formula,
    string? Numerator,
    string? Denominator,
    IReadOnlyList<string> Disaggregations,
    Baseline Baseline,
    IReadOnlyDictionary<int, decimal> Targets,
    string Unit,
    bool CountsPeople)
{
    public static IndicatorResponse From(Indicator i) => new(
        i.Code, i.ResultCode, i.Title, i.Definition, i.Measure, i.Aggregation, i.Formula.Describe(),
        (i.Formula as PercentOf)?.Numerator.Describe(), (i.Formula as PercentOf)?.Denominator.Describe(),
        i.Disaggregations, i.Baseline, i.Targets, i.Unit, i.CountsPeople);
}

/// <summary>How a figure is shown to one reader: exact, or with small counts of people suppressed (docs/figures.md).</summary>
public readonly record struct Shown(Figure Figure, bool Suppressed)
{
    /// <summary>How many events the figure is computed from; not given with a hidden total (for graduates it would be the total).</summary>
    public int? Events => Suppressed && Figure.Value is null ? null : Figure.Facts.Count;

    public static Shown Of(Indicator indicator, Figure exact, bool seesExact)
    {
        var shown = seesExact ? exact : SmallCounts.ForPublic(indicator, exact);
        return new Shown(shown, SmallCounts.Hides(exact, shown));
    }
}

/// <summary>A figure; <c>suppressed</c>: a small count of people in it is <c>null</c> for this reader (and with a hidden total, <c>events</c> too).</summary>
public sealed record FigureResponse(
    decimal? Value, decimal? Numerator, decimal? Denominator, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> By, int? Events, bool Suppressed)
{
    public static FigureResponse From(Shown shown) =>
        new(shown.Figure.Value, shown.Figure.Numerator, shown.Figure.Denominator, shown.Figure.By, shown.Events, shown.Suppressed);
}

/// <summary>
/// A quarter's actual: as reported; when facts for a locked quarter arrived later, <c>revision</c> shows the figure with
/// them. <c>suppressed</c>: a small count of people in the reported figure is <c>null</c> for this reader (and with a
/// hidden total, <c>events</c> too).
/// </summary>
public sealed record ActualResponse(
    string Quarter,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Target,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> By,
    int? Events,
    bool Locked,
    DateTimeOffset? LockedAt,
    RevisionResponse? Revision,
    bool Suppressed)
{
    public static ActualResponse From(Indicator indicator, QuarterActual a, bool seesExact)
    {
        var reported = Shown.Of(indicator, a.Reported, seesExact);
        return new(
            a.Quarter.ToString(), reported.Figure.Value, reported.Figure.Numerator, reported.Figure.Denominator, a.Target, reported.Figure.By, reported.Events,
            a.LockedAt is not null, a.LockedAt,
            a.Revised is null ? null : new RevisionResponse(FigureResponse.From(Shown.Of(indicator, a.Revised, seesExact)), [.. a.LateFacts.Select(f => f.EventId)]),
            reported.Suppressed);
    }
}

public sealed record RevisionResponse(FigureResponse Figure, IReadOnlyList<Guid> LateEvents);

/// <summary>An indicator's actuals; <c>suppressed</c>: <c>toDate</c> or a figure of a quarter has a small count of people hidden for this reader.</summary>
public sealed record IndicatorActualsResponse(IndicatorResponse Indicator, decimal? ToDate, IReadOnlyList<ActualResponse> Actuals, bool Suppressed);

/// <summary>
/// One event behind a figure; <c>municipality</c>: where it happened (for an event that names only an organisation, the
/// organisation's); <c>late</c>: recorded after its quarter was locked, so part of the revision only; <c>suppressed</c>: a
/// small count of people among its <c>values</c> is <c>null</c> for this reader.
/// </summary>
public sealed record FactResponse(
    Guid EventId,
    string EventType,
    string Kind,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    DateOnly On,
    string Quarter,
    string? Municipality,
    Guid SubjectId,
    int Revision,
    IReadOnlyDictionary<string, string> Dimensions,
    IReadOnlyDictionary<string, decimal?> Values,
    bool Late,
    bool Suppressed)
{
    public static FactResponse From(Fact f, string? municipality, DateTimeOffset? lockedAt, bool seesExact)
    {
        var values = seesExact ? SmallCells.Exact<decimal>(f.Values) : SmallCounts.ForPublic(f.Values);
        return new(
            f.EventId, f.EventType, f.Kind, f.OccurredAt, f.RecordedAt, f.On, f.Quarter, municipality, f.SubjectId, f.Revision,
            f.Dimensions, values, lockedAt is not null && f.RecordedAt > lockedAt, SmallCells.AnyHidden(values));
    }
}

public sealed record QuarterLockResponse(string Quarter, DateTimeOffset LockedAt, string LockedBy)
{
    public static QuarterLockResponse From(QuarterLock l) => new(l.Quarter, l.LockedAt, l.LockedBy);
}

public sealed record IndicatorFactsQuery(string? Municipality, int? Page, int? PageSize);
