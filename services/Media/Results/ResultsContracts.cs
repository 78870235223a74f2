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
    string Unit)
{
    public static IndicatorResponse From(Indicator i) => new(
        i.Code, i.ResultCode, i.Title, i.Definition, i.Measure, i.Aggregation, i.Formula.Describe(),
        (i.Formula as PercentOf)?.Numerator.Describe(), (i.Formula as PercentOf)?.Denominator.Describe(),
        i.Disaggregations, i.Baseline, i.Targets, i.Unit);
}

public sealed record FigureResponse(decimal? Value, decimal? Numerator, decimal? Denominator, IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> By, int Events)
{
    public static FigureResponse From(Figure figure) => new(figure.Value, figure.Numerator, figure.Denominator, figure.By, figure.Facts.Count);
}

/// <summary>A quarter's actual: as reported; when facts for a locked quarter arrived later, <c>revision</c> shows the figure with them.</summary>
public sealed record ActualResponse(
    string Quarter,
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    decimal? Target,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> By,
    int Events,
    bool Locked,
    DateTimeOffset? LockedAt,
    RevisionResponse? Revision)
{
    public static ActualResponse From(QuarterActual a) => new(
        a.Quarter.ToString(), a.Reported.Value, a.Reported.Numerator, a.Reported.Denominator, a.Target, a.Reported.By, a.Reported.Facts.Count,
        a.LockedAt is not null, a.LockedAt,
        a.Revised is null ? null : new RevisionResponse(FigureResponse.From(a.Revised), [.. a.LateFacts.Select(f => f.EventId)]));
}

public sealed record RevisionResponse(FigureResponse Figure, IReadOnlyList<Guid> LateEvents);

public sealed record IndicatorActualsResponse(IndicatorResponse Indicator, decimal? ToDate, IReadOnlyList<ActualResponse> Actuals);

/// <summary>
/// One event behind a figure; <c>municipality</c>: where it happened (for an event that names only an organisation, the
/// organisation's); <c>late</c>: recorded after its quarter was locked, so part of the revision only.
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
    IReadOnlyDictionary<string, decimal> Values,
    bool Late)
{
    public static FactResponse From(Fact f, string? municipality, DateTimeOffset? lockedAt) => new(
        f.EventId, f.EventType, f.Kind, f.OccurredAt, f.RecordedAt, f.On, f.Quarter, municipality, f.SubjectId, f.Revision,
        f.Dimensions, f.Values, lockedAt is not null && f.RecordedAt > lockedAt);
}

public sealed record QuarterLockResponse(string Quarter, DateTimeOffset LockedAt, string LockedBy)
{
    public static QuarterLockResponse From(QuarterLock l) => new(l.Quarter, l.LockedAt, l.LockedBy);
}

public sealed record IndicatorFactsQuery(string? Municipality, int? Page, int? PageSize);
