using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Capacity.Data;
using Platform.Capacity.Instruments;

namespace Platform.Capacity.Api;

/// <summary>Assessment instruments as versioned data: publish a new version, read any version.</summary>
public static class InstrumentsApi
{
    public static RouteGroupBuilder MapInstrumentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/capacity/instruments").WithTags("Instruments").RequireAuthorization(CapacityAccess.ReadAssessments);
        api.MapPost("/", PublishInstrument).WithName("PublishInstrument")
            .WithSummary("Publish the next version of an instrument; earlier versions and their assessments stay as they are")
            .RequireAuthorization(CapacityAccess.Write);
        api.MapGet("/", ListInstruments).WithName("ListInstruments").WithSummary("Instrument versions, paged, by code");
        api.MapGet("/{code}", GetLatestInstrument).WithName("GetLatestInstrument").WithSummary("The latest version of an instrument");
        api.MapGet("/{code}/versions/{version:int}", GetInstrumentVersion).WithName("GetInstrumentVersion").WithSummary("One version of an instrument");
        return api;
    }

    public static async Task<Created<InstrumentResponse>> PublishInstrument(
        InstrumentRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var latest = request.Code is null ? 0 : await db.Instruments.Where(i => i.Code == request.Code).MaxAsync(i => (int?)i.Version, ct) ?? 0;
        var instrument = Instrument.Publish(request.Code, request.Name, request.Domains, latest, clock.GetUtcNow());
        db.Instruments.Add(instrument);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/capacity/instruments/{instrument.Code}/versions/{instrument.Version}", InstrumentResponse.From(instrument));
    }

    public static async Task<Results<Ok<PagedList<InstrumentSummary>>, ValidationProblem>> ListInstruments(
        [AsParameters] InstrumentQuery query, CapacityDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var instruments = db.Instruments.AsNoTracking();
        if (query.Code is not null)
        {
            instruments = instruments.Where(i => i.Code == query.Code);
        }

        var total = await instruments.LongCountAsync(ct);
        var page = await instruments.OrderBy(i => i.Code).ThenBy(i => i.Version).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<InstrumentSummary>([.. page.Select(InstrumentSummary.From)], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<InstrumentResponse>, NotFound>> GetLatestInstrument(string code, CapacityDbContext db, CancellationToken ct) =>
        await db.Instruments.AsNoTracking().Where(i => i.Code == code).OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct) is { } instrument
            ? TypedResults.Ok(InstrumentResponse.From(instrument))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<InstrumentResponse>, NotFound>> GetInstrumentVersion(string code, int version, CapacityDbContext db, CancellationToken ct) =>
        await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code && i.Version == version, ct) is { } instrument
            ? TypedResults.Ok(InstrumentResponse.From(instrument))
            : TypedResults.NotFound();
}
