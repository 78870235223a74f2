using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.ReferenceData;
using Platform.ServiceDefaults.Security;
using Platform.Youth.Cohorts;
using Platform.Youth.Data;

namespace Platform.Youth.Api;

/// <summary>Cohorts of the Young Professionals Program, their applications and the selection.</summary>
public static class CohortsApi
{
    public static RouteGroupBuilder MapCohortsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/youth").WithTags("Cohorts").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        var write = PlatformPolicies.WriteIn("youth");

        api.MapPost("/cohorts", OpenCohort).WithName("OpenCohort").WithSummary("Open a cohort for applications").RequireAuthorization(write);
        api.MapGet("/cohorts/{id:guid}", GetCohort).WithName("GetCohort").WithSummary("A cohort by id");
        api.MapGet("/cohorts", ListCohorts).WithName("ListCohorts").WithSummary("Cohorts, paged, by status and eligible municipality");
        api.MapPost("/cohorts/{id:guid}/start-selection", StartSelection).WithName("StartCohortSelection")
            .WithSummary("Close the intake and start selecting").RequireAuthorization(write);
        api.MapPost("/cohorts/{id:guid}/start", StartCohort).WithName("StartCohort")
            .WithSummary("The cohort runs: internships may start").RequireAuthorization(write);
        api.MapPost("/cohorts/{id:guid}/complete", CompleteCohort).WithName("CompleteCohort")
            .WithSummary("Complete a cohort whose internships are all completed").RequireAuthorization(write);

