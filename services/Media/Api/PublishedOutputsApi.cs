using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.ReferenceData;
using Platform.Media.Data;
using Platform.Media.Outputs;
using Platform.ServiceDefaults.Domain;

namespace Platform.Media.Api;

/// <summary>Published outputs are public: anyone may read them, without a token, and nothing else of an output.</summary>
public static class PublishedOutputsApi
{
    public static RouteGroupBuilder MapPublishedOutputsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/media/catalogue/outputs").WithTags("Catalogue").AllowAnonymous();
        api.MapGet("/", ListPublished).WithName("ListPublishedOutputs").WithSummary("Published media outputs, paged, by municipality, type, language and campaign");
        api.MapGet("/{id:guid}", GetPublished).WithName("GetPublishedOutput").WithSummary("A published media output");
        return api;
    }

    public static async Task<Results<Ok<PagedList<PublishedOutputResponse>>, ValidationProblem>> ListPublished(
        [AsParameters] PublishedOutputQuery query, MediaDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = QueryFilter.Paging(query.Page, query.PageSize, errors);
        var type = QueryFilter.Enum<OutputType>(query.Type, "type", errors);
        QueryFilter.Code(query.Municipality, Municipality.All, "municipality", errors);
        QueryFilter.Code(query.Language, Language.All, "language", errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var outputs = OutputsApi.Filter(Published(db), query.Municipality, type, query.Language, query.CampaignId);
        var total = await outputs.LongCountAsync(ct);
        var page = await outputs.OrderByDescending(o => o.Date).ThenByDescending(o => o.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var outlets = await OutputsApi.OutletsAsync(db, page, ct);
        return TypedResults.Ok(new PagedList<PublishedOutputResponse>([.. page.Select(o => PublishedOutputResponse.From(o, outlets))], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<PublishedOutputResponse>, NotFound>> GetPublished(Guid id, MediaDbContext db, CancellationToken ct) =>
        await Published(db).FirstOrDefaultAsync(o => o.Id == id, ct) is { } output
            ? TypedResults.Ok(PublishedOutputResponse.From(output, await OutputsApi.OutletsAsync(db, [output], ct)))
            : TypedResults.NotFound();

    // An output not yet published does not exist for the public: 404, as for an unknown id.
    private static IQueryable<MediaOutput> Published(MediaDbContext db) =>
        db.Outputs.IgnoreAutoIncludes().AsNoTracking().Where(o => o.Status == OutputStatus.Published);
}
