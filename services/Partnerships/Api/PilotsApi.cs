using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Partnerships;
using Platform.Partnerships.Data;
using Platform.Partnerships.Pilots;

namespace Platform.Partnerships.Api;

/// <summary>Participatory pilot initiatives run by a CSO and an LSG body, possibly financed by a grant.</summary>
public static class PilotsApi
{
    public static RouteGroupBuilder MapPilotsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partnerships/pilots").WithTags("Pilot initiatives").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        var write = PartnershipsAccess.Manage;

        api.MapPost("/", Plan).WithName("PlanPilotInitiative").WithSummary("Plan a hearing, participatory budgeting, petition or citizen panel").RequireAuthorization(write);
        api.MapGet("/", ListPilots).WithName("ListPilotInitiatives").WithSummary("Pilot initiatives, paged, by municipality, status and kind");
        api.MapGet("/{id:guid}", GetPilot).WithName("GetPilotInitiative").WithSummary("A pilot initiative by id");
        api.MapPost("/{id:guid}/complete", Complete).WithName("CompletePilotInitiative")
            .WithSummary("Participants, outcome and follow-up; publishes PilotInitiativeCompleted").RequireAuthorization(write);
        return api;
    }

    public static async Task<Results<Created<PilotResponse>, ValidationProblem>> Plan(PilotRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        Guid?[] ids = [request.CsoOrganizationId, request.LocalSelfGovernmentId];
        var organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var award = request.AwardId is { } awardId ? await db.GrantAwards.AsNoTracking().FirstOrDefaultAsync(a => a.AwardId == awardId, ct) : null;
        var pilot = PilotInitiative.Plan(request.Kind, request.Title,
            request.CsoOrganizationId is { } cso ? organizations.GetValueOrDefault(cso) : null,
            request.LocalSelfGovernmentId is { } lsg ? organizations.GetValueOrDefault(lsg) : null,
            request.StartsOn, request.EndsOn, request.AwardId is not null, award, clock.GetUtcNow());
        db.PilotInitiatives.Add(pilot);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/pilots/{pilot.Id}", PilotResponse.From(pilot));
    }

    public static async Task<Results<Ok<PagedList<PilotResponse>>, ValidationProblem>> ListPilots([AsParameters] PilotQuery query, PartnershipsDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        QueryFilter.Municipality(query.Municipality, errors);
        var status = QueryFilter.Enum<PilotStatus>(query.Status, "status", errors);
        var kind = QueryFilter.Enum<PilotInitiativeKind>(query.Kind, "kind", errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var pilots = db.PilotInitiatives.AsNoTracking();
        if (status is not null)
        {
            pilots = pilots.Where(p => p.Status == status);
        }

        if (kind is not null)
        {
            pilots = pilots.Where(p => p.Kind == kind);
        }

        if (query.Municipality is not null)
        {
            pilots = pilots.Where(p => p.Municipality == query.Municipality);
        }

        var total = await pilots.LongCountAsync(ct);
        var page = await pilots.OrderByDescending(p => p.StartsOn).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<PilotResponse>([.. page.Select(PilotResponse.From)], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<PilotResponse>, NotFound>> GetPilot(Guid id, PartnershipsDbContext db, CancellationToken ct) =>
        await db.PilotInitiatives.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } pilot ? TypedResults.Ok(PilotResponse.From(pilot)) : TypedResults.NotFound();

    public static async Task<Results<Ok<PilotResponse>, NotFound>> Complete(
        Guid id, CompletePilotRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.PilotInitiatives.FirstOrDefaultAsync(p => p.Id == id, ct) is not { } pilot)
        {
            return TypedResults.NotFound();
        }

        db.AddIntegrationEvent(pilot.Complete(request.ParticipantsByGender, request.ParticipantsByAgeGroup, request.Outcome, request.FollowUp, clock.Today(), clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PilotResponse.From(pilot));
    }
}

public sealed record PilotRequest(PilotInitiativeKind? Kind, string? Title, Guid? CsoOrganizationId, Guid? LocalSelfGovernmentId, DateOnly? StartsOn, DateOnly? EndsOn, Guid? AwardId);

public sealed record CompletePilotRequest(Dictionary<string, int>? ParticipantsByGender, Dictionary<string, int>? ParticipantsByAgeGroup, string? Outcome, string? FollowUp);

public sealed record PilotQuery(string? Status, string? Kind, string? Municipality, int? Page, int? PageSize);

public sealed record PilotResponse(
    Guid Id, PilotInitiativeKind Kind, string Title, string Municipality, Guid CsoOrganizationId, Guid LocalSelfGovernmentId, DateOnly StartsOn, DateOnly EndsOn,
    Guid? AwardId, PilotStatus Status, int? Participants, IReadOnlyDictionary<string, int>? ParticipantsByGender, IReadOnlyDictionary<string, int>? ParticipantsByAgeGroup,
    string? Outcome, string? FollowUp, DateOnly? CompletedOn)
{
    public static PilotResponse From(PilotInitiative p) =>
        new(p.Id, p.Kind, p.Title, p.Municipality, p.CsoOrganizationId, p.LocalSelfGovernmentId, p.StartsOn, p.EndsOn, p.AwardId, p.Status,
            p.Participants, p.ParticipantsByGender, p.ParticipantsByAgeGroup, p.Outcome, p.FollowUp, p.CompletedOn);
}
