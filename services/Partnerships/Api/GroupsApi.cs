using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Partnerships.Data;
using Platform.Partnerships.Groups;

namespace Platform.Partnerships.Api;

/// <summary>Municipal partnership groups: forming them from registered organisations, members and representatives, activation, closing.</summary>
public static class GroupsApi
{
    public static RouteGroupBuilder MapGroupsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partnerships/groups").WithTags("Groups").RequireAuthorization(PartnershipsAccess.ReadGroups);
        var write = PartnershipsAccess.Manage;

        api.MapPost("/", FormGroup).WithName("FormGroup").WithSummary("Form a municipality's partnership group; publishes PartnershipGroupFormed").RequireAuthorization(write);
        api.MapGet("/", ListGroups).WithName("ListGroups").WithSummary("Groups, paged, by municipality and stage (Formed, Active, Dormant, Closed)");
        api.MapGet("/{id:guid}", GetGroup).WithName("GetGroup").WithSummary("A group by id, with its members");
        api.MapPut("/{id:guid}/terms-of-reference", SetTermsOfReference).WithName("SetTermsOfReference").WithSummary("The group's terms of reference").RequireAuthorization(write);
        api.MapPost("/{id:guid}/activate", Activate).WithName("ActivateGroup").WithSummary("The group starts its work (terms of reference and a chair needed)").RequireAuthorization(write);
        api.MapPost("/{id:guid}/members", AddMember).WithName("AddGroupMember").WithSummary("An organisation joins the group").RequireAuthorization(write);
        api.MapPost("/{id:guid}/members/{memberId:guid}/leave", MemberLeaves).WithName("GroupMemberLeaves").WithSummary("An organisation leaves the group").RequireAuthorization(write);
        api.MapPut("/{id:guid}/members/{memberId:guid}/role", ChangeRole).WithName("ChangeGroupMemberRole").WithSummary("Chair, secretary or member").RequireAuthorization(write);
        api.MapPost("/{id:guid}/members/{memberId:guid}/representatives", AddRepresentative).WithName("AddRepresentative")
            .WithSummary("A person who represents a member organisation (personal data)").RequireAuthorization(write);
        api.MapGet("/{id:guid}/representatives/{representativeId:guid}", GetRepresentative).WithName("GetRepresentative")
            .WithSummary("Subject access: everything held about a representative").RequireAuthorization(PartnershipsAccess.PersonalData);
        api.MapDelete("/{id:guid}/representatives/{representativeId:guid}", EraseRepresentative).WithName("EraseRepresentative")
            .WithSummary("Erase a representative's personal data; attendance counts stay").RequireAuthorization(write);
        api.MapPost("/{id:guid}/close", Close).WithName("CloseGroup").WithSummary("Close the group; publishes PartnershipGroupClosed").RequireAuthorization(write);
        return api;
    }

    public static async Task<Results<Created<GroupResponse>, ValidationProblem>> FormGroup(
        FormGroupRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var ids = (request.Members ?? []).Select(m => m?.OrganizationId).OfType<Guid>().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, ct);
        var members = request.Members?.Select(m => new PartnershipGroup.NewMember(
            m?.OrganizationId is { } id ? organizations.GetValueOrDefault(id) : null, m?.Role, m?.JoinedOn)).ToList();
        var (group, formed) = PartnershipGroup.Form(request.Municipality, request.Name, request.TermsOfReference, request.FormedOn, members, clock.Today(), clock.GetUtcNow());
        if (await db.Groups.AnyAsync(g => g.Municipality == group.Municipality && g.Status != GroupStatus.Closed, ct))
        {
            throw new RuleViolationException("group-exists", $"{group.Municipality} already has a partnership group; close it before forming another.");
        }

        db.Groups.Add(group);
        db.AddIntegrationEvent(formed, clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/groups/{group.Id}", GroupResponse.From(group, clock.Today(), withPersonalData: true));
    }

    public static async Task<Results<Ok<PagedList<GroupResponse>>, ValidationProblem>> ListGroups(
        [AsParameters] GroupQuery query, ClaimsPrincipal user, PartnershipsDbContext db, PersonalDataAccess personalData, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        QueryFilter.Municipality(query.Municipality, errors);
        var stage = QueryFilter.Enum<GroupStage>(query.Stage, "stage", errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var today = clock.Today();
        var groups = db.Groups.AsNoTracking();
        if (query.Municipality is not null)
        {
            groups = groups.Where(g => g.Municipality == query.Municipality);
        }

        if (user.ScopedOrganization() is { } organizationId)
        {
            groups = groups.Where(g => g.Members.Any(m => m.OrganizationId == organizationId && m.JoinedOn <= today && (m.LeftOn == null || m.LeftOn > today)));
        }

        // The dormant stage is computed from the last meeting: translated to the same rule in SQL.
        var cutoff = PartnershipGroup.DormantCutoff(today);
        groups = stage switch
        {
            GroupStage.Formed => groups.Where(g => g.Status == GroupStatus.Formed),
            GroupStage.Closed => groups.Where(g => g.Status == GroupStatus.Closed),
            GroupStage.Active => groups.Where(g => g.Status == GroupStatus.Active && (g.ActivatedOn >= cutoff || g.LastMetOn >= cutoff)),
            GroupStage.Dormant => groups.Where(g => g.Status == GroupStatus.Active && g.ActivatedOn < cutoff && (g.LastMetOn == null || g.LastMetOn < cutoff)),
            _ => groups,
        };

        var total = await groups.LongCountAsync(ct);
        var page = await groups.OrderBy(g => g.Municipality).ThenBy(g => g.FormedOn).ThenBy(g => g.Id).Skip(paging.Skip).Take(paging.Size).AsSplitQuery().ToListAsync(ct);
        var withPersonalData = await personalData.AllowedAsync();
        return TypedResults.Ok(new PagedList<GroupResponse>([.. page.Select(g => GroupResponse.From(g, today, withPersonalData))], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<GroupResponse>, NotFound>> GetGroup(
        Guid id, ClaimsPrincipal user, PartnershipsDbContext db, PersonalDataAccess personalData, TimeProvider clock, CancellationToken ct) =>
        await db.Groups.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(g => g.Id == id, ct) is { } group && user.CanRead(group, clock.Today())
            ? TypedResults.Ok(GroupResponse.From(group, clock.Today(), await personalData.AllowedAsync()))
            : TypedResults.NotFound();

    public static Task<Results<Ok<GroupResponse>, NotFound>> SetTermsOfReference(
        Guid id, TermsOfReferenceRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, group => group.SetTermsOfReference(request.TermsOfReference));

    public static Task<Results<Ok<GroupResponse>, NotFound>> Activate(
        Guid id, ActivateGroupRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, group => group.Activate(request.ActivatedOn, clock.Today()));

    public static async Task<Results<Ok<GroupResponse>, NotFound>> AddMember(
        Guid id, GroupMemberRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var organization = request.OrganizationId is { } organizationId
            ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct)
            : null;
        return await ChangeAsync(id, db, clock, ct, group => group.AddMember(organization, request.Role, request.JoinedOn, clock.Today(), clock.GetUtcNow()));
    }

    public static Task<Results<Ok<GroupResponse>, NotFound>> MemberLeaves(
        Guid id, Guid memberId, MemberLeavesRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, group => group.MemberLeaves(memberId, request.LeftOn, clock.Today()), memberId);

    public static Task<Results<Ok<GroupResponse>, NotFound>> ChangeRole(
        Guid id, Guid memberId, MemberRoleRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, ct, group => group.ChangeRole(memberId, request.Role), memberId);

    public static async Task<Results<Created<GroupResponse.Person>, NotFound>> AddRepresentative(
        Guid id, Guid memberId, RepresentativeRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Groups.AsSplitQuery().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } group || group.Members.All(m => m.Id != memberId))
        {
            return TypedResults.NotFound();
        }

        var representative = group.AddRepresentative(memberId, request.Name, request.Gender, request.Contact, clock.GetUtcNow());
        db.GuardRowVersion(group, g => g.Status);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/groups/{id}",
            new GroupResponse.Person(representative.Id, representative.Name, representative.Gender, representative.Contact, Erased: false));
    }

    public static async Task<Results<Ok<RepresentativeDataResponse>, NotFound>> GetRepresentative(
        Guid id, Guid representativeId, PartnershipsDbContext db, CancellationToken ct)
    {
        if (await db.Groups.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } group
            || group.Members.FirstOrDefault(m => m.Representatives.Any(r => r.Id == representativeId)) is not { } member)
        {
            return TypedResults.NotFound();
        }

        var r = member.Representatives.First(x => x.Id == representativeId);
        var meetings = await db.Meetings.AsNoTracking().IgnoreAutoIncludes()
            .Where(m => m.Attendance.Any(a => a.RepresentativeId == representativeId)).OrderBy(m => m.Date).Select(m => m.Id).ToListAsync(ct);
        return TypedResults.Ok(new RepresentativeDataResponse(r.Id, group.Id, member.OrganizationId, member.Role, r.Name, r.Gender, r.Contact, r.AddedAt, r.ErasedAt, meetings));
    }

    public static async Task<Results<NoContent, NotFound>> EraseRepresentative(
        Guid id, Guid representativeId, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Groups.AsSplitQuery().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } group
            || group.Members.SelectMany(m => m.Representatives).FirstOrDefault(r => r.Id == representativeId) is not { } representative)
        {
            return TypedResults.NotFound();
        }

        representative.Erase(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<GroupResponse>, NotFound>> Close(
        Guid id, CloseGroupRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Groups.AsSplitQuery().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } group)
        {
            return TypedResults.NotFound();
        }

        db.AddIntegrationEvent(group.Close(request.ClosedOn, request.Reason, clock.Today(), clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(GroupResponse.From(group, clock.Today(), withPersonalData: true));
    }

    private static async Task<Results<Ok<GroupResponse>, NotFound>> ChangeAsync(
        Guid id, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct, Action<PartnershipGroup> change, Guid? memberId = null)
    {
        if (await db.Groups.AsSplitQuery().FirstOrDefaultAsync(g => g.Id == id, ct) is not { } group
            || (memberId is { } m && group.Members.All(x => x.Id != m)))
        {
            return TypedResults.NotFound();
        }

        change(group);
        db.GuardRowVersion(group, g => g.Status);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(GroupResponse.From(group, clock.Today(), withPersonalData: true));
    }
}
