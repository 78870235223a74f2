using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Partnerships.Alliance;
using Platform.Partnerships.Data;

namespace Platform.Partnerships.Api;

/// <summary>The Regional Social Services Alliance's members from both regions, with the days they joined and left.</summary>
public static class AllianceApi
{
    public static RouteGroupBuilder MapAllianceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partnerships/alliance").WithTags("Alliance").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        var write = PartnershipsAccess.Manage;

        api.MapPost("/members", Join).WithName("JoinAlliance").WithSummary("An organisation joins the Alliance").RequireAuthorization(write);
        api.MapGet("/members", ListMembers).WithName("ListAllianceMembers").WithSummary("Memberships, paged, by region, municipality and the day they were current");
        api.MapPost("/members/{id:guid}/leave", Leave).WithName("LeaveAlliance").WithSummary("An organisation leaves the Alliance").RequireAuthorization(write);
        return api;
    }

    public static async Task<Results<Created<AllianceMemberResponse>, ValidationProblem>> Join(
        JoinAllianceRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var organization = request.OrganizationId is { } organizationId ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct) : null;
        var memberships = organization is null ? [] : await db.AllianceMembers.AsNoTracking().Where(m => m.OrganizationId == organization.Id).ToListAsync(ct);
        var member = AllianceMember.Join(organization, request.JoinedOn, memberships, clock.Today(), clock.GetUtcNow());
        db.AllianceMembers.Add(member);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/alliance/members/{member.Id}", AllianceMemberResponse.From(member, clock.Today()));
    }

    public static async Task<Results<Ok<PagedList<AllianceMemberResponse>>, ValidationProblem>> ListMembers(
        [AsParameters] AllianceMemberQuery query, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (query.Region is not null and not ("KK" or "SJ"))
        {
            errors.Add("region", "Use KK or SJ.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var members = db.AllianceMembers.AsNoTracking();
        if (query.Region is not null)
        {
            members = members.Where(m => m.Region == query.Region);
        }

        if (query.Municipality is not null)
        {
            members = members.Where(m => m.Municipality == query.Municipality);
        }

        if (query.On is { } on)
        {
            members = members.Where(m => m.JoinedOn <= on && (m.LeftOn == null || m.LeftOn > on));
        }

        var total = await members.LongCountAsync(ct);
        var page = await members.OrderBy(m => m.JoinedOn).ThenBy(m => m.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<AllianceMemberResponse>([.. page.Select(m => AllianceMemberResponse.From(m, clock.Today()))], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<AllianceMemberResponse>, NotFound>> Leave(
        Guid id, LeaveAllianceRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.AllianceMembers.FirstOrDefaultAsync(m => m.Id == id, ct) is not { } member)
        {
            return TypedResults.NotFound();
        }

        member.Leave(request.LeftOn, clock.Today());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AllianceMemberResponse.From(member, clock.Today()));
    }
}

public sealed record JoinAllianceRequest(Guid? OrganizationId, DateOnly? JoinedOn);

public sealed record LeaveAllianceRequest(DateOnly? LeftOn);

public sealed record AllianceMemberQuery(string? Region, string? Municipality, DateOnly? On, int? Page, int? PageSize);

public sealed record AllianceMemberResponse(Guid Id, Guid OrganizationId, string OrganizationType, string Municipality, string Region,
    DateOnly JoinedOn, DateOnly? LeftOn, bool Current)
{
    public static AllianceMemberResponse From(AllianceMember m, DateOnly today) =>
        new(m.Id, m.OrganizationId, m.OrganizationType.ToString(), m.Municipality, m.Region, m.JoinedOn, m.LeftOn, m.IsMemberOn(today));
}
