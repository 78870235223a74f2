using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.ReferenceData;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Security;
using Platform.Youth.Data;
using Platform.Youth.People;

namespace Platform.Youth.Api;

/// <summary>
/// The people the Youth team works with, their personal data (stored only with consent), what is held about a
/// person (subject access) and erasure. Only the Youth team and the programme admin reach any of it.
/// </summary>
public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/youth/people").WithTags("People")
            .RequireAuthorization(PlatformPolicies.PersonalDataOf("youth"));

        api.MapPost("/", RegisterPerson).WithName("RegisterPerson").WithSummary("Record a person's data, with their consent")
            .RequireAuthorization(PlatformPolicies.WriteIn("youth"));
        api.MapGet("/{id:guid}", GetPerson).WithName("GetPerson").WithSummary("A person's data");
        api.MapGet("/", ListPeople).WithName("ListPeople").WithSummary("People, paged, by home municipality");
        api.MapGet("/{id:guid}/personal-data", GetPersonalData).WithName("GetPersonalData")
            .WithSummary("Subject access: everything held about a person");
        api.MapDelete("/{id:guid}", ErasePerson).WithName("ErasePerson")
            .WithSummary("Erase a person's personal data; anonymous counts stay")
            .RequireAuthorization(PlatformPolicies.WriteIn("youth"));
        return api;
    }

    public static async Task<Results<Created<PersonResponse>, ValidationProblem>> RegisterPerson(
        PersonRequest request, YouthDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var errors = new ValidationErrors();
        // Consent first: without it nothing about the person is stored.
        var consent = request.Consent;
        if (consent is null)
        {
            errors.Add("consent", "Required: the person's consent (given, purpose, noticeVersion) before any of their data is stored.");
        }
        else
        {
            if (consent.Given != true)
            {
                errors.Add("consent.given", "The person must have given consent.");
            }

            errors.Required(consent.Purpose, "consent.purpose", Consent.MaxLength);
            errors.Required(consent.NoticeVersion, "consent.noticeVersion", Consent.MaxLength);
        }

        var details = PersonDetails.Create(request.FirstName, request.LastName, request.BirthDate, request.Gender, request.Municipality,
            request.Languages, request.Education, request.Email, request.Phone, request.Ethnicity, Calendar.Day(now), errors);
        if (errors.Any || details is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var person = Person.Register(details, new Consent(consent!.Purpose!.Trim(), consent.NoticeVersion!.Trim(), now), now);
        db.People.Add(person);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/youth/people/{person.Id}", PersonResponse.From(person));
    }

    public static async Task<Results<Ok<PersonResponse>, NotFound>> GetPerson(Guid id, YouthDbContext db, CancellationToken ct) =>
        await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct) is { } person
            ? TypedResults.Ok(PersonResponse.From(person))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PagedList<PersonResponse>>, ValidationProblem>> ListPeople(
        [AsParameters] PeopleQuery query, YouthDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        if (query.Municipality is not null && !Municipality.IsKnown(query.Municipality))
        {
            errors.Add("municipality", $"Use one of {string.Join(", ", Municipality.All)}.");
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var people = db.People.AsNoTracking().Where(p => p.ErasedAt == null);
        if (query.Municipality is not null)
        {
            people = people.Where(p => p.Municipality == query.Municipality);
        }

        var total = await people.LongCountAsync(ct);
        var page = await people.OrderBy(p => p.RegisteredAt).ThenBy(p => p.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<PersonResponse>([.. page.Select(PersonResponse.From)], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<PersonalDataResponse>, NotFound>> GetPersonalData(Guid id, YouthDbContext db, CancellationToken ct)
    {
        if (await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct) is not { } person)
        {
            return TypedResults.NotFound();
        }

        var applications = await db.Applications.AsNoTracking().Where(a => a.PersonId == id)
            .Join(db.Cohorts, a => a.CohortId, c => c.Id, (a, c) => new { Application = a, CohortName = c.Name })
            .OrderBy(a => a.Application.SubmittedAt).ToListAsync(ct);
        var internships = await db.Internships.AsNoTracking().Where(i => i.PersonId == id).OrderBy(i => i.StartsOn).ToListAsync(ct);
        var camps = await db.Camps.AsNoTracking().AsSplitQuery().Where(c => c.Participants.Any(p => p.PersonId == id)).OrderBy(c => c.StartsOn).ToListAsync(ct);
        return TypedResults.Ok(new PersonalDataResponse(
            PersonResponse.From(person),
            [.. applications.Select(a => new PersonalDataResponse.ApplicationHeld(
                a.Application.Id, a.Application.CohortId, a.CohortName, a.Application.Status.ToString(), a.Application.Score, a.Application.Reason,
                a.Application.SubmittedAt, a.Application.DecidedAt, a.Application.GraduatedOn))],
            [.. internships.Select(i => InternshipResponse.From(i, withPersonalData: true))],
            [.. camps.Select(c => new PersonalDataResponse.CampAttended(
                c.Id, c.Name, c.Audience.ToString(), c.Municipality, c.StartsOn, c.EndsOn,
                [.. c.Sessions.Where(s => c.Participants.Single(p => p.PersonId == id).SessionsAttended.Contains(s.Id))
                    .OrderBy(s => s.Date).Select(s => new CampResponse.Session(s.Id, s.Date, s.Topic))]))]));
    }

    /// <summary>
    /// Erases the person's personal data and the free text written about them; the anonymous facts the figures and
    /// the published events rest on (gender and municipality of applications, camp counts) are kept as they are.
    /// </summary>
    /// <summary>
    /// Erases the person's data and every recorded answer about them (idempotent commands keep one, sealed), in one
    /// transaction.
    /// </summary>
    public static Task<Results<NoContent, NotFound>> ErasePerson(Guid id, YouthDbContext db, TimeProvider clock, CancellationToken ct) =>
        db.InTransactionAsync<Results<NoContent, NotFound>>(async ct =>
        {
            if (await db.People.FirstOrDefaultAsync(p => p.Id == id && p.ErasedAt == null, ct) is not { } person)
            {
                return TypedResults.NotFound();
            }

            person.Erase(clock.GetUtcNow());
            List<Guid> resources = [id];
            foreach (var application in await db.Applications.Where(a => a.PersonId == id).ToListAsync(ct))
            {
                application.EraseFreeText();
                resources.Add(application.Id);
            }

            foreach (var internship in await db.Internships.Where(i => i.PersonId == id).ToListAsync(ct))
            {
                internship.EraseFreeText();
                resources.Add(internship.Id);
            }

            await db.SaveChangesAsync(ct);
            await db.ForgetAsync(resources, ct);
            return TypedResults.NoContent();
        }, ct);
}

public sealed record ConsentRequest(bool? Given, string? Purpose, string? NoticeVersion);

public sealed record PersonRequest(
    string? FirstName,
    string? LastName,
    DateOnly? BirthDate,
    string? Gender,
    string? Municipality,
    List<string?>? Languages,
    string? Education,
    string? Email,
    string? Phone,
    string? Ethnicity,
    ConsentRequest? Consent);

public sealed record PersonResponse(
    Guid Id,
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    string Gender,
    string Municipality,
    IReadOnlyList<string> Languages,
    string? Education,
    string? Email,
    string? Phone,
    string? Ethnicity,
    PersonResponse.ConsentGiven Consent,
    DateTimeOffset RegisteredAt)
{
    public sealed record ConsentGiven(string Purpose, string NoticeVersion, DateTimeOffset GivenAt);

    public static PersonResponse From(Person p) =>
        new(p.Id, p.FirstName!, p.LastName!, p.BirthDate!.Value, p.Gender!, p.Municipality, p.Languages, p.Education, p.Email, p.Phone, p.Ethnicity,
            new ConsentGiven(p.Consent!.Purpose, p.Consent.NoticeVersion, p.Consent.GivenAt), p.RegisteredAt);
}

/// <summary>Everything Youth holds about one person.</summary>
public sealed record PersonalDataResponse(
    PersonResponse Person,
    IReadOnlyList<PersonalDataResponse.ApplicationHeld> Applications,
    IReadOnlyList<InternshipResponse> Internships,
    IReadOnlyList<PersonalDataResponse.CampAttended> Camps)
{
    public sealed record ApplicationHeld(
        Guid Id, Guid CohortId, string CohortName, string Status, decimal? Score, string? Reason,
        DateTimeOffset SubmittedAt, DateTimeOffset? DecidedAt, DateOnly? GraduatedOn);

    public sealed record CampAttended(
        Guid CampId, string Name, string Audience, string Municipality, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<CampResponse.Session> SessionsAttended);
}

public sealed record PeopleQuery(string? Municipality, int? Page, int? PageSize);
