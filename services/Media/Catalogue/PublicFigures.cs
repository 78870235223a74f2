using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Platform.Media.Data;
using Platform.Media.Results;

namespace Platform.Media.Catalogue;

public sealed record PublicActual(
    string Quarter,
    decimal? Value,
    decimal? Target,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> By,
    bool Locked,
    decimal? RevisedValue);

public sealed record PublicIndicator(
    string Code,
    string Result,
    IReadOnlyDictionary<string, string> Title,
    string Definition,
    IndicatorMeasure Measure,
    Aggregation Aggregation,
    string Unit,
    Baseline Baseline,
    IReadOnlyDictionary<int, decimal> Targets,
    decimal? ToDate,
    decimal FinalTarget,
    IReadOnlyList<PublicActual> Actuals);

public sealed record PublicResult(string Code, IReadOnlyDictionary<string, string> Title, IReadOnlyList<PublicIndicator> Indicators);

public sealed record PublicRecommendation(
    Guid Id, IReadOnlyDictionary<string, string> Title, string Outcome, IReadOnlyList<string> Municipalities, string? Authority,
    DateOnly AdoptedOn, decimal? ProgressPercent, bool Completed);

public sealed record PublicService(
    Guid Id, IReadOnlyDictionary<string, string> Name, string? Municipality, string? TargetGroup, decimal MunicipalFunding, string? Currency,
    string? BudgetYear, DateOnly DecidedOn, decimal? PeopleServedInPilot);

public sealed record PublicCall(
    Guid Id, IReadOnlyDictionary<string, string> Title, string? TargetGroup, IReadOnlyList<string> EligibleMunicipalities, decimal Envelope,
    string? Currency, DateOnly OpensOn, DateTimeOffset Deadline);

/// <summary>What the public catalogue shows, computed from facts like every figure, with small counts suppressed.</summary>
public sealed class PublicFigures(MediaDbContext db, ResultsStore store, TimeProvider clock)
{
    public async Task<IReadOnlyList<PublicResult>> ResultsAsync(string? municipality, CancellationToken ct)
    {
        var calculator = await store.CalculatorAsync(ct);
        return [.. ProgrammeFramework.Results.Select(r => new PublicResult(r.Code, r.Title, [.. r.Indicators.Select(i => Indicator(calculator, i, municipality))]))];
    }

    public async Task<PublicIndicator?> IndicatorAsync(string code, string? municipality, CancellationToken ct) =>
        ProgrammeFramework.Find(code) is { } indicator ? Indicator(await store.CalculatorAsync(ct), indicator, municipality) : null;

    private PublicIndicator Indicator(ResultsCalculator calculator, Indicator indicator, string? municipality)
    {
        var actuals = calculator.Actuals(indicator, store.CurrentQuarter);
        var shown = actuals.Select(a =>
        {
            var by = SmallCounts.ForPublic(indicator, a.Reported.By);
            var value = municipality is null ? SmallCounts.TotalForPublic(indicator, a.Reported.Value) : Cell(by, municipality);
            var revised = a.Revised is null ? null
                : municipality is null ? SmallCounts.TotalForPublic(indicator, a.Revised.Value) : Cell(SmallCounts.ForPublic(indicator, a.Revised.By), municipality);
            return new PublicActual(a.Quarter.ToString(), value, municipality is null ? a.Target : null, by, a.LockedAt is not null, revised);
        }).ToList();
        var toDate = municipality is null ? SmallCounts.TotalForPublic(indicator, ResultsCalculator.ToDate(indicator, actuals))
            : indicator.Aggregation == Aggregation.PerPeriod && indicator.Measure != IndicatorMeasure.Percent
                ? shown.Sum(a => a.RevisedValue ?? a.Value ?? 0m)
                : shown.Count == 0 ? null : shown[^1].RevisedValue ?? shown[^1].Value;
        return new PublicIndicator(indicator.Code, indicator.ResultCode, indicator.Title, indicator.Definition, indicator.Measure,
            indicator.Aggregation, indicator.Unit, indicator.Baseline, indicator.Targets, toDate, indicator.FinalTarget, shown);
    }

