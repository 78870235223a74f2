using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Partnerships.Data;
using Platform.Partnerships.Meetings;
using Platform.Partnerships.SocialServices;

namespace Platform.Partnerships.Api;

/// <summary>Co-created social services: need, co-design workshops, concept, pilot, and the municipality's decision to fund them.</summary>
public static class SocialServicesApi
{
    public static RouteGroupBuilder MapSocialServicesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partnerships/social-services").WithTags("Social services").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        var write = PartnershipsAccess.Manage;

        api.MapPost("/", Propose).WithName("ProposeSocialService").WithSummary("A service idea from a recommendation or a group's decision").RequireAuthorization(write);
        api.MapGet("/", ListServices).WithName("ListSocialServices").WithSummary("Services, paged, by municipality and status");
        api.MapGet("/{id:guid}", GetService).WithName("GetSocialService").WithSummary("A service by id");
        api.MapPost("/{id:guid}/workshops", AddWorkshop).WithName("AddCoDesignWorkshop").WithSummary("A held meeting was a co-design workshop").RequireAuthorization(write);
        api.MapPost("/{id:guid}/design", Design).WithName("DesignSocialService").WithSummary("The concept and target group").RequireAuthorization(write);
        api.MapPost("/{id:guid}/pilot", Pilot).WithName("RecordSocialServicePilot").WithSummary("The pilot and the people it served").RequireAuthorization(write);
        api.MapPost("/{id:guid}/institutionalise", Institutionalise).WithName("InstitutionaliseSocialService")
            .WithSummary("The municipality funds it from its budget; publishes SocialServiceLaunched").RequireAuthorization(write);
        api.MapPost("/{id:guid}/stop", Stop).WithName("StopSocialService").WithSummary("Stopped, with a reason").RequireAuthorization(write);
        return api;
    }

    public static async Task<Results<Created<SocialServiceResponse>, ValidationProblem>> Propose(
        SocialServiceRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var municipality = request.Municipality;
        var recommendationFound = request.RecommendationId is { } recommendationId
            && await db.Recommendations.AsNoTracking().IgnoreAutoIncludes().AnyAsync(r => r.Id == recommendationId && r.Municipalities.Contains(municipality!), ct);
        var decisionFound = request.DecisionId is { } decisionId
            && await db.Decisions.AsNoTracking().Join(db.Meetings.IgnoreAutoIncludes(), d => d.MeetingId, m => m.Id, (d, m) => new { d.Id, m.Municipality, m.Body })
                .AnyAsync(x => x.Id == decisionId && x.Body == MeetingBody.Group && x.Municipality == municipality, ct);
        var service = SocialService.Propose(request.Name, municipality, request.Need, request.RecommendationId, recommendationFound,
            request.DecisionId, decisionFound, clock.GetUtcNow());
        db.SocialServices.Add(service);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/social-services/{service.Id}", SocialServiceResponse.From(service));
    }

    public static async Task<Results<Ok<PagedList<SocialServiceResponse>>, ValidationProblem>> ListServices(
        [AsParameters] SocialServiceQuery query, ClaimsPrincipal user, PartnershipsDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        QueryFilter.Municipality(query.Municipality, errors);
        var status = QueryFilter.Enum<SocialServiceStatus>(query.Status, "status", errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var services = Visible(db.SocialServices.AsNoTracking(), user);
        if (status is not null)
        {
            services = services.Where(s => s.Status == status);
        }

        if (query.Municipality is not null)
        {
            services = services.Where(s => s.Municipality == query.Municipality);
        }

        var total = await services.LongCountAsync(ct);
        var page = await services.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<SocialServiceResponse>([.. page.Select(SocialServiceResponse.From)], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<SocialServiceResponse>, NotFound>> GetService(Guid id, ClaimsPrincipal user, PartnershipsDbContext db, CancellationToken ct) =>
        await Visible(db.SocialServices.AsNoTracking(), user).FirstOrDefaultAsync(s => s.Id == id, ct) is { } service
            ? TypedResults.Ok(SocialServiceResponse.From(service))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<SocialServiceResponse>, NotFound>> AddWorkshop(
        Guid id, WorkshopRequest request, PartnershipsDbContext db, CancellationToken ct)
    {
        var held = request.MeetingId is { } meetingId
            && await db.Meetings.AsNoTracking().IgnoreAutoIncludes().AnyAsync(m => m.Id == meetingId && m.HeldOn != null, ct);
        return await ChangeAsync(id, db, ct, s => s.AddWorkshop(request.MeetingId ?? Guid.Empty, held));
    }

    public static Task<Results<Ok<SocialServiceResponse>, NotFound>> Design(Guid id, DesignRequest request, PartnershipsDbContext db, CancellationToken ct) =>
        ChangeAsync(id, db, ct, s => s.Design(request.Concept, request.TargetGroup));

    public static Task<Results<Ok<SocialServiceResponse>, NotFound>> Pilot(
        Guid id, ServicePilotRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, ct, s => s.RecordPilot(request.StartsOn, request.EndsOn, request.PeopleServedByGender, request.PeopleServedByAgeGroup, clock.Today()));

    public static Task<Results<Ok<SocialServiceResponse>, NotFound>> Institutionalise(
        Guid id, FundingDecisionRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, ct, s => db.AddIntegrationEvent(
            s.Institutionalise(request.Amount, request.Currency, request.BudgetYear, request.DecisionReference, request.DecidedOn, clock.Today(), clock.GetUtcNow()), clock));

    public static Task<Results<Ok<SocialServiceResponse>, NotFound>> Stop(Guid id, StopRequest request, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, ct, s => s.Stop(request.Reason, clock.Today()));

    /// <summary>The monitor reads institutionalised services only (they are public); teams read all.</summary>
    private static IQueryable<SocialService> Visible(IQueryable<SocialService> services, ClaimsPrincipal user) =>
        user.ReadsOnlyPublic() ? services.Where(s => s.Status == SocialServiceStatus.Institutionalised) : services;

    private static async Task<Results<Ok<SocialServiceResponse>, NotFound>> ChangeAsync(Guid id, PartnershipsDbContext db, CancellationToken ct, Action<SocialService> change)
    {
        if (await db.SocialServices.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } service)
        {
            return TypedResults.NotFound();
        }

        change(service);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SocialServiceResponse.From(service));
    }
}

