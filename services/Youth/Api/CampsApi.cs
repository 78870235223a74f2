using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Youth;
using Platform.ServiceDefaults.Security;
using Platform.Youth.Camps;
using Platform.Contracts.ReferenceData;
using Platform.Youth.Data;

namespace Platform.Youth.Api;

/// <summary>Civic education camps for youth and for women: sessions, participants, attendance, and holding them.</summary>
public static class CampsApi
{
    public static RouteGroupBuilder MapCampsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/youth/camps").WithTags("Camps").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        var write = PlatformPolicies.WriteIn("youth");

        api.MapPost("/", PlanCamp).WithName("PlanCamp").WithSummary("Plan a civic education camp").RequireAuthorization(write);
        api.MapGet("/{id:guid}", GetCamp).WithName("GetCamp").WithSummary("A camp by id");
        api.MapGet("/", ListCamps).WithName("ListCamps").WithSummary("Camps, paged, by municipality, status and audience");
        api.MapPost("/{id:guid}/sessions", AddSession).WithName("AddCampSession").WithSummary("Add a session on a topic").RequireAuthorization(write);
        api.MapPost("/{id:guid}/participants", RegisterParticipant).WithName("RegisterCampParticipant")
            .WithSummary("Register a person for the camp").RequireAuthorization(write);
        api.MapPut("/{id:guid}/sessions/{sessionId:guid}/attendance", RecordAttendance).WithName("RecordCampAttendance")
            .WithSummary("Who attended a session").RequireAuthorization(write);
        api.MapPost("/{id:guid}/hold", Hold).WithName("HoldCamp")
            .WithSummary("Mark the camp held; publishes the counts of those who attended").RequireAuthorization(write);
        return api;
    }

    public static async Task<Created<CampResponse>> PlanCamp(CampRequest request, YouthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var camp = Camp.Plan(request.Audience, request.Name, request.Municipality, request.StartsOn, request.EndsOn, clock.GetUtcNow());
        db.Camps.Add(camp);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/youth/camps/{camp.Id}", CampResponse.From(camp, withPersonalData: true));
    }

    public static async Task<Results<Ok<CampResponse>, NotFound>> GetCamp(Guid id, YouthDbContext db, PersonalDataAccess personalData, CancellationToken ct) =>
        await db.Camps.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct) is { } camp
            ? TypedResults.Ok(CampResponse.From(camp, await personalData.AllowedAsync()))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PagedList<CampResponse>>, ValidationProblem>> ListCamps(
        [AsParameters] CampQuery query, YouthDbContext db, PersonalDataAccess personalData, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        var status = QueryFilter.Enum<CampStatus>(query.Status, "status", errors);
        var audience = QueryFilter.Enum<CampAudience>(query.Audience, "audience", errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var camps = db.Camps.AsNoTracking();
        if (status is not null)
        {
            camps = camps.Where(c => c.Status == status);
        }

        if (audience is not null)
        {
            camps = camps.Where(c => c.Audience == audience);
        }

        if (query.Municipality is not null)
        {
            camps = camps.Where(c => c.Municipality == query.Municipality);
        }

        var total = await camps.LongCountAsync(ct);
        var page = await camps.OrderBy(c => c.StartsOn).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size).AsSplitQuery().ToListAsync(ct);
        var withPersonalData = await personalData.AllowedAsync();
        return TypedResults.Ok(new PagedList<CampResponse>([.. page.Select(c => CampResponse.From(c, withPersonalData))], paging.Number, paging.Size, total));
    }

    public static Task<Results<Created<CampResponse.Session>, NotFound>> AddSession(
        Guid id, SessionRequest request, YouthDbContext db, TimeProvider clock, CancellationToken ct) =>
        db.InTransactionAsync<Results<Created<CampResponse.Session>, NotFound>>(async ct =>
        {
            if (await db.Camps.LockForUpdateAsync(id, ct) is not { } camp)
            {
                return TypedResults.NotFound();
            }

            var session = camp.AddSession(request.Date, request.Topic, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/youth/camps/{id}", new CampResponse.Session(session.Id, session.Date, session.Topic));
        }, ct);

    public static async Task<Results<Created<CampResponse.Participant>, NotFound, ValidationProblem>> RegisterParticipant(
        Guid id, CampParticipantRequest request, YouthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.PersonId is not { } personId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["personId"] = ["Required: the id of the person taking part."] });
        }

        return await db.InTransactionAsync<Results<Created<CampResponse.Participant>, NotFound, ValidationProblem>>(async ct =>
        {
            if (await db.Camps.LockForUpdateAsync(id, ct) is not { } camp)
            {
                return TypedResults.NotFound();
            }

            if (await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId && p.ErasedAt == null, ct) is not { } person)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["personId"] = ["No such person."] });
            }

            var participant = camp.Register(person, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/youth/camps/{id}", CampResponse.Participant.From(participant));
        }, ct);
    }

    public static Task<Results<Ok<CampResponse>, NotFound>> RecordAttendance(
        Guid id, Guid sessionId, AttendanceRequest request, YouthDbContext db, CancellationToken ct) =>
        db.InTransactionAsync<Results<Ok<CampResponse>, NotFound>>(async ct =>
        {
            if (await db.Camps.LockForUpdateAsync(id, ct) is not { } camp || camp.Sessions.All(s => s.Id != sessionId))
            {
                return TypedResults.NotFound();
            }

            camp.RecordAttendance(sessionId, request.PersonIds);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(CampResponse.From(camp, withPersonalData: true));
        }, ct);

    /// <summary>
    /// Every change to a camp's sessions, participants or attendance holds the camp's row (the row version alone
    /// would not see a change to its child rows), so the counts published when it is held are final.
    /// </summary>
    public static Task<Results<Ok<CampResponse>, NotFound>> Hold(Guid id, YouthDbContext db, TimeProvider clock, CancellationToken ct) =>
        db.InTransactionAsync<Results<Ok<CampResponse>, NotFound>>(async ct =>
        {
            if (await db.Camps.LockForUpdateAsync(id, ct) is not { } camp)
            {
                return TypedResults.NotFound();
            }

            db.AddIntegrationEvent(camp.Hold(clock.Today(), clock.GetUtcNow()), clock);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(CampResponse.From(camp, withPersonalData: true));
        }, ct);
}

