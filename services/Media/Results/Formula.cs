namespace Platform.Media.Results;

/// <summary>A computed figure: its value, a percent's numerator and denominator, its breakdowns and the facts behind it.</summary>
public sealed record Figure(
    decimal? Value,
    decimal? Numerator,
    decimal? Denominator,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> By,
    IReadOnlyList<Fact> Facts);

/// <summary>What a fact's organisation is, from the registry replica Media keeps.</summary>
public sealed record OrganizationFacts(string Municipality, string Type);

/// <summary>
/// The facts one figure is computed from (already cut to its window and to what was known when its quarter was
/// locked), with only the latest revision of a revised subject (a corrected assessment replaces the earlier one).
/// </summary>
public sealed class FactSet
{
    /// <summary>Kinds whose later facts of the same subject replace the earlier ones.</summary>
    public static readonly IReadOnlySet<string> Revised = new HashSet<string>(StringComparer.Ordinal)
    {
        FactKinds.CapacityAssessment, FactKinds.RecommendationImplemented,
    };

    private readonly IReadOnlyDictionary<Guid, OrganizationFacts> _organizations;

    public FactSet(IEnumerable<Fact> facts, IReadOnlyDictionary<Guid, OrganizationFacts> organizations)
    {
        _organizations = organizations;
        Facts = facts
            .GroupBy(f => Revised.Contains(f.Kind) ? (f.Kind, f.SubjectId, Event: Guid.Empty) : (f.Kind, f.SubjectId, Event: f.EventId))
            .Select(g => g.OrderByDescending(f => f.Revision).ThenByDescending(f => f.RecordedAt).First())
            .ToList();
    }

    public IReadOnlyList<Fact> Facts { get; }

    public IEnumerable<Fact> OfKind(string kind) => Facts.Where(f => f.Kind == kind);

    /// <summary>The code of a fact on a dimension: its municipality (or its organisation's), organisation type, or any dimension it carries.</summary>
    public string? CodeOf(Fact fact, string dimension) => dimension switch
    {
        FactDimensions.Municipality => fact.Municipality ?? OrganizationOf(fact)?.Municipality,
        FactDimensions.OrganizationType => OrganizationOf(fact)?.Type,
        _ => fact.Dimension(dimension),
    };

    private OrganizationFacts? OrganizationOf(Fact fact) =>
        fact.OrganizationId is { } id && _organizations.TryGetValue(id, out var organization) ? organization : null;
}

/// <summary>
/// How an indicator is computed from facts. Counts and sums add up units (a distinct subject, a fact's number);
/// a percent divides one formula by another (as DHIS2 indicators do), breakdown by breakdown.
/// </summary>
public abstract record Formula
{
    /// <summary>A readable statement of the formula, shown with the indicator.</summary>
    public abstract string Describe();

    public abstract Figure Evaluate(FactSet facts, IReadOnlyList<string> dimensions);

    protected static bool Matches(Fact fact, IReadOnlyDictionary<string, string>? where) =>
        where is null || where.All(w => fact.Dimension(w.Key) == w.Value);

    protected static string Conditions(IReadOnlyDictionary<string, string>? where) =>
        where is null || where.Count == 0 ? "" : " where " + string.Join(" and ", where.Select(w => $"{w.Key} = {w.Value}"));
}

/// <summary>A formula that adds up units: each unit has an amount and the facts it stands for.</summary>
public abstract record UnitFormula : Formula
{
    /// <param name="Measure">When set, a fact's breakdowns of this measure (<c>participants|gender=female</c>) split its amount.</param>
    protected readonly record struct Unit(Fact Fact, decimal Amount, string? Measure, IReadOnlyList<Fact>? Sources = null);

    protected abstract IEnumerable<Unit> UnitsOf(FactSet facts);

    public override Figure Evaluate(FactSet facts, IReadOnlyList<string> dimensions)
    {
        var units = UnitsOf(facts).ToList();
        var by = dimensions.ToDictionary(d => d, d => (IReadOnlyDictionary<string, decimal?>)Breakdown(units, facts, d), StringComparer.Ordinal);
        var sources = units.SelectMany(u => u.Sources ?? [u.Fact]).DistinctBy(f => f.EventId).OrderBy(f => f.On).ThenBy(f => f.RecordedAt).ToList();
        return new Figure(units.Sum(u => u.Amount), null, null, by, sources);
    }

    /// <summary>
    /// Splits every unit's amount by the dimension: by the fact's own breakdown of the measure where it has one (what
    /// the breakdown leaves out goes to <c>not-recorded</c>), else by the fact's code; so the parts always sum to the total.
    /// </summary>
    private static Dictionary<string, decimal?> Breakdown(List<Unit> units, FactSet facts, string dimension)
    {
        var parts = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        void Add(string code, decimal amount) => parts[code] = (parts.GetValueOrDefault(code) ?? 0m) + amount;

        foreach (var unit in units)
        {
            var prefix = unit.Measure is null ? null : $"{unit.Measure}|{dimension}=";
            var split = prefix is null ? [] : unit.Fact.Values.Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            if (split.Count > 0)
            {
                foreach (var (key, amount) in split)
                {
                    Add(key[prefix!.Length..], amount);
                }

                var rest = unit.Amount - split.Sum(s => s.Value);
                if (rest != 0)
                {
                    Add(FactDimensions.NotRecorded, rest);
                }
            }
            else
            {
                Add(facts.CodeOf(unit.Fact, dimension) ?? FactDimensions.NotRecorded, unit.Amount);
            }
        }

        return parts;
    }
}

