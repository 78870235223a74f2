using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Capacity.ActionPlans;
using Platform.Capacity.Data;

namespace Platform.Capacity.Api;

/// <summary>Action plans: improvement actions for the weak sub-areas of a validated assessment, followed to done or dropped.</summary>
public static class ActionPlansApi
{
    public static IEndpointRouteBuilder MapActionPlansApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/capacity/assessments/{id:guid}/actions", PlanAction).WithTags("Action plans").WithName("PlanAction")
            .WithSummary("Plan an improvement action for a sub-area scored 1 or 2").RequireAuthorization(CapacityAccess.Write);

        var api = app.MapGroup("/api/capacity/actions").WithTags("Action plans").RequireAuthorization(CapacityAccess.ReadAssessments);
        api.MapGet("/", ListActions).WithName("ListActions")
            .WithSummary("Action-plan items, paged, by organisation, assessment, municipality, status; overdue ones for the whole programme");
        api.MapGet("/{id:guid}", GetAction).WithName("GetAction").WithSummary("An action-plan item");
        api.MapPost("/{id:guid}/start", StartAction).WithName("StartAction").WithSummary("The action is under way").RequireAuthorization(CapacityAccess.Write);
        api.MapPost("/{id:guid}/complete", CompleteAction).WithName("CompleteAction").WithSummary("The action is done, with evidence")
            .RequireAuthorization(CapacityAccess.Write);
        api.MapPost("/{id:guid}/drop", DropAction).WithName("DropAction").WithSummary("The action is dropped, with a reason")
            .RequireAuthorization(CapacityAccess.Write);
        return app;
    }

    public static async Task<Results<Created<ActionResponse>, NotFound>> PlanAction(
        Guid id, ActionRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } assessment)
        {
            return TypedResults.NotFound();
        }

        var instrument = await db.Instruments.AsNoTracking().FirstAsync(i => i.Id == assessment.InstrumentId, ct);
        var action = ImprovementAction.Plan(assessment, instrument, request.SubArea, request.Description, request.Owner, request.DueOn, request.Support,
            clock.Today(), clock.GetUtcNow());
        db.ImprovementActions.Add(action);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/capacity/actions/{action.Id}", ActionResponse.From(action, clock.Today()));
    }

    public static async Task<Results<Ok<PagedList<ActionResponse>>, ValidationProblem>> ListActions(
        [AsParameters] ActionQuery query, ClaimsPrincipal user, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        var status = QueryFilter.Enum<ActionStatus>(query.Status, "status", errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var today = clock.Today();
        var actions = db.ImprovementActions.AsNoTracking();
        if (!user.ReadsProgrammeData() && user.ApplicantOrganization() is { } own)
        {
            actions = actions.Where(a => a.OrganizationId == own);
        }

        if (query.OrganizationId is { } organizationId)
        {
            actions = actions.Where(a => a.OrganizationId == organizationId);
        }

        if (query.AssessmentId is { } assessmentId)
        {
            actions = actions.Where(a => a.AssessmentId == assessmentId);
        }

        if (query.Municipality is not null)
        {
            actions = actions.Where(a => a.Municipality == query.Municipality);
        }

        if (status is not null)
        {
            actions = actions.Where(a => a.Status == status);
        }

        if (query.Overdue == true)
        {
            actions = actions.Where(a => (a.Status == ActionStatus.Planned || a.Status == ActionStatus.InProgress) && a.DueOn < today);
        }

        var total = await actions.LongCountAsync(ct);
        var page = await actions.OrderBy(a => a.DueOn).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<ActionResponse>([.. page.Select(a => ActionResponse.From(a, today))], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<ActionResponse>, NotFound>> GetAction(Guid id, ClaimsPrincipal user, CapacityDbContext db, TimeProvider clock, CancellationToken ct) =>
        await db.ImprovementActions.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is { } action && user.Sees(action.OrganizationId)
            ? TypedResults.Ok(ActionResponse.From(action, clock.Today()))
            : TypedResults.NotFound();

    public static Task<Results<Ok<ActionResponse>, NotFound>> StartAction(Guid id, CapacityDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, a => a.Start(clock.GetUtcNow()), ct);

    public static Task<Results<Ok<ActionResponse>, NotFound>> CompleteAction(
        Guid id, CompleteActionRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, a => a.Complete(request.Evidence, clock.Today(), clock.GetUtcNow()), ct);

    public static Task<Results<Ok<ActionResponse>, NotFound>> DropAction(
        Guid id, DropActionRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, clock, a => a.Drop(request.Reason, clock.GetUtcNow()), ct);

    private static async Task<Results<Ok<ActionResponse>, NotFound>> ChangeAsync(
        Guid id, CapacityDbContext db, TimeProvider clock, Action<ImprovementAction> change, CancellationToken ct)
    {
        if (await db.ImprovementActions.FirstOrDefaultAsync(a => a.Id == id, ct) is not { } action)
        {
            return TypedResults.NotFound();
        }

        change(action);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ActionResponse.From(action, clock.Today()));
    }
}
