using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.ReferenceData;
using Platform.Media.Campaigns;
using Platform.Media.Data;
using Platform.Media.Figures;
using Platform.Media.Outputs;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Security;

namespace Platform.Media.Api;

/// <summary>The communication figures: campaign reach against the targets, outputs, EU visibility, media engagement.</summary>
public static class CommunicationFiguresApi
{
    public static RouteGroupBuilder MapCommunicationFiguresApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/media/figures").WithTags("Figures").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        api.MapGet("/reach", Reach).WithName("ReachFigures")
            .WithSummary("Campaign reach against the target, by campaign, channel, language, audience and municipality");
        api.MapGet("/outputs", Outputs).WithName("OutputFigures")
            .WithSummary("Outputs by type and outlet, and the share compliant at their first EU visibility check");
        api.MapGet("/engagement", Engagement).WithName("EngagementFigures").WithSummary("Journalists trained and media partnerships, by outlet");
        return api;
    }

    public static async Task<Results<Ok<ReachFigures>, ValidationProblem>> Reach([AsParameters] ReachFiguresQuery query, MediaDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var status = QueryFilter.Enum<CampaignStatus>(query.Status, "status", errors);
        QueryFilter.Code(query.Municipality, Municipality.All, "municipality", errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var campaigns = db.Campaigns.AsNoTracking();
        if (query.CampaignId is { } campaignId)
        {
            campaigns = campaigns.Where(c => c.Id == campaignId);
        }

        if (status is not null)
        {
            campaigns = campaigns.Where(c => c.Status == status);
        }

        if (query.Municipality is { } municipality)
        {
            campaigns = campaigns.Where(c => c.Municipalities.Contains(municipality));
        }

        var selected = await campaigns.OrderBy(c => c.StartsOn).ThenBy(c => c.Id).ToListAsync(ct);
        var outputs = await CampaignsApi.PublishedOutputsOf(db, [.. selected.Select(c => c.Id)]).AsNoTracking().ToListAsync(ct);
        return TypedResults.Ok(ReachFigures.Of(
            [.. selected.Select(CampaignTargets.Of)],
            [.. outputs.Select(o => (o.CampaignId!.Value, o.ReachForCampaign()))]));
    }

    public static async Task<Results<Ok<OutputFiguresResponse>, ValidationProblem>> Outputs(
        [AsParameters] OutputFiguresQuery query, MediaDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        QueryFilter.Code(query.Municipality, Municipality.All, "municipality", errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var outputs = await OutputsApi.Filter(db.Outputs.IgnoreAutoIncludes().AsNoTracking(), query.Municipality, null, null, query.CampaignId)
            .Select(o => new { o.Type, o.OutletId, o.OwnChannel, o.Status, o.CompliantAtFirstCheck })
            .ToListAsync(ct);
        var outletIds = outputs.Where(o => o.OutletId is not null).Select(o => o.OutletId!.Value).Distinct().ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => outletIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name.Values, ct);
        return TypedResults.Ok(new OutputFiguresResponse(
            [.. outputs.GroupBy(o => o.Type).OrderBy(g => g.Key)
                .Select(g => new OutputFiguresResponse.TypeRow(g.Key, OutputCounts.Of(g.Select(o => o.Status))))],
            [.. outputs.GroupBy(o => (o.OutletId, o.OwnChannel)).OrderBy(g => g.Key.OutletId).ThenBy(g => g.Key.OwnChannel, StringComparer.Ordinal)
                .Select(g => new OutputFiguresResponse.OutletRow(g.Key.OutletId, g.Key.OutletId is { } id ? names.GetValueOrDefault(id) : null, g.Key.OwnChannel,
                    OutputCounts.Of(g.Select(o => o.Status))))],
            FirstCheckCompliance.Of(outputs.Select(o => o.CompliantAtFirstCheck))));
    }

    public static async Task<Ok<EngagementFiguresResponse>> Engagement(MediaDbContext db, CancellationToken ct)
    {
        var trainings = await db.JournalistTrainings.AsNoTracking()
            .GroupBy(t => t.OutletId).Select(g => new { OutletId = g.Key, Trainings = g.Count(), Journalists = g.Sum(t => t.JournalistsTrained) })
            .ToListAsync(ct);
        var partnerships = await db.MediaPartnerships.AsNoTracking()
            .GroupBy(p => p.OutletId).Select(g => new { OutletId = g.Key, Partnerships = g.Count() })
            .ToListAsync(ct);
        var outletIds = trainings.Select(t => t.OutletId).Union(partnerships.Select(p => p.OutletId)).ToList();
        var names = await db.Organizations.AsNoTracking().Where(o => outletIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name.Values, ct);
        var rows = outletIds
            .Select(id => (Id: id, Training: trainings.FirstOrDefault(t => t.OutletId == id), Partnerships: partnerships.FirstOrDefault(p => p.OutletId == id)?.Partnerships ?? 0))
            .Select(x => new EngagementFiguresResponse.Row(x.Id, names[x.Id], x.Training?.Trainings ?? 0, x.Training?.Journalists ?? 0, x.Partnerships))
            .OrderBy(r => r.OutletId)
            .ToList();
        return TypedResults.Ok(new EngagementFiguresResponse(rows, rows.Sum(r => r.JournalistsTrained), rows.Sum(r => r.Partnerships)));
    }
}

public sealed record ReachFiguresQuery(Guid? CampaignId, string? Status, string? Municipality);

public sealed record OutputFiguresQuery(Guid? CampaignId, string? Municipality);

public sealed record OutputFiguresResponse(
    IReadOnlyList<OutputFiguresResponse.TypeRow> ByType,
    IReadOnlyList<OutputFiguresResponse.OutletRow> ByOutlet,
    FirstCheckCompliance FirstCheck)
{
    public sealed record TypeRow(OutputType Type, OutputCount Count);

    /// <summary>An outlet from the registry, or (with no outlet id) one of the consortium's own channels.</summary>
    public sealed record OutletRow(Guid? OutletId, IReadOnlyDictionary<string, string>? OutletName, string? OwnChannel, OutputCount Count);
}

public sealed record EngagementFiguresResponse(IReadOnlyList<EngagementFiguresResponse.Row> ByOutlet, int JournalistsTrained, int Partnerships)
{
    public sealed record Row(Guid OutletId, IReadOnlyDictionary<string, string> OutletName, int Trainings, int JournalistsTrained, int Partnerships);
}
