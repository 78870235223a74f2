using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Capacity.Activities;
using Platform.Capacity.Data;
using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Security;

namespace Platform.Capacity.Api;

/// <summary>Trainings, mentoring sessions, study tours and exchange visits: sessions, participants, attendance, tests, delivery.</summary>
public static class ActivitiesApi
{
    public static RouteGroupBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/capacity/activities").WithTags("Activities").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        var write = CapacityAccess.Write;
        api.MapPost("/", PlanActivity).WithName("PlanActivity").WithSummary("Plan a training, mentoring session, study tour or exchange visit")
            .RequireAuthorization(write);
        api.MapGet("/{id:guid}", GetActivity).WithName("GetActivity").WithSummary("An activity by id");
        api.MapGet("/", ListActivities).WithName("ListActivities").WithSummary("Activities, paged, by kind, status, municipality, audience, organisation");
        api.MapPost("/{id:guid}/sessions", AddActivitySession).WithName("AddActivitySession").WithSummary("Add a session on a day of the activity")
            .RequireAuthorization(write);
        api.MapPost("/{id:guid}/participants", RegisterActivityParticipant).WithName("RegisterActivityParticipant")
            .WithSummary("Register a person of the participant registry").RequireAuthorization(write);
        api.MapPut("/{id:guid}/sessions/{sessionId:guid}/attendance", RecordActivityAttendance).WithName("RecordActivityAttendance")
            .WithSummary("Who attended a session").RequireAuthorization(write);
        api.MapPut("/{id:guid}/participants/{participantId:guid}/tests", RecordTestScores).WithName("RecordTestScores")
            .WithSummary("A participant's pre- and post-test scores (0-100)").RequireAuthorization(write);
        api.MapPost("/{id:guid}/deliver", DeliverActivity).WithName("DeliverActivity")
            .WithSummary("Mark it delivered; publishes TrainingDelivered with the counts of those who attended").RequireAuthorization(write);
        return api;
    }

    public static async Task<Created<ActivityResponse>> PlanActivity(ActivityPlan request, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var organizationKnown = false;
        List<Guid> actions = [];
        if (request.MentoredOrganizationId is { } organizationId)
        {
            organizationKnown = await db.Organizations.AnyAsync(o => o.Id == organizationId, ct);
            actions = await db.ImprovementActions.Where(a => a.OrganizationId == organizationId).Select(a => a.Id).ToListAsync(ct);
        }

        var activity = Activity.Plan(request, organizationKnown, actions, clock.GetUtcNow());
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/capacity/activities/{activity.Id}", ActivityResponse.From(activity, withPersonalData: true));
    }

    public static async Task<Results<Ok<ActivityResponse>, NotFound>> GetActivity(Guid id, CapacityDbContext db, PersonalDataAccess personalData, CancellationToken ct) =>
        await db.Activities.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct) is { } activity
            ? TypedResults.Ok(ActivityResponse.From(activity, await personalData.AllowedAsync()))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PagedList<ActivityResponse>>, ValidationProblem>> ListActivities(
        [AsParameters] ActivityQuery query, CapacityDbContext db, PersonalDataAccess personalData, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        var kind = QueryFilter.Enum<CapacityActivityKind>(query.Kind, "kind", errors);
        var status = QueryFilter.Enum<ActivityStatus>(query.Status, "status", errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (query.Audience is not null && !Audiences.All.Contains(query.Audience, StringComparer.Ordinal))
        {
            errors.Add("audience", $"Use one of {string.Join(", ", Audiences.All)}.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var activities = db.Activities.AsNoTracking();
        if (kind is not null)
        {
            activities = activities.Where(a => a.Kind == kind);
        }

        if (status is not null)
        {
            activities = activities.Where(a => a.Status == status);
        }

        if (query.Municipality is not null)
        {
            activities = activities.Where(a => a.Municipality == query.Municipality);
        }

        if (query.Audience is not null)
        {
            activities = activities.Where(a => a.Audience == query.Audience);
        }

        if (query.OrganizationId is { } organizationId)
        {
            activities = activities.Where(a => a.MentoredOrganizationId == organizationId);
        }

        var total = await activities.LongCountAsync(ct);
        var page = await activities.OrderBy(a => a.StartsOn).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.Size).AsSplitQuery().ToListAsync(ct);
        var withPersonalData = await personalData.AllowedAsync();
        return TypedResults.Ok(new PagedList<ActivityResponse>([.. page.Select(a => ActivityResponse.From(a, withPersonalData))], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Created<ActivityResponse.Session>, NotFound>> AddActivitySession(
        Guid id, ActivitySessionRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Activities.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } activity)
        {
            return TypedResults.NotFound();
        }

        var session = activity.AddSession(request.Date, request.Topic, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/capacity/activities/{id}", new ActivityResponse.Session(session.Id, session.Date, session.Topic));
    }

    public static async Task<Results<Created<ActivityResponse.Participant>, NotFound, ValidationProblem>> RegisterActivityParticipant(
        Guid id, ActivityParticipantRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.ParticipantId is not { } participantId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["participantId"] = ["Required: the id of the person taking part."] });
        }

        if (await db.Activities.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } activity)
        {
            return TypedResults.NotFound();
        }

        if (await db.Participants.AsNoTracking().FirstOrDefaultAsync(p => p.Id == participantId && p.ErasedAt == null, ct) is not { } person)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["participantId"] = ["No such person in the participant registry."] });
        }

        var participant = activity.Register(person, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/capacity/activities/{id}", ActivityResponse.Participant.From(participant));
    }

    public static async Task<Results<Ok<ActivityResponse>, NotFound>> RecordActivityAttendance(
        Guid id, Guid sessionId, ActivityAttendanceRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Activities.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } activity || activity.Sessions.All(s => s.Id != sessionId))
        {
            return TypedResults.NotFound();
        }

        activity.RecordAttendance(sessionId, request.ParticipantIds, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ActivityResponse.From(activity, withPersonalData: true));
    }

    public static async Task<Results<Ok<ActivityResponse.Participant>, NotFound>> RecordTestScores(
        Guid id, Guid participantId, TestScoresRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Activities.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } activity
            || activity.Participants.All(p => p.ParticipantId != participantId))
        {
            return TypedResults.NotFound();
        }

        var participant = activity.RecordTests(participantId, request.PreTest, request.PostTest, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ActivityResponse.Participant.From(participant));
    }

    public static async Task<Results<Ok<ActivityResponse>, NotFound>> DeliverActivity(Guid id, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Activities.AsSplitQuery().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } activity)
        {
            return TypedResults.NotFound();
        }

        db.AddIntegrationEvent(activity.Deliver(clock.Today(), clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ActivityResponse.From(activity, withPersonalData: true));
    }
}