    private static decimal? Cell(IReadOnlyDictionary<string, IReadOnlyDictionary<string, decimal?>> by, string municipality) =>
        by.TryGetValue(FactDimensions.Municipality, out var cells) ? cells.GetValueOrDefault(municipality) ?? (cells.ContainsKey(municipality) ? null : 0m) : null;

    private Task<List<Fact>> FactsAsync(string kind, CancellationToken ct) =>
        db.Facts.AsNoTracking().Where(f => f.Kind == kind).OrderByDescending(f => f.On).ToListAsync(ct);

    private static IReadOnlyList<string> ListOf(string? joined) => joined is null or "" ? [] : joined.Split(',');

    private static IReadOnlyDictionary<string, string> TextOf(Fact f) => f.Text ?? new Dictionary<string, string>();

    public async Task<IReadOnlyList<PublicRecommendation>> RecommendationsAsync(string? municipality, CancellationToken ct)
    {
        var progress = new FactSet(await FactsAsync(FactKinds.RecommendationImplemented, ct), new Dictionary<Guid, OrganizationFacts>())
            .Facts.ToDictionary(f => f.SubjectId);
        return [.. (await FactsAsync(FactKinds.RecommendationAdopted, ct))
            .DistinctBy(f => f.SubjectId)
            .Select(f => new PublicRecommendation(f.SubjectId, TextOf(f), f.Dimension("outcome") ?? "", ListOf(f.Dimension("municipalities")),
                f.Dimension("authority"), f.On, progress.GetValueOrDefault(f.SubjectId)?.Value(Measures.Progress),
                progress.GetValueOrDefault(f.SubjectId)?.Dimension("completed") == "true"))
            .Where(r => municipality is null || r.Municipalities.Contains(municipality))];
    }

    public async Task<IReadOnlyList<PublicService>> ServicesAsync(string? municipality, CancellationToken ct) =>
        [.. (await FactsAsync(FactKinds.SocialService, ct))
            .DistinctBy(f => f.SubjectId)
            .Where(f => municipality is null || f.Municipality == municipality)
            .Select(f => new PublicService(f.SubjectId, TextOf(f), f.Municipality, f.Dimension("target-group"), f.Value(Measures.Amount),
                f.Dimension("currency"), f.Dimension("budget-year"), f.On,
                SmallCounts.IsSmall(f.Value(Measures.PeopleServed)) ? null : f.Value(Measures.PeopleServed)))];

    /// <summary>Calls whose deadline is still ahead, soonest first.</summary>
    public async Task<IReadOnlyList<PublicCall>> OpenCallsAsync(string? municipality, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return [.. (await FactsAsync(FactKinds.CallOpened, ct))
            .DistinctBy(f => f.SubjectId)
            .Select(f => new PublicCall(f.SubjectId, TextOf(f), f.Dimension("target-group"), ListOf(f.Dimension("municipalities")), f.Value(Measures.Envelope),
                f.Dimension("currency"), f.On, DateTimeOffset.Parse(f.Dimension("deadline")!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))
            .Where(c => c.Deadline > now && (municipality is null || c.EligibleMunicipalities.Contains(municipality)))
            .OrderBy(c => c.Deadline)];
    }

    public async Task<PagedList<PublicStoryResponse>> StoriesAsync(string? municipality, Paging paging, CancellationToken ct)
    {
        var stories = db.Stories.AsNoTracking().Where(s => s.Status == StoryStatus.Published);
        if (municipality is not null)
        {
            stories = stories.Where(s => s.Municipality == municipality);
        }

        var total = await stories.LongCountAsync(ct);
        var page = await stories.OrderByDescending(s => s.PublishedAt).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return new PagedList<PublicStoryResponse>([.. page.Select(PublicStoryResponse.From)], paging.Number, paging.Size, total);
    }

    public async Task<PublicStoryResponse?> StoryAsync(Guid id, CancellationToken ct) =>
        await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.Status == StoryStatus.Published, ct) is { } story
            ? PublicStoryResponse.From(story)
            : null;
}
