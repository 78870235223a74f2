using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Capacity.ActionPlans;
using Platform.Capacity.Activities;
using Platform.Capacity.Assessments;
using Platform.Capacity.Data;
using Platform.Capacity.Figures;
using Platform.Capacity.Participants;
using Platform.Contracts.Capacity;
using Platform.Contracts.ReferenceData;
using Platform.ServiceDefaults.Security;

namespace Platform.Capacity.Api;

/// <summary>
/// Capacity's figures, counts and averages only. They are computed from validated revisions and from the counts
/// kept when an activity was delivered, so erasing a person's data never changes them, and scores of different
/// instrument versions are never averaged together. Activity figures count people: below 5 they are suppressed for
/// every reader but the Capacity team and the programme admin (docs/figures.md); assessments count organisations and are exact.
/// </summary>
public static class FiguresApi
{
    public static RouteGroupBuilder MapFiguresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/capacity/figures").WithTags("Figures").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        api.MapGet("/assessments", AssessmentFigures).WithName("AssessmentFigures")
            .WithSummary("Per instrument version, municipality and kind: assessments and average domain scores; action items done and overdue");
        api.MapGet("/progress", ProgressFigures).WithName("ProgressFigures")
            .WithSummary("Change per domain from baseline to the latest assessment; share of organisations that improved by a level");
        api.MapGet("/activities", ActivityFigures).WithName("ActivityFigures")
            .WithSummary("Per place and kind: activities delivered, participants, participant-days, by gender, sector and audience, average test gain");
        return api;
    }

    public static async Task<Results<Ok<AssessmentFiguresResponse>, ValidationProblem>> AssessmentFigures(
        [AsParameters] AssessmentFiguresQuery query, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var assessments = db.Assessments.AsNoTracking().Where(a => a.CompletedOn != null);
        var actions = db.ImprovementActions.AsNoTracking();
        if (query.OrganizationId is { } organizationId)
        {
            assessments = assessments.Where(a => a.OrganizationId == organizationId);
            actions = actions.Where(a => a.OrganizationId == organizationId);
        }

        if (query.Municipality is not null)
        {
            assessments = assessments.Where(a => a.Municipality == query.Municipality);
            actions = actions.Where(a => a.Municipality == query.Municipality);
        }

        if (query.Instrument is not null)
        {
            assessments = assessments.Where(a => a.InstrumentCode == query.Instrument);
        }

        var validated = await assessments.ToListAsync(ct);
        var rows = validated
            .GroupBy(a => (a.InstrumentCode, a.InstrumentVersion, a.Municipality, a.Kind))
            .OrderBy(g => g.Key.InstrumentCode, StringComparer.Ordinal).ThenBy(g => g.Key.InstrumentVersion)
            .ThenBy(g => g.Key.Municipality, StringComparer.Ordinal).ThenBy(g => g.Key.Kind)
            .Select(g =>
            {
                var revisions = g.Select(a => a.LatestValidated!).ToList();
                var domains = revisions.SelectMany(r => r.DomainScores).GroupBy(d => d.Key)
                    .ToDictionary(d => d.Key, d => Scoring.Round(d.Average(x => x.Value)), StringComparer.Ordinal);
                return new AssessmentFiguresResponse.Row(g.Key.InstrumentCode, g.Key.InstrumentVersion, g.Key.Municipality, g.Key.Kind, revisions.Count,
                    domains, Scoring.Round(revisions.Average(r => r.Overall)));
            })
            .ToList();

        var today = clock.Today();
        var items = await actions.Select(a => new { a.Municipality, a.Status, a.DueOn }).ToListAsync(ct);
        var actionRows = items.GroupBy(a => a.Municipality).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AssessmentFiguresResponse.ActionRow(g.Key,
                g.Count(a => a.Status == ActionStatus.Planned), g.Count(a => a.Status == ActionStatus.InProgress),
                g.Count(a => a.Status == ActionStatus.Done), g.Count(a => a.Status == ActionStatus.Dropped),
                g.Count(a => a.Status is ActionStatus.Planned or ActionStatus.InProgress && a.DueOn < today)))
            .ToList();
        return TypedResults.Ok(new AssessmentFiguresResponse(rows, actionRows));
    }

    public static async Task<Results<Ok<ProgressResponse>, NotFound, ValidationProblem>> ProgressFigures(
        [AsParameters] ProgressQuery query, CapacityDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var code = query.Instrument ?? Instruments.ProgrammeInstruments.OcaCso;
        if (await AssessmentsApi.InstrumentAsync(db, code, query.Version, ct) is not { } instrument)
        {
            return TypedResults.NotFound();
        }

        var assessments = db.Assessments.AsNoTracking().Where(a => a.CompletedOn != null && a.InstrumentCode == code);
        if (query.Municipality is not null)
        {
            assessments = assessments.Where(a => a.Municipality == query.Municipality);
        }

        var validated = await assessments.ToListAsync(ct);
        var ofVersion = validated.Where(a => a.InstrumentVersion == instrument.Version).ToList();
        var organizations = Progress.PerOrganization(ofVersion.Select(a => new AssessedFact(
            a.Id, a.OrganizationId, a.OrganizationType, a.Municipality, a.Kind, a.LatestValidated!.DomainScores, a.LatestValidated.Overall)));
        var otherVersions = validated.Where(a => a.InstrumentVersion != instrument.Version).Select(a => a.OrganizationId).Distinct().Count();
        return TypedResults.Ok(new ProgressResponse(instrument.Code, instrument.Version, organizations, Progress.Groups(organizations), otherVersions));
    }

    public static async Task<Results<Ok<ActivityFiguresResponse>, ValidationProblem>> ActivityFigures(
        [AsParameters] ActivityFiguresQuery query, ClaimsPrincipal user, IAuthorizationService authorization, CapacityDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        QueryFilter.Municipality(query.Municipality, errors);
        var kind = QueryFilter.Enum<CapacityActivityKind>(query.Kind, "kind", errors);
        if (query.Audience is not null && !Audiences.All.Contains(query.Audience, StringComparer.Ordinal))
        {
            errors.Add("audience", $"Use one of {string.Join(", ", Audiences.All)}.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var activities = db.Activities.IgnoreAutoIncludes().AsNoTracking().Where(a => a.Status == ActivityStatus.Delivered);
        if (query.Municipality is not null)
        {
            activities = activities.Where(a => a.Municipality == query.Municipality);
        }

        if (kind is not null)
        {
            activities = activities.Where(a => a.Kind == kind);
        }

        if (query.Audience is not null)
        {
            activities = activities.Where(a => a.Audience == query.Audience);
        }

        var delivered = await activities.ToListAsync(ct);
        var exact = await authorization.SeesExactFiguresAsync(user, "capacity");
        var rows = delivered
            .GroupBy(a => (a.Place, a.Kind))
            .OrderBy(g => g.Key.Place, StringComparer.Ordinal).ThenBy(g => g.Key.Kind)
            .Select(g =>
            {
                var counts = g.Select(a => a.Delivered!).ToList();
                var tested = counts.Sum(c => c.Tested);
                var row = new ActivityFiguresResponse.Row(
                    g.Key.Place, g.Key.Kind, counts.Count, counts.Sum(c => c.Participants), counts.Sum(c => c.ParticipantDays),
                    SmallCells.Exact(Sum(counts.Select(c => c.ByGender), Gender.All)), SmallCells.Exact(Sum(counts.Select(c => c.BySector), Sectors.All)),
                    SmallCells.Exact(Sum(g.Select(a => new Dictionary<string, int> { [a.Audience] = a.Delivered!.Participants }), Audiences.All)),
                    // Weighted by who took both tests, so a large training counts for more than a small one.
                    tested == 0 ? null : Scoring.Round(counts.Where(c => c.AverageTestGain is not null).Sum(c => c.AverageTestGain!.Value * c.Tested) / tested),
                    false);
                return exact ? row : row.Suppress();
            })
            .ToList();
        return TypedResults.Ok(new ActivityFiguresResponse(rows));
    }

    private static Dictionary<string, int> Sum(IEnumerable<Dictionary<string, int>> counts, IReadOnlyList<string> keys)
    {
        var sum = keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var (key, count) in counts.SelectMany(c => c))
        {
            sum[key] = sum.GetValueOrDefault(key) + count;
        }

        return sum;
    }
}
