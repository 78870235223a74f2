using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.ReferenceData;
using Platform.Media.Campaigns;
using Platform.Media.Data;
using Platform.Media.Outputs;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Organizations;
using Platform.ServiceDefaults.Security;

namespace Platform.Media.Api;

/// <summary>Media outputs: drafted, checked for EU visibility, approved, published, and their reach measured.</summary>
public static class OutputsApi
{
    public static RouteGroupBuilder MapOutputsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/media/outputs").WithTags("Outputs").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        var write = PlatformPolicies.WriteIn("media");

        api.MapPost("/", DraftOutput).WithName("DraftOutput").WithSummary("Enter a media output as a draft").RequireAuthorization(write);
        api.MapGet("/{id:guid}", GetOutput).WithName("GetOutput").WithSummary("An output by id, with its checks and reach");
        api.MapGet("/", ListOutputs).WithName("ListOutputs").WithSummary("Outputs, paged, by status, municipality, campaign, type and language");
        api.MapGet("/non-compliant", ListNonCompliant).WithName("ListNonCompliantOutputs")
            .WithSummary("Outputs whose latest EU visibility check failed, with what is missing");
        api.MapPut("/{id:guid}", ReviseOutput).WithName("ReviseOutput")
            .WithSummary("Correct an output before approval; a checked output goes back to draft").RequireAuthorization(write);
        api.MapPost("/{id:guid}/checks", RecordCheck).WithName("RecordVisibilityCheck")
            .WithSummary("Record an EU visibility check of the output").RequireAuthorization(write);
        api.MapPost("/{id:guid}/approve", Approve).WithName("ApproveOutput")
            .WithSummary("Approve a compliant output for publication; 409 with the failed points otherwise").RequireAuthorization(write);
        api.MapPost("/{id:guid}/publish", Publish).WithName("PublishOutput").WithSummary("Mark an approved output published").RequireAuthorization(write);
        api.MapPost("/{id:guid}/reach", RecordReach).WithName("RecordOutputReach")
            .WithSummary("Record a measurement of a published output's reach").RequireAuthorization(write);
        return api;
    }

    public static async Task<Created<OutputResponse>> DraftOutput(OutputRequest request, MediaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (campaign, outlet) = await ReferencesAsync(db, request, ct);
        var output = MediaOutput.Draft(request.Details(), campaign, outlet, clock.GetUtcNow());
        db.Outputs.Add(output);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/media/outputs/{output.Id}", OutputResponse.From(output, Outlets(outlet)));
    }

    public static async Task<Results<Ok<OutputResponse>, NotFound>> GetOutput(Guid id, MediaDbContext db, CancellationToken ct)
    {
        if (await db.Outputs.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } output)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(OutputResponse.From(output, await OutletsAsync(db, [output], ct)));
    }

    public static async Task<Results<Ok<PagedList<OutputResponse>>, ValidationProblem>> ListOutputs(
        [AsParameters] OutputQuery query, MediaDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = QueryFilter.Paging(query.Page, query.PageSize, errors);
        var status = QueryFilter.Enum<OutputStatus>(query.Status, "status", errors);
        var type = QueryFilter.Enum<OutputType>(query.Type, "type", errors);
        QueryFilter.Code(query.Municipality, Municipality.All, "municipality", errors);
        QueryFilter.Code(query.Language, Language.All, "language", errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var outputs = Filter(db.Outputs.AsNoTracking(), query.Municipality, type, query.Language, query.CampaignId);
        if (status is not null)
        {
            outputs = outputs.Where(o => o.Status == status);
        }

        var total = await outputs.LongCountAsync(ct);
        var page = await outputs.OrderBy(o => o.Date).ThenBy(o => o.Id).Skip(paging.Skip).Take(paging.Size).AsSplitQuery().ToListAsync(ct);
        var outlets = await OutletsAsync(db, page, ct);
        return TypedResults.Ok(new PagedList<OutputResponse>([.. page.Select(o => OutputResponse.From(o, outlets))], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<PagedList<NonCompliantOutputResponse>>, ValidationProblem>> ListNonCompliant(
        [AsParameters] OutputQuery query, MediaDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = QueryFilter.Paging(query.Page, query.PageSize, errors);
        var type = QueryFilter.Enum<OutputType>(query.Type, "type", errors);
        QueryFilter.Code(query.Municipality, Municipality.All, "municipality", errors);
        QueryFilter.Code(query.Language, Language.All, "language", errors);
        if (query.Status is not null)
        {
            errors.Add("status", "Not a filter here: every output listed failed its latest check.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        // Approval needs a compliant check, so an output whose latest check failed is a draft or checked one.
        var outputs = Filter(db.Outputs.AsNoTracking(), query.Municipality, type, query.Language, query.CampaignId)
            .Where(o => o.LatestCheckCompliant == false);
        var total = await outputs.LongCountAsync(ct);
        var page = await outputs.OrderBy(o => o.LastCheckedAt).ThenBy(o => o.Id).Skip(paging.Skip).Take(paging.Size).AsSplitQuery().ToListAsync(ct);
        return TypedResults.Ok(new PagedList<NonCompliantOutputResponse>(
            [.. page.Select(o => (Output: o, Check: o.LatestCheck!))
                .Select(x => new NonCompliantOutputResponse(x.Output.Id, x.Output.Type, x.Output.Title, x.Output.Language, x.Output.CampaignId,
                    x.Output.Checks.Count, x.Check.CheckedAt, x.Check.Failed))],
            paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<OutputResponse>, NotFound>> ReviseOutput(Guid id, OutputRequest request, MediaDbContext db, CancellationToken ct)
    {
        if (await db.Outputs.AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } output)
        {
            return TypedResults.NotFound();
        }

        var (campaign, outlet) = await ReferencesAsync(db, request, ct);
        output.Revise(request.Details(), campaign, outlet);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OutputResponse.From(output, Outlets(outlet)));
    }

    public static async Task<Results<Created<CheckResponse>, NotFound>> RecordCheck(
        Guid id, ChecklistRequest request, MediaDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Outputs.AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } output)
        {
            return TypedResults.NotFound();
        }

        var check = output.RecordCheck(request.Checklist(), Actor(user), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/media/outputs/{id}", CheckResponse.From(check));
    }

    public static async Task<Results<Ok<OutputResponse>, NotFound, ProblemHttpResult>> Approve(
        Guid id, MediaDbContext db, ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Outputs.AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } output)
        {
            return TypedResults.NotFound();
        }

        try
        {
            output.Approve(Actor(user), clock.GetUtcNow());
        }
        catch (RuleViolationException refused) when (refused.Code == "not-compliant")
        {
            // The refusal names each failed point, so the team knows what to fix before the re-check.
            return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status409Conflict, title: "Not allowed now",
                extensions: new Dictionary<string, object?> { ["code"] = refused.Code, ["failed"] = output.LatestCheck!.Failed });
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OutputResponse.From(output, await OutletsAsync(db, [output], ct)));
    }

    public static async Task<Results<Ok<OutputResponse>, NotFound>> Publish(Guid id, MediaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Outputs.AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } output)
        {
            return TypedResults.NotFound();
        }

        output.Publish(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(OutputResponse.From(output, await OutletsAsync(db, [output], ct)));
    }

    public static async Task<Results<Created<MeasurementResponse>, NotFound>> RecordReach(
        Guid id, ReachRequest request, MediaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Outputs.AsSplitQuery().FirstOrDefaultAsync(o => o.Id == id, ct) is not { } output)
        {
            return TypedResults.NotFound();
        }

        var now = clock.GetUtcNow();
        var measurement = output.RecordReach(request.Metric, request.Value, request.MeasuredOn, request.Source, clock.Today(), now);
        if (output.CampaignId is { } campaignId)
        {
            // Refused once the campaign closed; touching the campaign makes a close that raced this measurement lose.
            (await db.Campaigns.SingleAsync(c => c.Id == campaignId, ct)).NoteReachMeasured(now);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/media/outputs/{id}", MeasurementResponse.From(measurement));
    }

    internal static IQueryable<MediaOutput> Filter(IQueryable<MediaOutput> outputs, string? municipality, OutputType? type, string? language, Guid? campaignId)
    {
        if (municipality is not null)
        {
            outputs = outputs.Where(o => o.Municipality == municipality);
        }

        if (type is not null)
        {
            outputs = outputs.Where(o => o.Type == type);
        }

        if (language is not null)
        {
            outputs = outputs.Where(o => o.Language == language);
        }

        if (campaignId is not null)
        {
            outputs = outputs.Where(o => o.CampaignId == campaignId);
        }

        return outputs;
    }

    /// <summary>The outlets of these outputs from the registry copy, by id.</summary>
    internal static async Task<IReadOnlyDictionary<Guid, OrganizationReplica>> OutletsAsync(MediaDbContext db, IReadOnlyList<MediaOutput> outputs, CancellationToken ct)
    {
        var ids = outputs.Where(o => o.OutletId is not null).Select(o => o.OutletId!.Value).Distinct().ToList();
        return ids.Count == 0 ? Outlets(null) : await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
    }

    private static Dictionary<Guid, OrganizationReplica> Outlets(OrganizationReplica? outlet) => outlet is null ? [] : new() { [outlet.Id] = outlet };

    private static async Task<(Campaign? Campaign, OrganizationReplica? Outlet)> ReferencesAsync(MediaDbContext db, OutputRequest request, CancellationToken ct)
    {
        var campaign = request.CampaignId is { } campaignId ? await db.Campaigns.FirstOrDefaultAsync(c => c.Id == campaignId, ct) : null;
        var outlet = request.OutletId is { } outletId ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == outletId, ct) : null;
        return (campaign, outlet);
    }

    private static string Actor(ClaimsPrincipal user) => user.Subject() ?? user.ClientId() ?? "unknown";
}
