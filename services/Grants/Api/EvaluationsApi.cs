using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Grants.Data;
using Platform.Grants.Evaluation;
using Platform.ServiceDefaults.Security;

namespace Platform.Grants.Api;

/// <summary>An evaluator's own assignments: declare on conflicts of interest, then score. Someone else's assignment is a 404.</summary>
public static class EvaluationsApi
{
    public static RouteGroupBuilder MapEvaluationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/grants/evaluations").WithTags("Evaluations").RequireAuthorization(GrantsAccess.Evaluate);

        api.MapGet("/", ListAssignments).WithName("ListAssignments").WithSummary("The caller's assignments, paged, by call");
        api.MapGet("/{id:guid}", GetAssignment).WithName("GetAssignment").WithSummary("One of the caller's assignments");
        api.MapPost("/{id:guid}/declaration", Declare).WithName("DeclareConflictOfInterest")
            .WithSummary("Declare whether the caller has a conflict of interest with the application");
        api.MapPut("/{id:guid}/scores", Score).WithName("ScoreApplication").WithSummary("Score every criterion of the call, each with a comment");
        return api;
    }

    public static async Task<Results<Ok<PagedList<AssignmentResponse>>, ValidationProblem>> ListAssignments(
        [AsParameters] AssignmentQuery query, ClaimsPrincipal user, GrantsDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var evaluator = user.Subject();
        var assignments = db.EvaluatorAssignments.AsNoTracking().Where(a => a.Evaluator == evaluator);
        if (query.CallId is { } callId)
        {
            assignments = assignments.Where(a => a.CallId == callId);
        }

        var total = await assignments.LongCountAsync(ct);
        var page = await assignments.OrderBy(a => a.AssignedAt).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<AssignmentResponse>(page.Select(AssignmentResponse.From).ToList(), paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<AssignmentResponse>, NotFound>> GetAssignment(Guid id, ClaimsPrincipal user, GrantsDbContext db, CancellationToken ct) =>
        await OwnAsync(id, user, db, ct) is { } assignment ? TypedResults.Ok(AssignmentResponse.From(assignment)) : TypedResults.NotFound();

    public static async Task<Results<Ok<AssignmentResponse>, NotFound, ValidationProblem>> Declare(
        Guid id, DeclarationRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await OwnAsync(id, user, db, ct) is not { } assignment)
        {
            return TypedResults.NotFound();
        }

        if (request.ConflictOfInterest is not { } conflict)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["conflictOfInterest"] = ["Required: true or false."] });
        }

        assignment.Declare(conflict, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AssignmentResponse.From(assignment));
    }

    /// <summary>
    /// Holds the call's row shared while the score is saved: scores of many evaluators go in at once, but none
    /// while the evaluation is being completed, and none after (the call is then no longer closed).
    /// </summary>
    public static Task<Results<Ok<AssignmentResponse>, NotFound>> Score(
        Guid id, ScoresRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct) =>
        db.InTransactionAsync<Results<Ok<AssignmentResponse>, NotFound>>(async ct =>
        {
            if (await OwnAsync(id, user, db, ct) is not { } assignment)
            {
                return TypedResults.NotFound();
            }

            var call = (await db.Calls.LockForShareAsync(assignment.CallId, ct))!;
            assignment.Score(call, request.Scores, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(AssignmentResponse.From(assignment));
        }, ct);

    private static async Task<EvaluatorAssignment?> OwnAsync(Guid id, ClaimsPrincipal user, GrantsDbContext db, CancellationToken ct)
    {
        var evaluator = user.Subject();
        return await db.EvaluatorAssignments.FirstOrDefaultAsync(a => a.Id == id && a.Evaluator == evaluator, ct);
    }
}