        api.MapPost("/cohorts/{id:guid}/applications", Apply).WithName("ApplyToCohort")
            .WithSummary("A person applies to a cohort (one application per person and cohort)").RequireAuthorization(write);
        api.MapGet("/cohorts/{id:guid}/applications", ListApplications).WithName("ListApplications")
            .WithSummary("A cohort's applications, paged, by status and municipality; names only for the Youth team");
        api.MapGet("/applications/{id:guid}", GetApplication).WithName("GetApplication").WithSummary("An application by id");
        api.MapPost("/applications/{id:guid}/decision", Decide).WithName("DecideApplication")
            .WithSummary("Accept, wait-list or reject an application, with a score and a reason").RequireAuthorization(write);
        return api;
    }

    public static async Task<Created<CohortResponse>> OpenCohort(CohortRequest request, YouthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = Cohort.Open(request.Name, request.IntakeOpensOn, request.IntakeClosesOn, request.StartsOn, request.Places,
            request.EligibleMunicipalities, request.MinAge, request.MaxAge, clock.GetUtcNow());
        db.Cohorts.Add(cohort);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/youth/cohorts/{cohort.Id}", CohortResponse.From(cohort));
    }

    public static async Task<Results<Ok<CohortResponse>, NotFound>> GetCohort(Guid id, YouthDbContext db, CancellationToken ct) =>
        await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is { } cohort
            ? TypedResults.Ok(CohortResponse.From(cohort))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PagedList<CohortResponse>>, ValidationProblem>> ListCohorts(
        [AsParameters] CohortQuery query, YouthDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        var status = QueryFilter.Enum<CohortStatus>(query.Status, "status", errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var cohorts = db.Cohorts.AsNoTracking();
        if (status is not null)
        {
            cohorts = cohorts.Where(c => c.Status == status);
        }

        if (query.Municipality is not null)
        {
            cohorts = cohorts.Where(c => c.EligibleMunicipalities.Contains(query.Municipality));
        }

        var total = await cohorts.LongCountAsync(ct);
        var page = await cohorts.OrderByDescending(c => c.StartsOn).ThenBy(c => c.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<CohortResponse>([.. page.Select(CohortResponse.From)], paging.Number, paging.Size, total));
    }

    public static Task<Results<Ok<CohortResponse>, NotFound>> StartSelection(Guid id, YouthDbContext db, CancellationToken ct) =>
        ChangeAsync(id, db, (cohort, _) => cohort.StartSelection(), ct);

    public static Task<Results<Ok<CohortResponse>, NotFound>> StartCohort(Guid id, YouthDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, (cohort, _) => cohort.Start(clock.Today()), ct);

    public static Task<Results<Ok<CohortResponse>, NotFound>> CompleteCohort(Guid id, YouthDbContext db, CancellationToken ct) =>
        ChangeAsync(id, db, (cohort, running) =>
        {
            if (running > 0)
            {
                throw new RuleViolationException("internships-running", $"{running} internship(s) of the cohort are still running.");
            }

            cohort.Complete();
        }, ct);

    public static async Task<Results<Created<ApplicationResponse>, NotFound, ValidationProblem>> Apply(
        Guid id, ApplyRequest request, YouthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (request.PersonId is not { } personId)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["personId"] = ["Required: the id of the person applying."] });
        }

        // Held shared: applications come in side by side, but none once the selection has started.
        return await db.InTransactionAsync<Results<Created<ApplicationResponse>, NotFound, ValidationProblem>>(async ct =>
        {
            if (await db.Cohorts.LockForShareAsync(id, ct) is not { } cohort)
            {
                return TypedResults.NotFound();
            }

            if (await db.People.FirstOrDefaultAsync(p => p.Id == personId && p.ErasedAt == null, ct) is not { } person)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["personId"] = ["No such person."] });
            }

            if (await db.Applications.AnyAsync(a => a.CohortId == id && a.PersonId == personId, ct))
            {
                throw new RuleViolationException("already-applied", "The person has already applied to this cohort.");
            }

            var application = cohort.Apply(person, clock.GetUtcNow());
            db.Applications.Add(application);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/youth/applications/{application.Id}", ApplicationResponse.From(application, cohort.Name, person, withPersonalData: true));
        }, ct);
    }

    public static async Task<Results<Ok<PagedList<ApplicationResponse>>, NotFound, ValidationProblem>> ListApplications(
        Guid id, [AsParameters] ApplicationQuery query, YouthDbContext db, PersonalDataAccess personalData, CancellationToken ct)
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

        if (await db.Cohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } cohort)
        {
            return TypedResults.NotFound();
        }

        var applications = db.Applications.AsNoTracking().Where(a => a.CohortId == id);
        if (status is not null)
        {
            applications = applications.Where(a => a.Status == status);
        }

        if (query.Municipality is not null)
        {
            applications = applications.Where(a => a.Municipality == query.Municipality);
        }

        var total = await applications.LongCountAsync(ct);
        var page = await applications.OrderByDescending(a => a.Score != null).ThenByDescending(a => a.Score).ThenBy(a => a.SubmittedAt).ThenBy(a => a.Id)
            .Skip(paging.Skip).Take(paging.Size)
            .GroupJoin(db.People, a => a.PersonId, p => p.Id, (a, people) => new { Application = a, People = people })
            .SelectMany(x => x.People.DefaultIfEmpty(), (x, p) => new { x.Application, Person = p })
            .ToListAsync(ct);
        var withPersonalData = await personalData.AllowedAsync();
        return TypedResults.Ok(new PagedList<ApplicationResponse>(
            [.. page.Select(a => ApplicationResponse.From(a.Application, cohort.Name, a.Person, withPersonalData))], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<ApplicationResponse>, NotFound>> GetApplication(
        Guid id, YouthDbContext db, PersonalDataAccess personalData, CancellationToken ct)
    {
        if (await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } application)
        {
            return TypedResults.NotFound();
        }

        var cohortName = await db.Cohorts.Where(c => c.Id == application.CohortId).Select(c => c.Name).SingleAsync(ct);
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == application.PersonId, ct);
        return TypedResults.Ok(ApplicationResponse.From(application, cohortName, person, await personalData.AllowedAsync()));
    }

    /// <summary>
    /// The decision runs under a row lock on the cohort (<c>SELECT ... FOR UPDATE</c>): concurrent acceptances into
    /// one cohort take their turn, so the last free place goes to exactly one of them.
    /// </summary>
    public static async Task<Results<Ok<ApplicationResponse>, NotFound>> Decide(
        Guid id, DecisionRequest request, YouthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var cohortId = await db.Applications.Where(a => a.Id == id).Select(a => (Guid?)a.CohortId).FirstOrDefaultAsync(ct);
        if (cohortId is null)
        {
            return TypedResults.NotFound();
        }

        return await db.InTransactionAsync<Results<Ok<ApplicationResponse>, NotFound>>(async token =>
        {
            var cohort = (await db.Cohorts.LockForUpdateAsync(cohortId.Value, token))!;
            var application = await db.Applications.SingleAsync(a => a.Id == id, token);
            cohort.Decide(application, request.Decision ?? (ApplicationStatus)(-1), request.Score, request.Reason, clock.GetUtcNow());
            await db.SaveChangesAsync(token);
            var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == application.PersonId, token);
            return TypedResults.Ok(ApplicationResponse.From(application, cohort.Name, person, withPersonalData: true));
        }, ct);
    }

    private static async Task<Results<Ok<CohortResponse>, NotFound>> ChangeAsync(
        Guid id, YouthDbContext db, Action<Cohort, int> change, CancellationToken ct) =>
        await db.InTransactionAsync<Results<Ok<CohortResponse>, NotFound>>(async token =>
        {
            var cohort = await db.Cohorts.LockForUpdateAsync(id, token);
            if (cohort is null)
            {
                return TypedResults.NotFound();
            }

            var running = await db.Internships.CountAsync(i => i.CohortId == id && i.Status == Internships.InternshipStatus.Running, token);
            change(cohort, running);
            await db.SaveChangesAsync(token);
            return TypedResults.Ok(CohortResponse.From(cohort));
        }, ct);
}

