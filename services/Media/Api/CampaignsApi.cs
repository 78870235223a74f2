using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.ReferenceData;
using Platform.Media.Campaigns;
using Platform.Media.Data;
using Platform.Media.Outputs;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Security;

namespace Platform.Media.Api;

/// <summary>Awareness campaigns: planned, running, closed with the reach of their published outputs.</summary>
public static class CampaignsApi
{
    public static RouteGroupBuilder MapCampaignsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/media/campaigns").WithTags("Campaigns").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        var write = PlatformPolicies.WriteIn("media");

        api.MapPost("/", PlanCampaign).WithName("PlanCampaign").WithSummary("Plan an awareness campaign").RequireAuthorization(write);
        api.MapGet("/{id:guid}", GetCampaign).WithName("GetCampaign").WithSummary("A campaign by id, with its reach so far");
        api.MapGet("/", ListCampaigns).WithName("ListCampaigns").WithSummary("Campaigns, paged, by status, municipality and audience");
        api.MapPut("/{id:guid}", ReviseCampaign).WithName("ReviseCampaign").WithSummary("Change a planned campaign").RequireAuthorization(write);
        api.MapPost("/{id:guid}/start", StartCampaign).WithName("StartCampaign").WithSummary("Start a planned campaign").RequireAuthorization(write);
        api.MapPost("/{id:guid}/close", CloseCampaign).WithName("CloseCampaign")
            .WithSummary("Close a running campaign; its reach becomes final and CampaignClosed is published").RequireAuthorization(write);
        return api;
    }

    public static async Task<Created<CampaignResponse>> PlanCampaign(CampaignRequest request, MediaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var campaign = Campaign.Plan(request.Details(), clock.GetUtcNow());
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/media/campaigns/{campaign.Id}", CampaignResponse.From(campaign, ReachTotals.Of([])));
    }

    public static async Task<Results<Ok<CampaignResponse>, NotFound>> GetCampaign(Guid id, MediaDbContext db, CancellationToken ct)
    {
        if (await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        var reach = await ReachOfAsync(db, [id], ct);
        return TypedResults.Ok(CampaignResponse.From(campaign, reach[id]));
    }

    public static async Task<Results<Ok<PagedList<CampaignResponse>>, ValidationProblem>> ListCampaigns(
        [AsParameters] CampaignQuery query, MediaDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = QueryFilter.Paging(query.Page, query.PageSize, errors);
        var status = QueryFilter.Enum<CampaignStatus>(query.Status, "status", errors);
        QueryFilter.Code(query.Municipality, Municipality.All, "municipality", errors);
        QueryFilter.Code(query.Audience, Audience.All, "audience", errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var campaigns = db.Campaigns.AsNoTracking();
        if (status is not null)
        {
            campaigns = campaigns.Where(c => c.Status == status);
        }

        if (query.Municipality is { } municipality)
        {
            campaigns = campaigns.Where(c => c.Municipalities.Contains(municipality));
        }

        if (query.Audience is { } audience)
        {
            campaigns = campaigns.Where(c => c.Audiences.Contains(audience));
        }

        var total = await campaigns.LongCountAsync(ct);
        var page = await campaigns.OrderBy(c => c.StartsOn).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var reach = await ReachOfAsync(db, [.. page.Select(c => c.Id)], ct);
        return TypedResults.Ok(new PagedList<CampaignResponse>([.. page.Select(c => CampaignResponse.From(c, reach[c.Id]))], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<CampaignResponse>, NotFound>> ReviseCampaign(Guid id, CampaignRequest request, MediaDbContext db, CancellationToken ct)
    {
        if (await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        campaign.Revise(request.Details());
        await db.SaveChangesAsync(ct);
        var reach = await ReachOfAsync(db, [id], ct);
        return TypedResults.Ok(CampaignResponse.From(campaign, reach[id]));
    }

    public static async Task<Results<Ok<CampaignResponse>, NotFound>> StartCampaign(Guid id, MediaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        campaign.Start(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        var reach = await ReachOfAsync(db, [id], ct);
        return TypedResults.Ok(CampaignResponse.From(campaign, reach[id]));
    }

    public static async Task<Results<Ok<CampaignResponse>, NotFound>> CloseCampaign(Guid id, MediaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } campaign)
        {
            return TypedResults.NotFound();
        }

        var outputs = await PublishedOutputsOf(db, [id]).ToListAsync(ct);
        db.AddIntegrationEvent(campaign.Close(outputs.Select(o => o.ReachForCampaign()), clock.Today(), clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CampaignResponse.From(campaign, campaign.ClosingReach!));
    }

    /// <summary>The reach the published outputs of these campaigns measured so far, per campaign.</summary>
    internal static async Task<Dictionary<Guid, ReachTotals>> ReachOfAsync(MediaDbContext db, IReadOnlyList<Guid> campaignIds, CancellationToken ct)
    {
        var outputs = await PublishedOutputsOf(db, campaignIds).AsNoTracking().ToListAsync(ct);
        var byCampaign = outputs.ToLookup(o => o.CampaignId!.Value);
        return campaignIds.ToDictionary(id => id, id => ReachTotals.Of(byCampaign[id].Select(o => o.ReachForCampaign())));
    }

    /// <summary>Only published outputs reach anyone; only their measurements are needed.</summary>
    internal static IQueryable<MediaOutput> PublishedOutputsOf(MediaDbContext db, IReadOnlyList<Guid> campaignIds) =>
        db.Outputs.IgnoreAutoIncludes().Include(o => o.Measurements)
            .Where(o => o.CampaignId != null && campaignIds.Contains(o.CampaignId.Value) && o.Status == OutputStatus.Published)
            .AsSplitQuery();
}