public sealed record SocialServiceRequest(Dictionary<string, string?>? Name, string? Municipality, string? Need, Guid? RecommendationId, Guid? DecisionId);

public sealed record WorkshopRequest(Guid? MeetingId);

public sealed record DesignRequest(string? Concept, string? TargetGroup);

public sealed record ServicePilotRequest(DateOnly? StartsOn, DateOnly? EndsOn, Dictionary<string, int>? PeopleServedByGender, Dictionary<string, int>? PeopleServedByAgeGroup);

public sealed record FundingDecisionRequest(decimal? Amount, string? Currency, int? BudgetYear, string? DecisionReference, DateOnly? DecidedOn);

public sealed record StopRequest(string? Reason);

public sealed record SocialServiceQuery(string? Status, string? Municipality, int? Page, int? PageSize);

public sealed record SocialServiceResponse(
    Guid Id, IReadOnlyDictionary<string, string> Name, string Municipality, string Need, Guid? RecommendationId, Guid? DecisionId,
    IReadOnlyList<Guid> WorkshopMeetingIds, string? Concept, string? TargetGroup, SocialServiceStatus Status,
    DateOnly? PilotStartsOn, DateOnly? PilotEndsOn, int? PeopleServed, IReadOnlyDictionary<string, int>? PeopleServedByGender,
    IReadOnlyDictionary<string, int>? PeopleServedByAgeGroup, SocialServiceResponse.Funding? MunicipalFunding, string? StoppedReason, DateOnly? StoppedOn)
{
    public sealed record Funding(decimal Amount, string Currency, int BudgetYear, string DecisionReference, DateOnly DecidedOn);

    public static SocialServiceResponse From(SocialService s) =>
        new(s.Id, s.Name.Values, s.Municipality, s.Need, s.RecommendationId, s.DecisionId, s.WorkshopMeetingIds, s.Concept, s.TargetGroup, s.Status,
            s.PilotStartsOn, s.PilotEndsOn, s.PeopleServed, s.PeopleServedByGender, s.PeopleServedByAgeGroup,
            s.FundingAmount is { } amount ? new Funding(amount, s.FundingCurrency!, s.BudgetYear!.Value, s.DecisionReference!, s.DecidedOn!.Value) : null,
            s.StoppedReason, s.StoppedOn);
}
