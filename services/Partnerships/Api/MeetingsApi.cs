using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Partnerships.Data;
using Platform.Partnerships.Groups;
using Platform.Partnerships.Meetings;

namespace Platform.Partnerships.Api;

/// <summary>Meetings of a group or of the Alliance: agenda, attendance, minutes (drafted, circulated, approved and locked), decisions.</summary>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partnerships/meetings").WithTags("Meetings").RequireAuthorization(PartnershipsAccess.ReadGroups);
        var write = PartnershipsAccess.Manage;

        api.MapPost("/", Schedule).WithName("ScheduleMeeting").WithSummary("Schedule a meeting of a group or of the Alliance").RequireAuthorization(write);
        api.MapGet("/", ListMeetings).WithName("ListMeetings").WithSummary("Meetings, paged, by body, group, municipality and minutes status");
        api.MapGet("/{id:guid}", GetMeeting).WithName("GetMeeting").WithSummary("A meeting by id");
        api.MapPut("/{id:guid}/agenda", SetAgenda).WithName("SetAgenda").WithSummary("The agenda items, in order").RequireAuthorization(write);
        api.MapPut("/{id:guid}/attendance", RecordAttendance).WithName("RecordAttendance")
            .WithSummary("Who attended: representatives of a group's members, or Alliance member organisations").RequireAuthorization(write);
        api.MapPut("/{id:guid}/minutes", DraftMinutes).WithName("DraftMinutes").WithSummary("Draft or redraft the minutes").RequireAuthorization(write);
        api.MapPost("/{id:guid}/minutes/circulate", CirculateMinutes).WithName("CirculateMinutes").WithSummary("Circulate the drafted minutes").RequireAuthorization(write);
        api.MapPost("/{id:guid}/minutes/approve", ApproveMinutes).WithName("ApproveMinutes")
            .WithSummary("Approve the circulated minutes; the meeting's record is locked from now on").RequireAuthorization(write);
        api.MapPost("/{id:guid}/decisions", RecordDecision).WithName("RecordDecision").WithSummary("A decision, its owner and due date").RequireAuthorization(write);
        api.MapPost("/{id:guid}/decisions/{decisionId:guid}/status", SetDecisionStatus).WithName("SetDecisionStatus")
            .WithSummary("A decision's follow-up: Done or Cancelled").RequireAuthorization(write);

        app.MapGroup("/api/partnerships/decisions").WithTags("Meetings").RequireAuthorization(PartnershipsAccess.ReadGroups)
            .MapGet("/overdue", Overdue).WithName("OverdueDecisions").WithSummary("Open decisions past their due date, paged, by group and municipality");
        return api;
    }

    public static async Task<Results<Created<MeetingResponse>, ValidationProblem>> Schedule(
        MeetingRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var group = request.GroupId is { } groupId ? await db.Groups.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(g => g.Id == groupId, ct) : null;
        if (request.GroupId is not null && group is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["groupId"] = ["No such partnership group."] });
        }

        var meeting = Meeting.Schedule(group, request.Body, request.Title, request.Date, request.Place, request.Online, request.Agenda, clock.Today(), clock.GetUtcNow());
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/meetings/{meeting.Id}", MeetingResponse.From(meeting, clock.Today(), withPersonalData: true));
    }

    public static async Task<Results<Ok<PagedList<MeetingResponse>>, ValidationProblem>> ListMeetings(
        [AsParameters] MeetingQuery query, ClaimsPrincipal user, PartnershipsDbContext db, PersonalDataAccess personalData, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        QueryFilter.Municipality(query.Municipality, errors);
        var body = QueryFilter.Enum<MeetingBody>(query.Body, "body", errors);
        var minutes = QueryFilter.Enum<MinutesStatus>(query.MinutesStatus, "minutesStatus", errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var today = clock.Today();
        var meetings = await VisibleAsync(db.Meetings.AsNoTracking(), user, db, today, ct);
        if (body is not null)
        {
            meetings = meetings.Where(m => m.Body == body);
        }

        if (query.GroupId is { } groupId)
        {
            meetings = meetings.Where(m => m.GroupId == groupId);
        }

        if (query.Municipality is not null)
        {
            meetings = meetings.Where(m => m.Municipality == query.Municipality);
        }

        if (minutes is not null)
        {
            meetings = meetings.Where(m => m.MinutesStatus == minutes);
        }

        var total = await meetings.LongCountAsync(ct);
        var page = await meetings.OrderByDescending(m => m.Date).ThenBy(m => m.Id).Skip(paging.Skip).Take(paging.Size).AsSplitQuery().ToListAsync(ct);
        var withPersonalData = await personalData.AllowedAsync();
        return TypedResults.Ok(new PagedList<MeetingResponse>([.. page.Select(m => MeetingResponse.From(m, today, withPersonalData))], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<MeetingResponse>, NotFound>> GetMeeting(
        Guid id, ClaimsPrincipal user, PartnershipsDbContext db, PersonalDataAccess personalData, TimeProvider clock, CancellationToken ct)
    {
        var today = clock.Today();
        return await (await VisibleAsync(db.Meetings.AsNoTracking(), user, db, today, ct)).AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct) is { } meeting
            ? TypedResults.Ok(MeetingResponse.From(meeting, today, await personalData.AllowedAsync()))
            : TypedResults.NotFound();
    }

    public static Task<Results<Ok<MeetingResponse>, NotFound>> SetAgenda(
        Guid id, AgendaRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, (meeting, _) => meeting.SetAgenda(request.Items));

    public static Task<Results<Ok<MeetingResponse>, NotFound>> RecordAttendance(
        Guid id, AttendanceRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, async (meeting, token) =>
        {
            var group = meeting.GroupId is { } groupId ? await db.Groups.AsSplitQuery().FirstAsync(g => g.Id == groupId, token) : null;
            var alliance = meeting.Body == MeetingBody.Alliance ? await db.AllianceMembers.AsNoTracking().ToListAsync(token) : [];
            meeting.RecordAttendance(request.Attendees?.Select(a => new Meeting.Attendee(a?.OrganizationId, a?.RepresentativeId, a?.Gender)).ToList(),
                group, alliance, clock.Today());
        });

    public static Task<Results<Ok<MeetingResponse>, NotFound>> DraftMinutes(
        Guid id, MinutesRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, (meeting, _) => meeting.DraftMinutes(request.Text));

    public static Task<Results<Ok<MeetingResponse>, NotFound>> CirculateMinutes(Guid id, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, (meeting, _) => meeting.CirculateMinutes());

    public static Task<Results<Ok<MeetingResponse>, NotFound>> ApproveMinutes(Guid id, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, (meeting, _) => meeting.ApproveMinutes(clock.Today()));

    public static async Task<Results<Created<DecisionResponse>, NotFound>> RecordDecision(
        Guid id, DecisionRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Meetings.AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting)
        {
            return TypedResults.NotFound();
        }

        // The owner is a member on the meeting's day: of the group, or of the Alliance.
        var owners = meeting.GroupId is { } groupId
            ? (await db.GroupMembers.AsNoTracking().Where(m => m.GroupId == groupId).ToListAsync(ct)).Where(m => m.IsMemberOn(meeting.Date)).Select(m => m.OrganizationId)
            : (await db.AllianceMembers.AsNoTracking().ToListAsync(ct)).Where(m => m.IsMemberOn(meeting.Date)).Select(m => m.OrganizationId);
        var decision = meeting.RecordDecision(request.Text, request.OwnerOrganizationId, request.DueOn, owners.ToHashSet(), clock.GetUtcNow());
        db.GuardRowVersion(meeting, m => m.MinutesStatus);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/meetings/{id}", DecisionResponse.From(decision, meeting, clock.Today()));
    }

    public static async Task<Results<Ok<DecisionResponse>, NotFound>> SetDecisionStatus(
        Guid id, Guid decisionId, DecisionStatusRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Meetings.AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting || meeting.Decisions.All(d => d.Id != decisionId))
        {
            return TypedResults.NotFound();
        }

        meeting.SetDecisionStatus(decisionId, request.Status, clock.Today());
        db.GuardRowVersion(meeting, m => m.MinutesStatus);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(DecisionResponse.From(meeting.Decisions.First(d => d.Id == decisionId), meeting, clock.Today()));
    }

    public static async Task<Results<Ok<PagedList<DecisionResponse>>, ValidationProblem>> Overdue(
        [AsParameters] OverdueQuery query, ClaimsPrincipal user, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var today = clock.Today();
        var meetings = await VisibleAsync(db.Meetings.AsNoTracking().IgnoreAutoIncludes(), user, db, today, ct);
        if (query.GroupId is { } groupId)
        {
            meetings = meetings.Where(m => m.GroupId == groupId);
        }

        if (query.Municipality is not null)
        {
            meetings = meetings.Where(m => m.Municipality == query.Municipality);
        }

        var overdue = db.Decisions.AsNoTracking().Where(d => d.Status == DecisionStatus.Open && d.DueOn < today)
            .Join(meetings, d => d.MeetingId, m => m.Id, (d, m) => new { Decision = d, Meeting = m });
        var total = await overdue.LongCountAsync(ct);
        var page = await overdue.OrderBy(x => x.Decision.DueOn).ThenBy(x => x.Decision.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<DecisionResponse>([.. page.Select(x => DecisionResponse.From(x.Decision, x.Meeting, today))], paging.Number, paging.Size, total));
    }

    /// <summary>The meetings the caller may read: all for the team; for an applicant, its groups' and (as a member) the Alliance's.</summary>
    private static async Task<IQueryable<Meeting>> VisibleAsync(IQueryable<Meeting> meetings, ClaimsPrincipal user, PartnershipsDbContext db, DateOnly today, CancellationToken ct)
    {
        if (user.ScopedOrganization() is not { } organizationId)
        {
            return meetings;
        }

        var groupIds = await db.GroupMembers.AsNoTracking()
            .Where(m => m.OrganizationId == organizationId && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today))
            .Select(m => m.GroupId).ToListAsync(ct);
        var inAlliance = await db.AllianceMembers.AsNoTracking()
            .AnyAsync(m => m.OrganizationId == organizationId && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today), ct);
        return meetings.Where(m => (m.GroupId != null && groupIds.Contains(m.GroupId.Value)) || (inAlliance && m.Body == MeetingBody.Alliance));
    }

    private static async Task<Results<Ok<MeetingResponse>, NotFound>> ChangeAsync(
        Guid id, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct, Func<Meeting, CancellationToken, Task> change)
    {
        if (await db.Meetings.AsSplitQuery().FirstOrDefaultAsync(m => m.Id == id, ct) is not { } meeting)
        {
            return TypedResults.NotFound();
        }

        await change(meeting, ct);
        db.GuardRowVersion(meeting, m => m.MinutesStatus);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MeetingResponse.From(meeting, clock.Today(), withPersonalData: true));
    }

    private static Task<Results<Ok<MeetingResponse>, NotFound>> ChangeAsync(
        Guid id, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct, Action<Meeting, CancellationToken> change) =>
        ChangeAsync(id, db, clock, ct, (meeting, token) =>
        {
            change(meeting, token);
            return Task.CompletedTask;
        });
}
