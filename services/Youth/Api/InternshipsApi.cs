using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Security;
using Platform.Contracts.ReferenceData;
using Platform.Youth.Data;
using Platform.Youth.Internships;

namespace Platform.Youth.Api;

/// <summary>Internships: placement with a national host organisation, monthly check-ins, completion and graduation.</summary>
public static class InternshipsApi
{
    public static RouteGroupBuilder MapInternshipsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/youth/internships").WithTags("Internships").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        var write = PlatformPolicies.WriteIn("youth");

        api.MapPost("/", Place).WithName("PlaceCandidate")
            .WithSummary("Place an accepted candidate with a national host organisation; the internship starts").RequireAuthorization(write);
        api.MapGet("/{id:guid}", GetInternship).WithName("GetInternship").WithSummary("An internship by id");
        api.MapGet("/", ListInternships).WithName("ListInternships").WithSummary("Internships, paged, by cohort, status and municipality");
        api.MapPost("/{id:guid}/check-ins", RecordCheckIn).WithName("RecordCheckIn")
            .WithSummary("Record the mentor's report on one month").RequireAuthorization(write);
        api.MapPost("/{id:guid}/complete", Complete).WithName("CompleteInternship")
            .WithSummary("Complete the internship once every month is reported; the participant graduates").RequireAuthorization(write);
        return api;
    }

    /// <summary>
    /// Runs under a row lock on the person (<c>SELECT ... FOR UPDATE</c>), so two placements of one person cannot
    /// both pass the overlap check.
    /// </summary>
    public static async Task<Results<Created<InternshipResponse>, ValidationProblem>> Place(
        PlacementRequest request, YouthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var personId = request.ApplicationId is { } id
            ? await db.Applications.Where(a => a.Id == id).Select(a => (Guid?)a.PersonId).FirstOrDefaultAsync(ct)
            : null;
        if (personId is null)
        {
            var errors = new ValidationErrors();
            errors.Add("applicationId", request.ApplicationId is null ? "Required: the accepted application." : "No such application.");
            Internship.ValidateMentor(request.Mentor?.Name, request.Mentor?.Contact, errors); // report every problem at once
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var applicationId = request.ApplicationId!.Value;

        return await db.InTransactionAsync<Results<Created<InternshipResponse>, ValidationProblem>>(async token =>
        {
            var person = (await db.People.LockForUpdateAsync(personId.Value, token))!;
            if (person.IsErased)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["applicationId"] = ["The person's data was erased."] });
            }

            var application = await db.Applications.SingleAsync(a => a.Id == applicationId, token);
            var cohort = await db.Cohorts.SingleAsync(c => c.Id == application.CohortId, token);
            var host = request.HostOrganizationId is { } hostId ? await db.Organizations.FirstOrDefaultAsync(o => o.Id == hostId, token) : null;
            var others = await db.Internships.Where(i => i.PersonId == person.Id).ToListAsync(token);
            var now = clock.GetUtcNow();
            var (internship, started) = Internship.Place(cohort, application, host, request.HostOrganizationId, request.Mentor?.Name, request.Mentor?.Contact,
                request.StartsOn, request.EndsOn, others, now);
            db.Internships.Add(internship);
            db.AddIntegrationEvent(started, clock);
            await db.SaveChangesAsync(token);
            return TypedResults.Created($"/api/youth/internships/{internship.Id}", InternshipResponse.From(internship, withPersonalData: true));
        }, ct);
    }

    public static async Task<Results<Ok<InternshipResponse>, NotFound>> GetInternship(
        Guid id, YouthDbContext db, PersonalDataAccess personalData, CancellationToken ct) =>
        await db.Internships.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct) is { } internship
            ? TypedResults.Ok(InternshipResponse.From(internship, await personalData.AllowedAsync()))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PagedList<InternshipResponse>>, ValidationProblem>> ListInternships(
        [AsParameters] InternshipQuery query, YouthDbContext db, PersonalDataAccess personalData, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        var status = QueryFilter.Enum<InternshipStatus>(query.Status, "status", errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var internships = db.Internships.AsNoTracking();
        if (query.CohortId is { } cohortId)
        {
            internships = internships.Where(i => i.CohortId == cohortId);
        }

        if (query.ParticipantId is { } participantId)
        {
            internships = internships.Where(i => i.PersonId == participantId);
        }

        if (status is not null)
        {
            internships = internships.Where(i => i.Status == status);
        }

        if (query.Municipality is not null)
        {
            internships = internships.Where(i => i.Municipality == query.Municipality);
        }

        var total = await internships.LongCountAsync(ct);
        var page = await internships.OrderBy(i => i.StartsOn).ThenBy(i => i.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var withPersonalData = await personalData.AllowedAsync();
        return TypedResults.Ok(new PagedList<InternshipResponse>([.. page.Select(i => InternshipResponse.From(i, withPersonalData))], paging.Number, paging.Size, total));
    }

    /// <summary>A check-in is a child row: it holds the internship's row, so none lands after the completion.</summary>
    public static Task<Results<Created<InternshipResponse.CheckInResponse>, NotFound>> RecordCheckIn(
        Guid id, CheckInRequest request, YouthDbContext db, TimeProvider clock, CancellationToken ct) =>
        db.InTransactionAsync<Results<Created<InternshipResponse.CheckInResponse>, NotFound>>(async ct =>
        {
            if (await db.Internships.LockForUpdateAsync(id, ct) is not { } internship)
            {
                return TypedResults.NotFound();
            }

            var checkIn = internship.RecordCheckIn(request.Month, request.Tasks, request.Hours, request.Competencies, request.Concerns, clock.Today(), clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/youth/internships/{id}", InternshipResponse.CheckInResponse.From(checkIn, withPersonalData: true));
        }, ct);

    public static Task<Results<Ok<InternshipResponse>, NotFound>> Complete(Guid id, YouthDbContext db, TimeProvider clock, CancellationToken ct) =>
        db.InTransactionAsync<Results<Ok<InternshipResponse>, NotFound>>(async ct =>
        {
            if (await db.Internships.LockForUpdateAsync(id, ct) is not { } internship)
            {
                return TypedResults.NotFound();
            }

            var application = await db.Applications.SingleAsync(a => a.Id == internship.ApplicationId, ct);
            var graduated = internship.Complete(application, clock.Today(), clock.GetUtcNow());
            db.AddIntegrationEvent(graduated, clock);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(InternshipResponse.From(internship, withPersonalData: true));
        }, ct);
}

public sealed record MentorRequest(string? Name, string? Contact);

public sealed record PlacementRequest(Guid? ApplicationId, Guid? HostOrganizationId, MentorRequest? Mentor, DateOnly? StartsOn, DateOnly? EndsOn);

public sealed record CheckInRequest(string? Month, string? Tasks, decimal? Hours, List<string?>? Competencies, string? Concerns);

/// <summary>An internship; the mentor and the text of the check-ins only for those who may see Youth's personal data.</summary>
public sealed record InternshipResponse(
    Guid Id,
    Guid ApplicationId,
    Guid ParticipantId,
    Guid CohortId,
    string Municipality,
    Guid HostOrganizationId,
    InternshipResponse.MentorResponse? Mentor,
    DateOnly StartsOn,
    DateOnly EndsOn,
    InternshipStatus Status,
    IReadOnlyList<string> PlannedMonths,
    IReadOnlyList<string> MissingMonths,
    IReadOnlyList<InternshipResponse.CheckInResponse> CheckIns,
    DateOnly? CompletedOn)
{
    public sealed record MentorResponse(string Name, string Contact);

    public sealed record CheckInResponse(string Month, decimal Hours, string? Tasks, IReadOnlyList<string>? Competencies, string? Concerns, DateTimeOffset RecordedAt)
    {
        public static CheckInResponse From(CheckIn c, bool withPersonalData) =>
            withPersonalData
                ? new(c.Month, c.Hours, c.Tasks, c.Competencies, c.Concerns, c.RecordedAt)
                : new(c.Month, c.Hours, null, null, null, c.RecordedAt);
    }

    public static InternshipResponse From(Internship i, bool withPersonalData) =>
        new(i.Id, i.ApplicationId, i.PersonId, i.CohortId, i.Municipality, i.HostOrganizationId,
            withPersonalData ? new MentorResponse(i.MentorName, i.MentorContact) : null,
            i.StartsOn, i.EndsOn, i.Status, i.PlannedMonths, i.MissingMonths,
            [.. i.CheckIns.OrderBy(c => c.Month, StringComparer.Ordinal).Select(c => CheckInResponse.From(c, withPersonalData))], i.CompletedOn);
}

public sealed record InternshipQuery(Guid? CohortId, Guid? ParticipantId, string? Status, string? Municipality, int? Page, int? PageSize);