public sealed record CampRequest(CampAudience? Audience, string? Name, string? Municipality, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record SessionRequest(DateOnly? Date, string? Topic);

public sealed record CampParticipantRequest(Guid? PersonId);

public sealed record AttendanceRequest(List<Guid>? PersonIds);

/// <summary>A camp; who took part (by person id) only for those who may see Youth's personal data, counts for everyone.</summary>
public sealed record CampResponse(
    Guid Id,
    CampAudience Audience,
    string Name,
    string Municipality,
    DateOnly StartsOn,
    DateOnly EndsOn,
    CampStatus Status,
    IReadOnlyList<CampResponse.Session> Sessions,
    int Registered,
    IReadOnlyList<CampResponse.Participant>? Participants,
    int? Attended,
    IReadOnlyDictionary<string, int>? AttendedByGender,
    IReadOnlyDictionary<string, int>? AttendedByAgeGroup)
{
    public sealed record Session(Guid Id, DateOnly Date, string Topic);

    public sealed record Participant(Guid PersonId, IReadOnlyList<Guid> SessionsAttended)
    {
        public static Participant From(CampParticipant p) => new(p.PersonId, p.SessionsAttended);
    }

    public static CampResponse From(Camp c, bool withPersonalData) =>
        new(c.Id, c.Audience, c.Name, c.Municipality, c.StartsOn, c.EndsOn, c.Status,
            [.. c.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Id).Select(s => new Session(s.Id, s.Date, s.Topic))],
            c.Participants.Count,
            withPersonalData ? [.. c.Participants.OrderBy(p => p.RegisteredAt).Select(Participant.From)] : null,
            c.Attended, c.AttendedByGender, c.AttendedByAgeGroup);
}

public sealed record CampQuery(string? Status, string? Audience, string? Municipality, int? Page, int? PageSize);