/// <summary>The number of distinct subjects (awards, graduates, services, ...) among facts of a kind.</summary>
public sealed record CountOf(string Kind, IReadOnlyDictionary<string, string>? Where = null) : UnitFormula
{
    public override string Describe() => $"count of distinct {Kind}{Conditions(Where)}";

    protected override IEnumerable<Unit> UnitsOf(FactSet facts) =>
        facts.OfKind(Kind).Where(f => Matches(f, Where)).GroupBy(f => f.SubjectId)
            .Select(g => new Unit(g.OrderBy(f => f.On).First(), 1m, null, g.ToList()));
}

/// <summary>The sum of a number the facts of a kind carry.</summary>
public sealed record SumOf(string Kind, string Measure, IReadOnlyDictionary<string, string>? Where = null) : UnitFormula
{
    public override string Describe() => $"sum of {Measure} of {Kind}{Conditions(Where)}";

    protected override IEnumerable<Unit> UnitsOf(FactSet facts) =>
        facts.OfKind(Kind).Where(f => Matches(f, Where)).Select(f => new Unit(f, f.Value(Measure), Measure));
}

/// <summary>Subjects opened by one kind of fact and not yet closed by another (groups formed and not closed), counted per municipality.</summary>
public sealed record ActiveMunicipalities(string Opened, string Closed) : UnitFormula
{
    public override string Describe() => $"count of distinct municipalities with a {Opened} not followed by a {Closed}";

    protected override IEnumerable<Unit> UnitsOf(FactSet facts)
    {
        var closed = facts.OfKind(Closed).ToLookup(f => f.SubjectId);
        return facts.OfKind(Opened)
            .Where(f => !closed[f.SubjectId].Any(c => c.On >= f.On))
            .GroupBy(f => facts.CodeOf(f, FactDimensions.Municipality))
            .Select(g => new Unit(g.OrderBy(f => f.On).First(), 1m, null, g.ToList()));
    }
}

/// <summary>
/// Organisations assessed with <paramref name="Instrument"/> at baseline and again later (midline or endline);
/// with <paramref name="ImprovedOnly"/>, only those whose latest overall score rose by at least <paramref name="MinimumGain"/> levels.
/// </summary>
public sealed record ScoreImproved(string Instrument, decimal MinimumGain, bool ImprovedOnly) : UnitFormula
{
    public override string Describe() => ImprovedOnly
        ? $"count of organisations whose latest {Instrument} overall score is at least {MinimumGain} above their baseline"
        : $"count of organisations with a baseline and a later {Instrument} assessment";

    protected override IEnumerable<Unit> UnitsOf(FactSet facts)
    {
        foreach (var organization in facts.OfKind(FactKinds.CapacityAssessment)
                     .Where(f => f.OrganizationId is not null && f.Dimension("instrument") == Instrument)
                     .GroupBy(f => f.OrganizationId))
        {
            var baseline = organization.Where(f => f.Dimension("assessment-kind") == "baseline").OrderBy(f => f.On).FirstOrDefault();
            var latest = organization.Where(f => f.Dimension("assessment-kind") != "baseline").OrderByDescending(f => f.On).FirstOrDefault();
            if (baseline is null || latest is null)
            {
                continue;
            }

            if (!ImprovedOnly || latest.Value(Measures.Overall) - baseline.Value(Measures.Overall) >= MinimumGain)
            {
                yield return new Unit(latest, 1m, null, [baseline, latest]);
            }
        }
    }
}

/// <summary>100 × numerator / denominator, for the total and for every part of every breakdown; none when the denominator is 0.</summary>
public sealed record PercentOf(Formula Numerator, Formula Denominator) : Formula
{
    public override string Describe() => $"100 × ({Numerator.Describe()}) / ({Denominator.Describe()})";

    public override Figure Evaluate(FactSet facts, IReadOnlyList<string> dimensions)
    {
        var numerator = Numerator.Evaluate(facts, dimensions);
        var denominator = Denominator.Evaluate(facts, dimensions);
        var by = dimensions.ToDictionary(d => d, d =>
        {
            var parts = denominator.By[d];
            return (IReadOnlyDictionary<string, decimal?>)parts.ToDictionary(
                p => p.Key,
                p => Percent(numerator.By[d].GetValueOrDefault(p.Key) ?? 0m, p.Value ?? 0m),
                StringComparer.Ordinal);
        }, StringComparer.Ordinal);
        var sources = numerator.Facts.Concat(denominator.Facts).DistinctBy(f => f.EventId).OrderBy(f => f.On).ToList();
        return new Figure(Percent(numerator.Value ?? 0m, denominator.Value ?? 0m), numerator.Value, denominator.Value, by, sources);
    }

    public static decimal? Percent(decimal numerator, decimal denominator) =>
        denominator == 0 ? null : Math.Round(100m * numerator / denominator, 1, MidpointRounding.AwayFromZero);
}
