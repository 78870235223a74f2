using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Capacity.Data;
using Platform.Capacity.Participants;

namespace Platform.Capacity.Api;

/// <summary>
/// The people of capacity development and their personal data (stored only with consent), what is held about a
/// person (subject access) and erasure. Only the capacity team and the programme admin reach any of it.
/// </summary>
public static class ParticipantsApi
{
    public static RouteGroupBuilder MapParticipantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/capacity/participants").WithTags("Participants").RequireAuthorization(CapacityAccess.PersonalData);
        api.MapPost("/", RegisterParticipant).WithName("RegisterParticipant").WithSummary("Record a person's data, with their consent")
            .RequireAuthorization(CapacityAccess.Write);
        api.MapGet("/{id:guid}", GetParticipant).WithName("GetParticipant").WithSummary("A person's data");
        api.MapGet("/", ListParticipants).WithName("ListParticipants").WithSummary("People, paged, by organisation, municipality and sector");
        api.MapGet("/{id:guid}/personal-data", GetParticipantData).WithName("GetParticipantData")
            .WithSummary("Subject access: everything held about a person");
        api.MapDelete("/{id:guid}", EraseParticipant).WithName("EraseParticipant")
            .WithSummary("Erase a person's personal data; counts and delivered figures stay").RequireAuthorization(CapacityAccess.Write);
        return api;
    }

    public static async Task<Created<ParticipantResponse>> RegisterParticipant(
        ParticipantRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var organizationKnown = request.OrganizationId is { } organizationId && await db.Organizations.AnyAsync(o => o.Id == organizationId, ct);
        var participant = Participant.Register(request.FullName, request.Gender, request.AgeGroup, request.Sector, request.OrganizationId, organizationKnown,
            request.Municipality, request.Position, request.Email, request.Phone, request.Consent?.Given, request.Consent?.Purpose,
            request.Consent?.NoticeVersion, clock.GetUtcNow());
        db.Participants.Add(participant);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/capacity/participants/{participant.Id}", ParticipantResponse.From(participant));
    }

    public static async Task<Results<Ok<ParticipantResponse>, NotFound>> GetParticipant(Guid id, CapacityDbContext db, CancellationToken ct) =>
        await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct) is { } participant
            ? TypedResults.Ok(ParticipantResponse.From(participant))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PagedList<ParticipantResponse>>, ValidationProblem>> ListParticipants(
        [AsParameters] ParticipantQuery query, CapacityDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (query.Sector is not null && !Sectors.All.Contains(query.Sector, StringComparer.Ordinal))
        {
            errors.Add("sector", $"Use one of {string.Join(", ", Sectors.All)}.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var people = db.Participants.AsNoTracking().Where(p => p.ErasedAt == null);
        if (query.OrganizationId is { } organizationId)
        {
            people = people.Where(p => p.OrganizationId == organizationId);
        }

        if (query.Municipality is not null)
        {
            people = people.Where(p => p.Municipality == query.Municipality);
        }

        if (query.Sector is not null)
        {
            people = people.Where(p => p.Sector == query.Sector);
        }

        var total = await people.LongCountAsync(ct);
        var page = await people.OrderBy(p => p.RegisteredAt).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<ParticipantResponse>([.. page.Select(ParticipantResponse.From)], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<ParticipantDataResponse>, NotFound>> GetParticipantData(Guid id, CapacityDbContext db, CancellationToken ct)
    {
        if (await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct) is not { } participant)
        {
            return TypedResults.NotFound();
        }

        var activities = await db.Activities.AsNoTracking().AsSplitQuery().Where(a => a.Participants.Any(p => p.ParticipantId == id))
            .OrderBy(a => a.StartsOn).ToListAsync(ct);
        var assessments = await db.Assessments.AsNoTracking().Where(a => a.FacilitatorIds.Contains(id) || a.ParticipantIds.Contains(id))
            .OrderBy(a => a.CreatedAt).ToListAsync(ct);
        return TypedResults.Ok(new ParticipantDataResponse(
            ParticipantResponse.From(participant),
            [.. activities.Select(a =>
            {
                var taking = a.Participants.Single(p => p.ParticipantId == id);
                return new ParticipantDataResponse.ActivityAttended(a.Id, a.Kind, a.Title, a.StartsOn, a.EndsOn,
                    [.. a.Sessions.Where(s => taking.SessionsAttended.Contains(s.Id)).Select(s => s.Date).Order()], taking.PreTest, taking.PostTest, taking.Gain);
            })],
            [.. assessments.Select(a => new ParticipantDataResponse.AssessmentRole(a.Id, a.OrganizationId, a.Kind,
                a.FacilitatorIds.Contains(id) ? "facilitator" : "participant"))]));
    }

    /// <summary>
    /// Erases the person's personal data; the anonymous facts the figures and published events rest on (gender,
    /// age group, sector and municipality copied into each activity, delivered counts) stay as they are.
    /// </summary>
    public static async Task<Results<NoContent, NotFound>> EraseParticipant(Guid id, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Participants.FirstOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct) is not { } participant)
        {
            return TypedResults.NotFound();
        }

        participant.Erase(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}
