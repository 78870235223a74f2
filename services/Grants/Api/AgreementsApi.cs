using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Grants.Agreements;
using Platform.Grants.Data;
using Platform.Grants.Funding;

namespace Platform.Grants.Api;

/// <summary>
/// Grant agreements: made from an award with a tranche schedule; tranches paid when the report before them is
/// approved and none is overdue; reports submitted by the grantee and reviewed by the grants team; closed after
/// the final report. Applicants see only their own agreements.
/// </summary>
public static class AgreementsApi
{
    public static RouteGroupBuilder MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/grants/agreements").WithTags("Agreements").RequireAuthorization(GrantsAccess.Applications);

        api.MapPost("/", SignAgreement).WithName("SignAgreement").WithSummary("Make an award an agreement with its tranche schedule")
            .RequireAuthorization(GrantsAccess.Manage);
        api.MapGet("/", ListAgreements).WithName("ListAgreements").WithSummary("The agreements the caller may see, paged, by call, municipality and status");
        api.MapGet("/{id:guid}", GetAgreement).WithName("GetAgreement").WithSummary("An agreement with its tranches and reports");
        api.MapPost("/{id:guid}/tranches/{number:int}/payment", PayTranche).WithName("PayTranche").WithSummary("Record the payment of a tranche")
            .RequireAuthorization(GrantsAccess.Manage);
        api.MapPost("/{id:guid}/reports/{number:int}", SubmitReport).WithName("SubmitReport").WithSummary("Submit the narrative and financial report on a tranche")
            .RequireAuthorization(GrantsAccess.Apply);
        api.MapPost("/{id:guid}/reports/{number:int}/approve", ApproveReport).WithName("ApproveReport").WithSummary("Approve a submitted report")
            .RequireAuthorization(GrantsAccess.Manage);
        api.MapPost("/{id:guid}/reports/{number:int}/reject", RejectReport).WithName("RejectReport").WithSummary("Send a report back with a reason")
            .RequireAuthorization(GrantsAccess.Manage);
        api.MapPost("/{id:guid}/close", CloseAgreement).WithName("CloseAgreement").WithSummary("Close the agreement after its final report")
            .RequireAuthorization(GrantsAccess.Manage);
        return api;
    }

    public static async Task<Results<Created<AgreementResponse>, ValidationProblem>> SignAgreement(
        AgreementRequest request, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var award = request.AwardId is { } awardId ? await db.Awards.AsNoTracking().FirstOrDefaultAsync(a => a.Id == awardId, ct) : null;
        if (award is null)
        {
            var errors = new ValidationErrors();
            errors.Add("awardId", request.AwardId is null ? "This field is required." : "No such award.");
            Agreement.ReadSchedule(request.SignedOn, request.Tranches, errors); // report every problem at once
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (await db.Agreements.AnyAsync(a => a.AwardId == award.Id, ct))
        {
            throw new RuleViolationException("agreement-exists", "The award already has its agreement.");
        }

        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == award.CallId, ct);
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == award.ApplicationId, ct);
        var agreement = Agreement.Sign(award, call, application.OrganizationId, application.ParticipantId, application.Municipality,
            request.SignedOn, request.Tranches, clock.GetUtcNow());
        db.Agreements.Add(agreement);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/grants/agreements/{agreement.Id}", AgreementResponse.From(agreement, Today(clock)));
    }

    public static async Task<Results<Ok<PagedList<AgreementResponse>>, ValidationProblem>> ListAgreements(
        [AsParameters] AgreementQuery query, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        var status = QueryFilter.Enum<AgreementStatus>(query.Status, "status", errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var agreements = db.Agreements.AsNoTracking();
        if (!user.Manages())
        {
            // Evaluators have no agreements; applicants only their own.
            var applicant = GrantsAccess.ApplicantOf(user);
            var organizationId = applicant?.OrganizationId;
            var participantId = applicant?.ParticipantId;
            agreements = agreements.Where(a =>
                (organizationId != null && a.OrganizationId == organizationId) || (participantId != null && a.ParticipantId == participantId));
        }

        if (query.CallId is { } callId)
        {
            agreements = agreements.Where(a => a.CallId == callId);
        }

        if (query.Municipality is not null)
        {
            agreements = agreements.Where(a => a.Municipality == query.Municipality);
        }

        if (status is not null)
        {
            agreements = agreements.Where(a => a.Status == status);
        }

        var total = await agreements.LongCountAsync(ct);
        var page = await agreements.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var today = Today(clock);
        return TypedResults.Ok(new PagedList<AgreementResponse>(page.Select(a => AgreementResponse.From(a, today)).ToList(), paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<AgreementResponse>, NotFound>> GetAgreement(
        Guid id, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct) =>
        await VisibleAsync(id, user, db, ct) is { } agreement ? TypedResults.Ok(AgreementResponse.From(agreement, Today(clock))) : TypedResults.NotFound();

    public static async Task<Results<Ok<AgreementResponse>, NotFound>> PayTranche(
        Guid id, int number, PaymentRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await VisibleAsync(id, user, db, ct) is not { } agreement || !agreement.HasTranche(number))
        {
            return TypedResults.NotFound();
        }

        db.AddIntegrationEvent(agreement.Pay(number, request.Amount, request.Currency, request.PaidOn, clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AgreementResponse.From(agreement, Today(clock)));
    }

    public static async Task<Results<Ok<AgreementResponse>, NotFound>> SubmitReport(
        Guid id, int number, ReportRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await VisibleAsync(id, user, db, ct) is not { } agreement || !agreement.HasTranche(number))
        {
            return TypedResults.NotFound();
        }

        agreement.SubmitReport(number, request.Narrative, request.Spent, request.Currency, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AgreementResponse.From(agreement, Today(clock)));
    }

    public static Task<Results<Ok<AgreementResponse>, NotFound>> ApproveReport(
        Guid id, int number, ReviewRequest? request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ReviewAsync(id, number, approve: true, request?.Comment, user, db, clock, ct);

    public static Task<Results<Ok<AgreementResponse>, NotFound>> RejectReport(
        Guid id, int number, ReviewRequest request, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ReviewAsync(id, number, approve: false, request.Reason, user, db, clock, ct);

    public static async Task<Results<Ok<AgreementResponse>, NotFound>> CloseAgreement(
        Guid id, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await VisibleAsync(id, user, db, ct) is not { } agreement)
        {
            return TypedResults.NotFound();
        }

        db.AddIntegrationEvent(agreement.Close(clock.GetUtcNow()), clock);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AgreementResponse.From(agreement, Today(clock)));
    }

    private static async Task<Results<Ok<AgreementResponse>, NotFound>> ReviewAsync(
        Guid id, int number, bool approve, string? comment, ClaimsPrincipal user, GrantsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await VisibleAsync(id, user, db, ct) is not { } agreement || !agreement.HasTranche(number))
        {
            return TypedResults.NotFound();
        }

        agreement.ReviewReport(number, approve, comment, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AgreementResponse.From(agreement, Today(clock)));
    }

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static async Task<Agreement?> VisibleAsync(Guid id, ClaimsPrincipal user, GrantsDbContext db, CancellationToken ct) =>
        await db.Agreements.FirstOrDefaultAsync(a => a.Id == id, ct) is { } agreement && (user.Manages() || user.Owns(agreement.OrganizationId, agreement.ParticipantId))
            ? agreement
            : null;
}