public sealed record CohortRequest(
    string? Name,
    DateOnly? IntakeOpensOn,
    DateOnly? IntakeClosesOn,
    DateOnly? StartsOn,
    int? Places,
    List<string?>? EligibleMunicipalities,
    int? MinAge,
    int? MaxAge);

public sealed record CohortResponse(
    Guid Id,
    string Name,
    DateOnly IntakeOpensOn,
    DateOnly IntakeClosesOn,
    DateOnly StartsOn,
    int Places,
    int Accepted,
    int FreePlaces,
    IReadOnlyList<string> EligibleMunicipalities,
    int MinAge,
    int MaxAge,
    CohortStatus Status)
{
    public static CohortResponse From(Cohort c) =>
        new(c.Id, c.Name, c.IntakeOpensOn, c.IntakeClosesOn, c.StartsOn, c.Places, c.Accepted, c.FreePlaces, c.EligibleMunicipalities, c.MinAge, c.MaxAge, c.Status);
}

public sealed record ApplyRequest(Guid? PersonId);

public sealed record DecisionRequest(ApplicationStatus? Decision, decimal? Score, string? Reason);

/// <summary>
/// An application. <see cref="ParticipantId"/> is the person's id: what Grants knows a graduate by. Name, gender and
/// the reason for the decision only for those who may see Youth's personal data.
/// </summary>
public sealed record ApplicationResponse(
    Guid Id,
    Guid CohortId,
    string CohortName,
    Guid ParticipantId,
    string Municipality,
    string? Gender,
    ApplicationStatus Status,
    decimal? Score,
    string? Reason,
    string? FirstName,
    string? LastName,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? DecidedAt,
    DateTimeOffset? PlacedAt,
    DateOnly? GraduatedOn)
{
    public static ApplicationResponse From(Application a, string cohortName, People.Person? person, bool withPersonalData) =>
        new(a.Id, a.CohortId, cohortName, a.PersonId, a.Municipality, withPersonalData ? a.Gender : null, a.Status, a.Score,
            withPersonalData ? a.Reason : null,
            withPersonalData ? person?.FirstName : null,
            withPersonalData ? person?.LastName : null,
            a.SubmittedAt, a.DecidedAt, a.PlacedAt, a.GraduatedOn);
}

public sealed record CohortQuery(string? Status, string? Municipality, int? Page, int? PageSize);

public sealed record ApplicationQuery(string? Status, string? Municipality, int? Page, int? PageSize);
