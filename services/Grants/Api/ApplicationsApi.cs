using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Grants.Applications;
using Platform.Grants.Calls;
using Platform.Grants.Data;
using Platform.Grants.Evaluation;
using Platform.ServiceDefaults.Security;

namespace Platform.Grants.Api;

/// <summary>
/// Applications: applicants draft, submit and withdraw their own; the grants team reads all; an evaluator reads an
/// assigned application only after declaring no conflict of interest (before: 409 <c>declaration-required</c>;
/// unassigned: 404). Anyone else's application is a 404 to an applicant.
/// </summary>
public static class ApplicationsApi
{
    public static RouteGroupBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/grants/applications").WithTags("Applications").RequireAuthorization(GrantsAccess.Applications);

        api.MapPost("/", StartApplication).WithName("StartApplication").WithSummary("Start a draft application to an open call")
            .RequireAuthorization(GrantsAccess.Apply);
        api.MapPut("/{id:guid}", UpdateApplication).WithName("UpdateApplication").WithSummary("Rewrite a draft application")
            .RequireAuthorization(GrantsAccess.Apply);
        api.MapPost("/{id:guid}/submit", SubmitApplication).WithName("SubmitApplication")
            .WithSummary("Submit before the deadline; eligibility is recorded with its reasons").RequireAuthorization(GrantsAccess.Apply);
        api.MapPost("/{id:guid}/withdraw", WithdrawApplication).WithName("WithdrawApplication").WithSummary("Withdraw an application")
            .RequireAuthorization(GrantsAccess.Apply);
        api.MapGet("/{id:guid}", GetApplication).WithName("GetApplication").WithSummary("An application the caller may see");
        api.MapGet("/", ListApplications).WithName("ListApplications").WithSummary("The applications the caller may see, paged, by call, municipality and status");
        return api;
    }

    public static async Task<Results<Created<ApplicationResponse>, ValidationProblem>> StartApplication(
        ApplicationRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var call = request.CallId is { } callId ? await db.Calls.FirstOrDefaultAsync(c => c.Id == callId && c.Status != CallStatus.Draft, ct) : null;
        if (call is null)
        {
            errors.Add("callId", request.CallId is null ? "This field is required." : "No such call.");
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (ToDetails(call, request, errors) is not { } details)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var application = GrantApplication.Start(call, GrantsAccess.ApplicantOf(user)!.Value, user.Subject() ?? "", details, clock.GetUtcNow());
        db.Applications.Add(application);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/grants/applications/{application.Id}", ApplicationResponse.From(application));
    }

    public static async Task<Results<Ok<ApplicationResponse>, NotFound, ValidationProblem>> UpdateApplication(
        Guid id, ApplicationRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await OwnAsync(id, user, db, ct) is not { } application)
        {
            return TypedResults.NotFound();
        }

        var call = await db.Calls.SingleAsync(c => c.Id == application.CallId, ct);
        var errors = new ValidationErrors();
        if (request.CallId is not null && request.CallId != application.CallId)
        {
            errors.Add("callId", "An application stays with the call it was started for.");
        }

        var details = ToDetails(call, request, errors);
        if (details is null || errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        application.Update(call, details, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ApplicationResponse.From(application));
    }

    public static async Task<Results<Ok<ApplicationResponse>, NotFound>> SubmitApplication(
        Guid id, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await OwnAsync(id, user, db, ct) is not { } application)
        {
            return TypedResults.NotFound();
        }

        var call = await db.Calls.SingleAsync(c => c.Id == application.CallId, ct);
        var facts = await FactsAsync(db, application.Applicant, ct);
        db.AddIntegrationEvent(application.Submit(call, facts, clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ApplicationResponse.From(application));
    }

    public static async Task<Results<Ok<ApplicationResponse>, NotFound>> WithdrawApplication(
        Guid id, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await OwnAsync(id, user, db, ct) is not { } application)
        {
            return TypedResults.NotFound();
        }

        application.Withdraw(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(ApplicationResponse.From(application));
    }

    public static async Task<Results<Ok<ApplicationResponse>, NotFound>> GetApplication(Guid id, ClaimsPrincipal user, GrantsDbContext db, CancellationToken ct)
    {
        if (await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } application)
        {
            return TypedResults.NotFound();
        }

        if (user.Manages() || user.Owns(application.OrganizationId, application.ParticipantId))
        {
            return TypedResults.Ok(ApplicationResponse.From(application));
        }

        if (user.IsInRole(PlatformRoles.Evaluator) && user.Subject() is { } evaluator
            && await db.EvaluatorAssignments.AsNoTracking().FirstOrDefaultAsync(a => a.ApplicationId == id && a.Evaluator == evaluator, ct) is { } assignment)
        {
            assignment.EnsureMaySee();
            return TypedResults.Ok(ApplicationResponse.From(application));
        }

        return TypedResults.NotFound();
    }

    public static async Task<Results<Ok<PagedList<ApplicationResponse>>, ValidationProblem>> ListApplications(
        [AsParameters] ApplicationQuery query, ClaimsPrincipal user, GrantsDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        var status = QueryFilter.Enum<ApplicationStatus>(query.Status, "status", errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var applications = db.Applications.AsNoTracking();
        if (!user.Manages())
        {
            var applicant = GrantsAccess.ApplicantOf(user);
            var organizationId = applicant?.OrganizationId;
            var participantId = applicant?.ParticipantId;
            var evaluator = user.IsInRole(PlatformRoles.Evaluator) ? user.Subject() : null;
            applications = applications.Where(a =>
                (organizationId != null && a.OrganizationId == organizationId)
                || (participantId != null && a.ParticipantId == participantId)
                || (evaluator != null && db.EvaluatorAssignments.Any(e => e.ApplicationId == a.Id && e.Evaluator == evaluator && e.Declaration == Declaration.NoConflict)));
        }

        if (query.CallId is { } callId)
        {
            applications = applications.Where(a => a.CallId == callId);
        }

        if (query.Municipality is not null)
        {
            applications = applications.Where(a => a.Municipality == query.Municipality);
        }

        if (status is not null)
        {
            applications = applications.Where(a => a.Status == status);
        }

        var total = await applications.LongCountAsync(ct);
        var page = await applications.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<ApplicationResponse>(page.Select(ApplicationResponse.From).ToList(), paging.Number, paging.Size, total));
    }

    /// <summary>What Grants knows of the applicant from the registry, Capacity's assessments and Youth's graduates.</summary>
    public static async Task<ApplicantFacts> FactsAsync(GrantsDbContext db, Applicant applicant, CancellationToken ct)
    {
        if (applicant.OrganizationId is { } organizationId)
        {
            var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct);
            var assessed = await db.CompletedAssessments.AnyAsync(a => a.OrganizationId == organizationId, ct);
            return new ApplicantFacts(organization?.Type, organization?.Municipality, assessed, false, null);
        }

        var graduate = await db.Graduates.AsNoTracking().FirstOrDefaultAsync(g => g.ParticipantId == applicant.ParticipantId, ct);
        return new ApplicantFacts(null, null, false, graduate is not null, graduate?.Municipality);
    }

    private static ApplicationDetails? ToDetails(Call call, ApplicationRequest request, ValidationErrors errors) =>
        ApplicationDetails.Create(call, request.ProjectTitle, request.Summary, request.Municipality, request.RequestedAmount, request.CoFunding,
            request.Currency, request.BudgetLines, errors);

    /// <summary>The caller's own application; anyone else's is as good as missing.</summary>
    private static async Task<GrantApplication?> OwnAsync(Guid id, ClaimsPrincipal user, GrantsDbContext db, CancellationToken ct) =>
        await db.Applications.FirstOrDefaultAsync(a => a.Id == id, ct) is { } application && user.Owns(application.OrganizationId, application.ParticipantId)
            ? application
            : null;
}
