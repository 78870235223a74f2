using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Grants.Applications;
using Platform.Grants.Calls;
using Platform.Grants.Data;
using Platform.ServiceDefaults.Security;

namespace Platform.Grants.Figures;

/// <summary>
/// One row of the grant figures: submitted applications, eligible ones, awards and payments for one municipality
/// (of the project), target group and currency. Amounts are never summed across currencies. Programme graduates apply
/// as persons: in their rows a count of 1-4 (and the amounts of a hidden award count) is <c>null</c> and
/// <c>suppressed</c> is true, for every reader but the Grants team and the programme admin (docs/figures.md).
/// </summary>
public sealed record GrantFigures(
    string Municipality,
    TargetGroup TargetGroup,
    string Currency,
    int? Applications,
    int? Eligible,
    int? Awarded,
    decimal? AwardedAmount,
    decimal? PaidAmount,
    bool Suppressed);

public sealed record FiguresQuery(Guid? CallId, string? Municipality);

/// <summary>The figures that feed the results framework: per call and municipality, by target group.</summary>
public static class FiguresApi
{
    public static RouteHandlerBuilder MapFiguresApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/grants/figures", GetFigures).WithTags("Figures").WithName("GetGrantFigures")
            .WithSummary("Applications, eligible, awarded count and amount, paid amount; by municipality and target group")
            .RequireAuthorization(PlatformPolicies.ReadProgrammeData);

    public static async Task<Results<Ok<IReadOnlyList<GrantFigures>>, ValidationProblem>> GetFigures(
        [AsParameters] FiguresQuery query, ClaimsPrincipal user, IAuthorizationService authorization, GrantsDbContext db, CancellationToken ct)
    {
        if (query.Municipality is not null && !Contracts.ReferenceData.Municipality.IsKnown(query.Municipality))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["municipality"] = [$"Use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}."],
            });
        }

        var applications = db.Applications.AsNoTracking().Where(a => a.Status != ApplicationStatus.Draft);
        var agreements = db.Agreements.AsNoTracking();
        if (query.CallId is { } callId)
        {
            applications = applications.Where(a => a.CallId == callId);
            agreements = agreements.Where(a => a.CallId == callId);
        }

        if (query.Municipality is not null)
        {
            applications = applications.Where(a => a.Municipality == query.Municipality);
            agreements = agreements.Where(a => a.Municipality == query.Municipality);
        }

        var submitted = await applications
            .Join(db.Calls, a => a.CallId, c => c.Id, (a, c) => new { a.Id, a.Municipality, c.TargetGroup, a.Currency, a.Eligible })
            .ToListAsync(ct);
        var ids = submitted.Select(a => a.Id).ToList();
        var awards = await db.Awards.AsNoTracking().Where(a => ids.Contains(a.ApplicationId)).ToDictionaryAsync(a => a.ApplicationId, a => a.Amount, ct);
        var paid = (await agreements.ToListAsync(ct)).ToDictionary(a => a.ApplicationId, a => a.PaidAmount);

        var rows = submitted
            .GroupBy(a => (a.Municipality, a.TargetGroup, a.Currency))
            .OrderBy(g => g.Key.Municipality, StringComparer.Ordinal).ThenBy(g => g.Key.TargetGroup).ThenBy(g => g.Key.Currency, StringComparer.Ordinal)
            .Select(g => new GrantFigures(
                g.Key.Municipality,
                g.Key.TargetGroup,
                g.Key.Currency,
                g.Count(),
                g.Count(a => a.Eligible == true),
                g.Count(a => awards.ContainsKey(a.Id)),
                g.Sum(a => awards.GetValueOrDefault(a.Id)),
                g.Sum(a => paid.GetValueOrDefault(a.Id)),
                false))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<GrantFigures>>(await authorization.SeesExactFiguresAsync(user, "grants") ? rows : SuppressGraduates(rows));
    }

    /// <summary>
    /// The graduates' rows with small counts hidden. The rows of one target group split its total across municipalities
    /// (and currencies), a total published elsewhere (the results framework counts awards by target group), so each count is
    /// suppressed across those rows as one breakdown; an award count hidden hides the amounts it would reveal.
    /// </summary>
    private static List<GrantFigures> SuppressGraduates(List<GrantFigures> rows)
    {
        static string Key(GrantFigures r) => $"{r.Municipality}|{r.Currency}";
        var graduates = rows.Where(r => r.TargetGroup == TargetGroup.ProgrammeGraduate).ToList();
        var applications = SmallCells.Suppress(graduates.ToDictionary(Key, r => r.Applications, StringComparer.Ordinal));
        var eligible = SmallCells.Suppress(graduates.ToDictionary(Key, r => r.Eligible, StringComparer.Ordinal));
        var awarded = SmallCells.Suppress(graduates.ToDictionary(Key, r => r.Awarded, StringComparer.Ordinal));
        return [.. rows.Select(r => r.TargetGroup != TargetGroup.ProgrammeGraduate ? r : r with
        {
            Applications = applications[Key(r)],
            Eligible = eligible[Key(r)],
            Awarded = awarded[Key(r)],
            AwardedAmount = awarded[Key(r)] is null ? null : r.AwardedAmount,
            PaidAmount = awarded[Key(r)] is null ? null : r.PaidAmount,
            Suppressed = applications[Key(r)] is null || eligible[Key(r)] is null || awarded[Key(r)] is null,
        })];
    }
}
