using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.ReferenceData;
using Platform.Grants.Applications;
using Platform.Grants.Awards;
using Platform.Grants.Calls;
using Platform.Grants.Data;
using Platform.Grants.Evaluation;
using Platform.Grants.Funding;

namespace Platform.Grants.Api;

/// <summary>Calls for proposals: drafted, opened, closed, evaluated, awarded from the ranking, archived.</summary>
public static class CallsApi
{
    public static RouteGroupBuilder MapCallsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/grants/calls").WithTags("Calls").RequireAuthorization(GrantsAccess.ReadCalls);

        api.MapPost("/", DraftCall).WithName("DraftCall").WithSummary("Draft a call for proposals").RequireAuthorization(GrantsAccess.Manage);
        api.MapGet("/", ListCalls).WithName("ListCalls").WithSummary("Calls, paged, by status, municipality and target group");
        api.MapGet("/{id:guid}", GetCall).WithName("GetCall").WithSummary("A call by id");
        api.MapPut("/{id:guid}", UpdateCall).WithName("UpdateCall").WithSummary("Rewrite a draft call").RequireAuthorization(GrantsAccess.Manage);
        api.MapPost("/{id:guid}/open", OpenCall).WithName("OpenCall").WithSummary("Open a draft call for submissions").RequireAuthorization(GrantsAccess.Manage);
        api.MapPost("/{id:guid}/close", CloseCall).WithName("CloseCall").WithSummary("Close a call for submissions").RequireAuthorization(GrantsAccess.Manage);
        api.MapPost("/{id:guid}/archive", ArchiveCall).WithName("ArchiveCall").WithSummary("Archive a draft or awarded call").RequireAuthorization(GrantsAccess.Manage);
        api.MapPost("/{id:guid}/evaluators", AssignEvaluators).WithName("AssignEvaluators").WithSummary("Assign evaluators to a closed call's eligible applications")
            .RequireAuthorization(GrantsAccess.Manage);
        api.MapPost("/{id:guid}/evaluation/complete", CompleteEvaluation).WithName("CompleteEvaluation")
            .WithSummary("End the evaluation once every eligible application has its scores").RequireAuthorization(GrantsAccess.Manage);
        api.MapGet("/{id:guid}/ranking", GetRanking).WithName("GetRanking").WithSummary("The call's eligible applications by average weighted score")
            .RequireAuthorization(GrantsAccess.Manage);
        api.MapPost("/{id:guid}/awards", AwardOne).WithName("AwardApplication").WithSummary("Award one application from the envelope")
            .RequireAuthorization(GrantsAccess.Manage);
        api.MapPost("/{id:guid}/awards/from-ranking", AwardFromRanking).WithName("AwardFromRanking")
            .WithSummary("Award the ranking top down within the envelope; the rest wait or are rejected").RequireAuthorization(GrantsAccess.Manage);
        api.MapGet("/{id:guid}/awards", ListAwards).WithName("ListAwards").WithSummary("The call's awards");
        return api;
    }

    public static async Task<Results<Created<CallResponse>, ValidationProblem>> DraftCall(CallRequest request, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.ToDetails(errors) is not { } details)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var call = Call.Draft(details, clock.GetUtcNow());
        db.Calls.Add(call);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/grants/calls/{call.Id}", CallResponse.From(call));
    }

    public static async Task<Results<Ok<PagedList<CallResponse>>, ValidationProblem>> ListCalls(
        [AsParameters] CallQuery query, ClaimsPrincipal user, GrantsDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        var status = QueryFilter.Enum<CallStatus>(query.Status, "status", errors);
        var targetGroup = QueryFilter.Enum<TargetGroup>(query.TargetGroup, "targetGroup", errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var calls = db.Calls.AsNoTracking();
        if (!user.ReadsAllCalls())
        {
            calls = calls.Where(c => c.Status != CallStatus.Draft);
        }

        if (status is not null)
        {
            calls = calls.Where(c => c.Status == status);
        }

        if (targetGroup is not null)
        {
            calls = calls.Where(c => c.TargetGroup == targetGroup);
        }

        if (query.Municipality is not null)
        {
            calls = calls.Where(c => c.EligibleMunicipalities.Contains(query.Municipality));
        }

        var total = await calls.LongCountAsync(ct);
        var page = await calls.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<CallResponse>(page.Select(CallResponse.From).ToList(), paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<CallResponse>, NotFound>> GetCall(Guid id, ClaimsPrincipal user, GrantsDbContext db, CancellationToken ct) =>
        await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } call && (call.Status != CallStatus.Draft || user.ReadsAllCalls())
            ? TypedResults.Ok(CallResponse.From(call))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<CallResponse>, NotFound, ValidationProblem>> UpdateCall(
        Guid id, CallRequest request, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var details = request.ToDetails(errors);
        if (await db.Calls.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } call)
        {
            return TypedResults.NotFound();
        }

        if (details is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        call.Update(details, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CallResponse.From(call));
    }

    public static Task<Results<Ok<CallResponse>, NotFound>> OpenCall(Guid id, GrantsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, ct, call => db.AddIntegrationEvent(call.Open(clock.GetUtcNow()), clock));

    public static Task<Results<Ok<CallResponse>, NotFound>> CloseCall(Guid id, GrantsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, ct, call => call.Close(clock.GetUtcNow()));

    public static Task<Results<Ok<CallResponse>, NotFound>> ArchiveCall(Guid id, GrantsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, ct, call => call.Archive(clock.GetUtcNow()));

    public static async Task<Results<Ok<IReadOnlyList<AssignmentResponse>>, NotFound, ValidationProblem>> AssignEvaluators(
        Guid id, AssignEvaluatorsRequest request, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Calls.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } call)
        {
            return TypedResults.NotFound();
        }

        var errors = new ValidationErrors();
        if (request.Evaluators is null || request.Evaluators.Count == 0)
        {
            errors.Add("evaluators", "Name at least one evaluator by the subject of their token.");
        }
        else
        {
            for (var i = 0; i < request.Evaluators.Count; i++)
            {
                errors.Required(request.Evaluators[i], $"evaluators[{i}]", 200);
            }
        }

        var candidates = await db.Applications.Where(a => a.CallId == id && a.Eligible == true && a.Status == ApplicationStatus.Submitted).ToListAsync(ct);
        var chosen = candidates;
        if (request.ApplicationIds is { Count: > 0 } ids)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                if (candidates.All(a => a.Id != ids[i]))
                {
                    errors.Add($"applicationIds[{i}]", "Not an eligible submitted application of this call.");
                }
            }

            chosen = candidates.Where(a => ids.Contains(a.Id)).ToList();
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (call.Status != CallStatus.Closed)
        {
            throw new RuleViolationException("call-not-closed", $"The call is {call.Status}; evaluators are assigned once submissions are closed.");
        }

        var now = clock.GetUtcNow();
        var evaluators = request.Evaluators!.Select(e => e!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var applicationIds = chosen.Select(a => a.Id).ToList();
        var existing = await db.EvaluatorAssignments.Where(a => applicationIds.Contains(a.ApplicationId) && evaluators.Contains(a.Evaluator)).ToListAsync(ct);
        foreach (var application in chosen)
        {
            foreach (var evaluator in evaluators.Where(e => !existing.Any(a => a.ApplicationId == application.Id && a.Evaluator == e)))
            {
                db.EvaluatorAssignments.Add(EvaluatorAssignment.Assign(id, application.Id, evaluator, now));
            }
        }

        await db.SaveChangesAsync(ct);
        var assignments = await db.EvaluatorAssignments.AsNoTracking().Where(a => a.CallId == id).OrderBy(a => a.AssignedAt).ThenBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<AssignmentResponse>>(assignments.Select(AssignmentResponse.From).ToList());
    }

    /// <summary>
    /// Under the call's row lock, which every score holds shared (<see cref="EvaluationsApi.Score"/>): the scores
    /// counted are all there are, and none lands after the evaluation is complete.
    /// </summary>
    public static Task<Results<Ok<CallResponse>, NotFound>> CompleteEvaluation(Guid id, GrantsDbContext db, TimeProvider clock, CancellationToken ct) =>
        db.InTransactionAsync<Results<Ok<CallResponse>, NotFound>>(async ct =>
        {
            if (await db.Calls.LockForUpdateAsync(id, ct) is not { } call)
            {
                return TypedResults.NotFound();
            }

            var (applications, assignments) = await CompetitionAsync(db, id, ct);
            call.CompleteEvaluation(Ranking.Unscored(applications, assignments, call.RequiredScores), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(CallResponse.From(call));
        }, ct);

    public static async Task<Results<Ok<IReadOnlyList<RankedApplication>>, NotFound>> GetRanking(Guid id, GrantsDbContext db, CancellationToken ct)
    {
        if (!await db.Calls.AnyAsync(c => c.Id == id, ct))
        {
            return TypedResults.NotFound();
        }

        var (applications, assignments) = await CompetitionAsync(db, id, ct);
        return TypedResults.Ok(Ranking.Of(applications, assignments));
    }

    /// <summary>
    /// One award, inside a transaction that holds the call's row (<c>SELECT ... FOR UPDATE</c>): concurrent awards
    /// queue on the row, each sees the remainder the one before left, and the one that does not fit is refused.
    /// </summary>
    public static async Task<Results<Created<AwardResponse>, NotFound, ValidationProblem>> AwardOne(
        Guid id, AwardRequest request, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        return await db.InTransactionAsync<Results<Created<AwardResponse>, NotFound, ValidationProblem>>(async ct =>
        {
            if (await db.Calls.LockForUpdateAsync(id, ct) is not { } call)
            {
                return TypedResults.NotFound();
            }

            var errors = new ValidationErrors();
            if (request.ApplicationId is null)
            {
                errors.Add("applicationId", "This field is required.");
            }

            if (request.Amount is not null)
            {
                Money.ValidatePositive(request.Amount, "amount", errors);
                Money.ValidateCurrency(request.Currency, call.Currency, "currency", errors);
            }
            else if (request.Currency is not null)
            {
                Money.ValidateCurrency(request.Currency, call.Currency, "currency", errors);
            }

            var application = request.ApplicationId is { } applicationId
                ? await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.CallId == id, ct)
                : null;
            if (request.ApplicationId is not null && application is null)
            {
                errors.Add("applicationId", "No such application in this call.");
            }

            if (errors.Any)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary());
            }

            var amount = request.Amount ?? application!.RequestedAmount;
            var award = Grant(db, call, application!, amount, clock);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/grants/calls/{id}/awards", AwardResponse.From(award));
        }, ct);
    }

    /// <summary>Awards the ranking top down under the call's row lock; then the ineligible are rejected with their reasons.</summary>
    public static async Task<Results<Ok<AwardingResult>, NotFound>> AwardFromRanking(Guid id, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        return await db.InTransactionAsync<Results<Ok<AwardingResult>, NotFound>>(async ct =>
        {
            if (await db.Calls.LockForUpdateAsync(id, ct) is not { } call)
            {
                return TypedResults.NotFound();
            }

            if (call.Status != CallStatus.Evaluated)
            {
                throw new RuleViolationException("call-not-evaluated", $"The call is {call.Status}; a ranking is awarded once, after the evaluation is complete.");
            }

            var now = clock.GetUtcNow();
            var applications = await db.Applications.Where(a => a.CallId == id).ToListAsync(ct);
            var assignments = await db.EvaluatorAssignments.AsNoTracking().Where(a => a.CallId == id).ToListAsync(ct);
            var awarded = new List<AwardResponse>();
            var waiting = new List<DecisionResponse>();
            foreach (var decision in AwardPlan.FromRanking(Ranking.Of(applications, assignments), call.RemainingEnvelope, call.Currency))
            {
                var application = applications.Single(a => a.Id == decision.ApplicationId);
                if (decision.Amount is { } amount)
                {
                    awarded.Add(AwardResponse.From(Grant(db, call, application, amount, clock)));
                }
                else
                {
                    application.PlaceOnWaitingList(decision.WaitingListReason!, now);
                    waiting.Add(new DecisionResponse(application.Id, decision.WaitingListReason!));
                }
            }

            var rejected = new List<DecisionResponse>();
            foreach (var application in applications.Where(a => a.Status == ApplicationStatus.Submitted && a.Eligible == false))
            {
                var reason = "Not eligible: " + string.Join(" ", application.EligibilityFailures.Select(f => f.Message));
                application.Reject(reason, now);
                rejected.Add(new DecisionResponse(application.Id, reason));
            }

            call.MarkAwarded(now);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(new AwardingResult(awarded, waiting, rejected, call.AwardedAmount, call.RemainingEnvelope));
        }, ct);
    }

    public static async Task<Results<Ok<IReadOnlyList<AwardResponse>>, NotFound>> ListAwards(Guid id, ClaimsPrincipal user, GrantsDbContext db, CancellationToken ct)
    {
        if (await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } call || (call.Status == CallStatus.Draft && !user.ReadsAllCalls()))
        {
            return TypedResults.NotFound();
        }

        var awards = await db.Awards.AsNoTracking().Where(a => a.CallId == id).OrderBy(a => a.AwardedAt).ThenBy(a => a.Id).ToListAsync(ct);
        return TypedResults.Ok<IReadOnlyList<AwardResponse>>(awards.Select(AwardResponse.From).ToList());
    }

    private static Award Grant(GrantsDbContext db, Call call, GrantApplication application, decimal amount, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        application.EnsureAwardable(call, amount);
        call.Commit(amount, now);
        application.MarkAwarded(now);
        var award = Award.Make(call.Id, application.Id, amount, call.Currency, now);
        db.Awards.Add(award);
        db.AddIntegrationEvent(new GrantAwarded(award.Id, application.Id, call.Id, call.TargetGroup, application.OrganizationId, application.ParticipantId,
            application.Municipality, amount, call.Currency) { OccurredAt = now }, clock);
        return award;
    }

    private static async Task<(List<GrantApplication> Applications, List<EvaluatorAssignment> Assignments)> CompetitionAsync(GrantsDbContext db, Guid callId, CancellationToken ct) =>
        (await db.Applications.AsNoTracking().Where(a => a.CallId == callId).ToListAsync(ct),
         await db.EvaluatorAssignments.AsNoTracking().Where(a => a.CallId == callId).ToListAsync(ct));

    private static async Task<Results<Ok<CallResponse>, NotFound>> ChangeAsync(Guid id, GrantsDbContext db, CancellationToken ct, Action<Call> change)
    {
        if (await db.Calls.FirstOrDefaultAsync(c => c.Id == id, ct) is not { } call)
        {
            return TypedResults.NotFound();
        }

        change(call);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CallResponse.From(call));
    }
}
