using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Youth;
using Platform.ServiceDefaults.Security;
using Platform.Youth.Camps;
using Platform.Youth.Cohorts;
using Platform.Contracts.ReferenceData;
using Platform.Youth.Data;

namespace Platform.Youth.Api;

/// <summary>
/// The programme's Youth figures, counts only. They are computed from anonymous facts (an application's gender and
/// municipality, a held camp's counts), so erasing a person's data never changes them. Counts of people below 5 are
/// suppressed (docs/figures.md) for every reader but the Youth team and the programme admin.
/// </summary>
public static class FiguresApi
{
    public static RouteGroupBuilder MapFiguresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/youth/figures").WithTags("Figures").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        api.MapGet("/cohorts", CohortFigures).WithName("CohortFigures")
            .WithSummary("Per cohort and municipality: applicants, accepted, placed, graduated, by gender");
        api.MapGet("/camps", CampFigures).WithName("CampFigures")
            .WithSummary("Per municipality and audience: camps held and participants, by gender and age group");
        return api;
    }

    public static async Task<Results<Ok<CohortFiguresResponse>, ValidationProblem>> CohortFigures(
        [AsParameters] CohortFiguresQuery query, ClaimsPrincipal user, IAuthorizationService authorization, YouthDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var applications = db.Applications.AsNoTracking();
        if (query.CohortId is { } cohortId)
        {
            applications = applications.Where(a => a.CohortId == cohortId);
        }

        if (query.Municipality is not null)
        {
            applications = applications.Where(a => a.Municipality == query.Municipality);
        }

        var groups = await applications
            .GroupBy(a => new { a.CohortId, a.Municipality, a.Gender, Accepted = a.Status == ApplicationStatus.Accepted, Placed = a.PlacedAt != null, Graduated = a.GraduatedOn != null })
            .Select(g => new { g.Key.CohortId, g.Key.Municipality, g.Key.Gender, g.Key.Accepted, g.Key.Placed, g.Key.Graduated, Count = g.Count() })
            .ToListAsync(ct);
        var cohortIds = groups.Select(g => g.CohortId).Distinct().ToList();
        var names = await db.Cohorts.AsNoTracking().Where(c => cohortIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var exact = await authorization.SeesExactFiguresAsync(user, "youth");

        var rows = groups
            .GroupBy(g => (g.CohortId, g.Municipality))
            .OrderBy(g => names[g.Key.CohortId], StringComparer.Ordinal).ThenBy(g => g.Key.CohortId).ThenBy(g => g.Key.Municipality, StringComparer.Ordinal)
            .Select(g => new CohortFiguresResponse.Row(
                g.Key.CohortId, names[g.Key.CohortId], g.Key.Municipality,
                Count(g.Select(x => (x.Gender, x.Count)), exact),
                Count(g.Where(x => x.Accepted).Select(x => (x.Gender, x.Count)), exact),
                Count(g.Where(x => x.Placed).Select(x => (x.Gender, x.Count)), exact),
                Count(g.Where(x => x.Graduated).Select(x => (x.Gender, x.Count)), exact)))
            .ToList();
        return TypedResults.Ok(new CohortFiguresResponse(rows));
    }

    public static async Task<Results<Ok<CampFiguresResponse>, ValidationProblem>> CampFigures(
        [AsParameters] CampFiguresQuery query, ClaimsPrincipal user, IAuthorizationService authorization, YouthDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        QueryFilter.Municipality(query.Municipality, errors);
        var audience = QueryFilter.Enum<CampAudience>(query.Audience, "audience", errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var camps = db.Camps.IgnoreAutoIncludes().AsNoTracking().Where(c => c.Status == CampStatus.Held);
        if (query.Municipality is not null)
        {
            camps = camps.Where(c => c.Municipality == query.Municipality);
        }

        if (audience is not null)
        {
            camps = camps.Where(c => c.Audience == audience);
        }

        var held = await camps.Select(c => new { c.Municipality, c.Audience, c.Attended, c.AttendedByGender, c.AttendedByAgeGroup }).ToListAsync(ct);
        var exact = await authorization.SeesExactFiguresAsync(user, "youth");
        var rows = held
            .GroupBy(c => (c.Municipality, c.Audience))
            .OrderBy(g => g.Key.Municipality, StringComparer.Ordinal).ThenBy(g => g.Key.Audience)
            .Select(g =>
            {
                var participants = g.Sum(c => c.Attended ?? 0);
                var byGender = Sum(g.Select(c => c.AttendedByGender), Gender.All);
                var byAgeGroup = Sum(g.Select(c => c.AttendedByAgeGroup), Age.Groups);
                if (exact)
                {
                    return new CampFiguresResponse.Row(g.Key.Municipality, g.Key.Audience, g.Count(), participants,
                        SmallCells.Exact(byGender), SmallCells.Exact(byAgeGroup), false);
                }

                var (shownGender, shownAge) = (SmallCells.Suppress(byGender), SmallCells.Suppress(byAgeGroup));
                return new CampFiguresResponse.Row(g.Key.Municipality, g.Key.Audience, g.Count(), SmallCells.Cell(participants), shownGender, shownAge,
                    SmallCells.IsSmall<int>(participants) || SmallCells.AnyHidden(shownGender) || SmallCells.AnyHidden(shownAge));
            })
            .ToList();
        return TypedResults.Ok(new CampFiguresResponse(rows));
    }

    private static CohortFiguresResponse.Count Count(IEnumerable<(string Gender, int Count)> counts, bool exact)
    {
        var byGender = Gender.All.ToDictionary(g => g, _ => 0, StringComparer.Ordinal);
        foreach (var (gender, count) in counts)
        {
            byGender[gender] = byGender.GetValueOrDefault(gender) + count;
        }

        var total = byGender.Values.Sum();
        if (exact)
        {
            return new CohortFiguresResponse.Count(total, SmallCells.Exact(byGender), false);
        }

        var shown = SmallCells.Suppress(byGender);
        return new CohortFiguresResponse.Count(SmallCells.Cell(total), shown, SmallCells.IsSmall<int>(total) || SmallCells.AnyHidden(shown));
    }

    private static Dictionary<string, int> Sum(IEnumerable<Dictionary<string, int>?> counts, IReadOnlyList<string> keys)
    {
        var sum = keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var (key, count) in counts.SelectMany(c => c ?? []))
        {
            sum[key] = sum.GetValueOrDefault(key) + count;
        }

        return sum;
    }
}

public sealed record CohortFiguresQuery(Guid? CohortId, string? Municipality);

public sealed record CampFiguresQuery(string? Municipality, string? Audience);

public sealed record CohortFiguresResponse(IReadOnlyList<CohortFiguresResponse.Row> Rows)
{
    /// <summary>A count of people and its breakdown by gender; <c>null</c> where fewer than 5 are hidden, then <c>suppressed</c> is true.</summary>
    public sealed record Count(int? Total, IReadOnlyDictionary<string, int?> ByGender, bool Suppressed);

    public sealed record Row(Guid CohortId, string CohortName, string Municipality, Count Applicants, Count Accepted, Count Placed, Count Graduated);
}

public sealed record CampFiguresResponse(IReadOnlyList<CampFiguresResponse.Row> Rows)
{
    public sealed record Row(
        string Municipality, CampAudience Audience, int CampsHeld, int? Participants,
        IReadOnlyDictionary<string, int?> ParticipantsByGender, IReadOnlyDictionary<string, int?> ParticipantsByAgeGroup, bool Suppressed);
}
