using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Partnerships.Data;

namespace Platform.Partnerships.Figures;

/// <summary>
/// Result 2's figures per municipality and quarter: counts and sums only, readable by every team and the monitor; counts of
/// people below 5 are suppressed for all but the Partnerships team and the programme admin (docs/figures.md).
/// </summary>
public static class FiguresApi
{
    public static RouteGroupBuilder MapFiguresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partnerships/figures").WithTags("Figures").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        api.MapGet("/", GetFigures).WithName("PartnershipFigures")
            .WithSummary("Per municipality and quarter: groups active, meetings and attendance, recommendations by stage, services institutionalised, pilots");
        return api;
    }

    public static async Task<Results<Ok<FiguresResponse>, ValidationProblem>> GetFigures(
        [AsParameters] FiguresQuery query, ClaimsPrincipal user, IAuthorizationService authorization, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (query.Municipality is not null && !Contracts.ReferenceData.Municipality.IsKnown(query.Municipality))
        {
            errors.Add("municipality", $"Use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}.");
        }

        Quarter? quarter = null;
        if (query.Quarter is not null)
        {
            if (Quarter.TryParse(query.Quarter, out var parsed))
            {
                quarter = parsed;
            }
            else
            {
                errors.Add("quarter", "A quarter like 2026Q3.");
            }
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        IReadOnlyList<string> municipalities = query.Municipality is { } one ? [one] : Contracts.ReferenceData.Municipality.All;
        var until = quarter?.LastDay ?? DateOnly.MaxValue;
        var groups = await db.Groups.AsNoTracking().IgnoreAutoIncludes().Where(g => municipalities.Contains(g.Municipality)).ToListAsync(ct);
        var meetings = await db.Meetings.AsNoTracking().IgnoreAutoIncludes().Include(m => m.Attendance)
            .Where(m => m.HeldOn != null && m.HeldOn <= until && m.Municipality != null && municipalities.Contains(m.Municipality)).AsSplitQuery().ToListAsync(ct);
        var recommendations = await db.Recommendations.AsNoTracking().IgnoreAutoIncludes().Include(r => r.Timeline).AsSplitQuery().ToListAsync(ct);
        var services = await db.SocialServices.AsNoTracking().Where(s => s.DecidedOn != null && municipalities.Contains(s.Municipality)).ToListAsync(ct);
        var pilots = await db.PilotInitiatives.AsNoTracking().Where(p => p.CompletedOn != null && municipalities.Contains(p.Municipality)).ToListAsync(ct);
        var rows = PartnershipFigures.Compute(municipalities, quarter, clock.Today(), groups, meetings, recommendations, services, pilots);
        return TypedResults.Ok(new FiguresResponse(await authorization.SeesExactFiguresAsync(user, "partnerships") ? rows : [.. rows.Select(r => r.Suppress())]));
    }
}

public sealed record FiguresQuery(string? Municipality, string? Quarter);

public sealed record FiguresResponse(IReadOnlyList<PartnershipFigures.Row> Rows);
