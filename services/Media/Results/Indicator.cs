using Platform.Contracts.ReferenceData;

namespace Platform.Media.Results;

/// <summary>What an indicator's figure is: IATI's measure codes are 1 unit, 2 percentage, 5 qualitative.</summary>
public enum IndicatorMeasure
{
    Count,
    Percent,
    Amount,
    Qualitative,
}

/// <summary>
/// Cumulative: a quarter's figure counts everything up to its end (graduates so far). Per period: only what happened
/// in the quarter (people trained this quarter). Different formulas, never mixed (the lesson of Akvo RSR's issues).
/// </summary>
public enum Aggregation
{
    Cumulative,
    PerPeriod,
}

public sealed record Baseline(decimal Value, DateOnly On, string Comment);

/// <summary>Text in the programme's languages (language code to text); English is always given.</summary>
public static class Texts
{
    public static string In(IReadOnlyDictionary<string, string> text, string language) =>
        text.TryGetValue(language, out var value) ? value
        : text.TryGetValue(Language.English, out var english) ? english
        : text.Values.First();
}

/// <summary>One indicator of the results framework: its definition, how it is computed, its baseline and its yearly targets.</summary>
public sealed record Indicator(
    string Code,
    IReadOnlyDictionary<string, string> Title,
    string Definition,
    IndicatorMeasure Measure,
    Aggregation Aggregation,
    Formula Formula,
    IReadOnlyList<string> Disaggregations,
    Baseline Baseline,
    IReadOnlyDictionary<int, decimal> Targets,
    string Unit,
    bool CountsPeople)
{
    /// <summary>The result (<c>R1</c>) an indicator (<c>R1.3</c>) belongs to.</summary>
    public string ResultCode => Code[..Code.IndexOf('.', StringComparison.Ordinal)];

    public decimal? TargetFor(int year) => Targets.TryGetValue(year, out var target) ? target : null;

    /// <summary>The end-of-programme target: the last year's.</summary>
    public decimal FinalTarget => Targets.OrderBy(t => t.Key).Last().Value;
}

/// <summary>A result of the programme (Results 1-3) with its indicators.</summary>
public sealed record ResultArea(string Code, IReadOnlyDictionary<string, string> Title, IReadOnlyList<Indicator> Indicators);
