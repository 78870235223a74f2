using Platform.ServiceDefaults.Domain;
using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.ReferenceData;
using Platform.Media.Catalogue;
using Platform.Media.Data;
using Platform.ServiceDefaults.Security;

namespace Platform.Media.Results;

/// <summary>
/// The results framework for the teams and the donor's monitor: definitions, computed actuals, the events behind them,
/// locks, exports. Small counts of people are suppressed (docs/figures.md) for every reader but the owners of the
/// results, the media team and the programme admin.
/// </summary>
public static class ResultsApi
{
    /// <summary>The results are Media's: its team and the programme admin see their figures exactly.</summary>
    public const string Owner = "media";

    public static RouteGroupBuilder MapResultsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/media/results").WithTags("Results").RequireAuthorization(PlatformPolicies.ReadProgrammeData);

        api.MapGet("/", Framework).WithName("GetResultsFramework").WithSummary("Results 1-3 with their indicators, baselines and targets");
        api.MapGet("/indicators/{code}", IndicatorActuals).WithName("GetIndicatorActuals")
            .WithSummary("An indicator's actuals per quarter, computed from facts, with disaggregations and revisions of locked quarters");
        api.MapGet("/indicators/{code}/quarters/{quarter}/events", EventsBehind).WithName("GetIndicatorEvents")
            .WithSummary("The events behind an indicator's figure for a quarter");
        api.MapGet("/quarters", Locks).WithName("ListQuarterLocks").WithSummary("Locked quarters");
        api.MapPost("/quarters/{quarter}/lock", Lock).WithName("LockQuarter")
            .WithSummary("Lock a quarter after reporting: later facts for it become a revision").RequireAuthorization(PlatformPolicies.ProgrammeAdmin);
        api.MapGet("/export/iati", Iati).WithName("ExportIati").WithSummary("The framework with actuals as an IATI 2.03 activity document");
        api.MapGet("/export/csv", Csv).WithName("ExportResultsCsv").WithSummary("Every indicator's actuals per quarter and breakdown, as CSV");
        return api;
    }

    public static Ok<IReadOnlyList<ResultAreaResponse>> Framework() =>
        TypedResults.Ok<IReadOnlyList<ResultAreaResponse>>([.. ProgrammeFramework.Results.Select(ResultAreaResponse.From)]);

    public static async Task<Results<Ok<IndicatorActualsResponse>, NotFound>> IndicatorActuals(
        string code, ClaimsPrincipal user, IAuthorizationService authorization, ResultsStore store, CancellationToken ct)
    {
        if (ProgrammeFramework.Find(code) is not { } indicator)
        {
            return TypedResults.NotFound();
        }

        var exact = await authorization.SeesExactFiguresAsync(user, Owner);
        var actuals = (await store.CalculatorAsync(ct)).Actuals(indicator, store.CurrentQuarter);
        var toDate = ResultsCalculator.ToDate(indicator, actuals);
        var shownToDate = exact ? toDate : SmallCounts.TotalForPublic(indicator, toDate);
        List<ActualResponse> shown = [.. actuals.Select(a => ActualResponse.From(indicator, a, exact))];
        return TypedResults.Ok(new IndicatorActualsResponse(IndicatorResponse.From(indicator), shownToDate, shown,
            (toDate is not null && shownToDate is null) || shown.Any(a => a.Suppressed || a.Revision?.Figure.Suppressed == true)));
    }

    public static async Task<Results<Ok<PagedList<FactResponse>>, NotFound, ProblemHttpResult, ValidationProblem>> EventsBehind(
        string code, string quarter, [AsParameters] IndicatorFactsQuery query, ClaimsPrincipal user, IAuthorizationService authorization, ResultsStore store,
        CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        if (!Quarter.TryParse(quarter, out var period))
        {
            errors.Add("quarter", "A quarter like 2025Q3.");
        }

        if (query.Municipality is not null && !Municipality.IsKnown(query.Municipality))
        {
            errors.Add("municipality", $"One of {string.Join(", ", Municipality.All)}.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (ProgrammeFramework.Find(code) is not { } indicator)
        {
            return TypedResults.NotFound();
        }

        var exact = await authorization.SeesExactFiguresAsync(user, Owner);
        var calculator = await store.CalculatorAsync(ct);
        var actual = calculator.Actual(indicator, period);
        var figure = actual.Revised ?? actual.Reported;
        var shown = exact ? figure : SmallCounts.ForPublic(indicator, figure);
        if (figure.Value is not null && shown.Value is null && figure.Facts.Count == figure.Value)
        {
            // One event per person (graduates): the list's length would be the count the figure hides.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Suppressed figure",
                detail: $"{indicator.Code} counts fewer than {SmallCounts.Threshold} people in {period}: the events behind it are shown to the media team and the programme admin only.");
        }

        var facts = figure.Facts
            .Select(f => (Fact: f, Municipality: exact ? calculator.MunicipalityOf(f) : SmallCounts.MunicipalityForPublic(indicator, shown, f, calculator.MunicipalityOf(f))))
            .Where(f => query.Municipality is null || f.Municipality == query.Municipality)
            .ToList();
        return TypedResults.Ok(new PagedList<FactResponse>(
            [.. facts.Skip(paging.Skip).Take(paging.Size).Select(f => FactResponse.From(f.Fact, f.Municipality, actual.LockedAt, exact))], paging.Number, paging.Size, facts.Count));
    }

    public static async Task<Ok<List<QuarterLockResponse>>> Locks(MediaDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.QuarterLocks.AsNoTracking().OrderBy(l => l.Quarter).ToListAsync(ct)).Select(QuarterLockResponse.From).ToList());

    public static async Task<Results<Ok<QuarterLockResponse>, ValidationProblem>> Lock(
        string quarter, HttpContext http, MediaDbContext db, TimeProvider clock, IOutputCacheStore cache, CancellationToken ct)
    {
        if (!Quarter.TryParse(quarter, out var period))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["quarter"] = ["A quarter like 2025Q3."] });
        }

        var existing = await db.QuarterLocks.Where(l => l.Quarter == period.ToString()).ToListAsync(ct);
        var locked = QuarterLock.Lock(period, existing, http.User.Subject() ?? "unknown", clock.GetUtcNow());
        db.QuarterLocks.Add(locked);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
        {
            throw new RuleViolationException("quarter-locked", $"{period} is already locked.");
        }

        await cache.EvictByTagAsync(FactsConsumer.CacheTag, ct);
        return TypedResults.Ok(QuarterLockResponse.From(locked));
    }

    public static async Task<ContentHttpResult> Iati(ResultsStore store, TimeProvider clock, CancellationToken ct)
    {
        var calculator = await store.CalculatorAsync(ct);
        var document = IatiExport.Document(calculator, store.CurrentQuarter, clock.GetUtcNow());
        return TypedResults.Content(IatiExport.ToXml(document), "application/xml", Encoding.UTF8);
    }

    public static async Task<ContentHttpResult> Csv(ClaimsPrincipal user, IAuthorizationService authorization, ResultsStore store, CancellationToken ct)
    {
        var exact = await authorization.SeesExactFiguresAsync(user, Owner);
        var calculator = await store.CalculatorAsync(ct);
        return TypedResults.Content(CsvExport.Write(calculator, store.CurrentQuarter, exact), "text/csv", Encoding.UTF8);
    }
}
