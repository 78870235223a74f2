using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Capacity.Assessments;
using Platform.Capacity.Data;
using Platform.Capacity.Instruments;
using Platform.Contracts.Capacity;

namespace Platform.Capacity.Api;

/// <summary>Organisational capacity assessments: start, score, submit, validate (which publishes), correct.</summary>
public static class AssessmentsApi
{
    public static RouteGroupBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/capacity/assessments").WithTags("Assessments").RequireAuthorization(CapacityAccess.ReadAssessments);
        api.MapPost("/", StartAssessment).WithName("StartAssessment")
            .WithSummary("Start a baseline, midline or endline assessment of an organisation").RequireAuthorization(CapacityAccess.Write);
        api.MapGet("/{id:guid}", GetAssessment).WithName("GetAssessment").WithSummary("An assessment with its computed scores");
        api.MapGet("/", ListAssessments).WithName("ListAssessments").WithSummary("Assessments, paged, by organisation, instrument, kind, status and municipality");
        api.MapPut("/{id:guid}/scores", ScoreAssessment).WithName("ScoreAssessment")
            .WithSummary("Score sub-areas of a draft (the organisation's applicant may fill in its own)").RequireAuthorization(CapacityAccess.FillIn);
        api.MapPut("/{id:guid}/people", RecordAssessmentPeople).WithName("RecordAssessmentPeople")
            .WithSummary("Who facilitated and who took part").RequireAuthorization(CapacityAccess.Write);
        api.MapPost("/{id:guid}/submit", SubmitAssessment).WithName("SubmitAssessment")
            .WithSummary("Submit a complete draft for validation").RequireAuthorization(CapacityAccess.FillIn);
        api.MapPost("/{id:guid}/return", ReturnAssessment).WithName("ReturnAssessment")
            .WithSummary("Send a submitted assessment back to its draft").RequireAuthorization(CapacityAccess.Write);
        api.MapPost("/{id:guid}/validate", ValidateAssessment).WithName("ValidateAssessment")
            .WithSummary("Validate: locks the revision and publishes CapacityAssessmentCompleted").RequireAuthorization(CapacityAccess.Write);
        api.MapPost("/{id:guid}/corrections", CorrectAssessment).WithName("CorrectAssessment")
            .WithSummary("Open the next revision of a validated assessment, with a reason").RequireAuthorization(CapacityAccess.Write);
        return api;
    }

    public static async Task<Results<Created<AssessmentResponse>, ValidationProblem>> StartAssessment(
        AssessmentRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.OrganizationId is null)
        {
            errors.Add("organizationId", "Required: the registry id of the organisation assessed.");
        }

        if (request.Kind is null || !Enum.IsDefined(request.Kind.Value))
        {
            errors.Add("kind", $"Use one of {string.Join(", ", Enum.GetNames<AssessmentKind>())}.");
        }

        var codeGiven = !string.IsNullOrWhiteSpace(request.Instrument) && request.Instrument.Length <= Instrument.MaxCodeLength;
        if (!codeGiven)
        {
            errors.Add("instrument", "Required: the instrument's code (oca-cso, hrba-lsg).");
        }

        var organization = request.OrganizationId is { } organizationId
            ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, ct)
            : null;
        if (request.OrganizationId is not null && organization is null)
        {
            errors.Add("organizationId", "Not an organisation of the registry.");
        }

        var instrument = codeGiven ? await InstrumentAsync(db, request.Instrument!, request.InstrumentVersion, ct) : null;
        if (codeGiven && instrument is null)
        {
            var codeKnown = await db.Instruments.AnyAsync(i => i.Code == request.Instrument, ct);
            errors.Add(codeKnown ? "instrumentVersion" : "instrument", codeKnown ? "No such version of the instrument." : "No such instrument.");
        }

        await CheckPeopleAsync(db, request.FacilitatorIds, "facilitatorIds", errors, ct);
        await CheckPeopleAsync(db, request.ParticipantIds, "participantIds", errors, ct);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var kindsTaken = await db.Assessments.Where(a => a.OrganizationId == organization!.Id && a.InstrumentCode == instrument!.Code)
            .Select(a => a.Kind).ToListAsync(ct);
        var assessment = Assessment.Start(organization!.Id, organization.Type, organization.Municipality, instrument!, request.Kind!.Value, kindsTaken,
            request.FacilitatorIds ?? [], request.ParticipantIds ?? [], clock.GetUtcNow());
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/capacity/assessments/{assessment.Id}", AssessmentResponse.From(assessment, instrument!, withPersonalData: true));
    }

    public static async Task<Results<Ok<AssessmentResponse>, NotFound>> GetAssessment(
        Guid id, ClaimsPrincipal user, CapacityDbContext db, PersonalDataAccess personalData, CancellationToken ct)
    {
        if (await VisibleAsync(id, user, db, tracked: false, ct) is not { } assessment)
        {
            return TypedResults.NotFound();
        }

        var instrument = await db.Instruments.AsNoTracking().FirstAsync(i => i.Id == assessment.InstrumentId, ct);
        return TypedResults.Ok(AssessmentResponse.From(assessment, instrument, await personalData.AllowedAsync()));
    }

    public static async Task<Results<Ok<PagedList<AssessmentResponse>>, ValidationProblem>> ListAssessments(
        [AsParameters] AssessmentQuery query, ClaimsPrincipal user, CapacityDbContext db, PersonalDataAccess personalData, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        var kind = QueryFilter.Enum<AssessmentKind>(query.Kind, "kind", errors);
        var status = QueryFilter.Enum<AssessmentStatus>(query.Status, "status", errors);
        QueryFilter.Municipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var assessments = db.Assessments.AsNoTracking();
        // An applicant sees only its own organisation's assessments, whatever it asks for.
        if (!user.ReadsProgrammeData() && user.ApplicantOrganization() is { } own)
        {
            assessments = assessments.Where(a => a.OrganizationId == own);
        }

        if (query.OrganizationId is { } organizationId)
        {
            assessments = assessments.Where(a => a.OrganizationId == organizationId);
        }

        if (query.Instrument is not null)
        {
            assessments = assessments.Where(a => a.InstrumentCode == query.Instrument);
        }

        if (kind is not null)
        {
            assessments = assessments.Where(a => a.Kind == kind);
        }

        if (status is not null)
        {
            assessments = assessments.Where(a => a.Status == status);
        }

        if (query.Municipality is not null)
        {
            assessments = assessments.Where(a => a.Municipality == query.Municipality);
        }

        var total = await assessments.LongCountAsync(ct);
        var page = await assessments.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        var instrumentIds = page.Select(a => a.InstrumentId).Distinct().ToList();
        var instruments = await db.Instruments.AsNoTracking().Where(i => instrumentIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var withPersonalData = await personalData.AllowedAsync();
        return TypedResults.Ok(new PagedList<AssessmentResponse>(
            [.. page.Select(a => AssessmentResponse.From(a, instruments[a.InstrumentId], withPersonalData))], paging.Number, paging.Size, total));
    }

    public static Task<Results<Ok<AssessmentResponse>, NotFound>> ScoreAssessment(
        Guid id, ScoresRequest request, ClaimsPrincipal user, CapacityDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, user, db, ct, (assessment, instrument) =>
        {
            assessment.Score(instrument, request.Scores, clock.GetUtcNow());
            return Task.CompletedTask;
        });

    public static async Task<Results<Ok<AssessmentResponse>, NotFound>> RecordAssessmentPeople(
        Guid id, AssessmentPeopleRequest request, ClaimsPrincipal user, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        // A replacement of both lists: each is required, an empty list says "nobody".
        if (request.FacilitatorIds is null)
        {
            errors.Add("facilitatorIds", "Required: the facilitators (may be empty).");
        }

        if (request.ParticipantIds is null)
        {
            errors.Add("participantIds", "Required: those who took part for the organisation (may be empty).");
        }

        await CheckPeopleAsync(db, request.FacilitatorIds, "facilitatorIds", errors, ct);
        await CheckPeopleAsync(db, request.ParticipantIds, "participantIds", errors, ct);
        errors.ThrowIfAny();
        return await ChangeAsync(id, user, db, ct, (assessment, _) =>
        {
            assessment.RecordPeople(request.FacilitatorIds!, request.ParticipantIds!, clock.GetUtcNow());
            return Task.CompletedTask;
        });
    }

    public static Task<Results<Ok<AssessmentResponse>, NotFound>> SubmitAssessment(
        Guid id, ClaimsPrincipal user, CapacityDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, user, db, ct, (assessment, instrument) =>
        {
            assessment.Submit(instrument, clock.GetUtcNow());
            return Task.CompletedTask;
        });

    public static Task<Results<Ok<AssessmentResponse>, NotFound>> ReturnAssessment(
        Guid id, ClaimsPrincipal user, CapacityDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, user, db, ct, (assessment, _) =>
        {
            assessment.Return(clock.GetUtcNow());
            return Task.CompletedTask;
        });

    public static Task<Results<Ok<AssessmentResponse>, NotFound>> ValidateAssessment(
        Guid id, ClaimsPrincipal user, CapacityDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, user, db, ct, (assessment, instrument) =>
        {
            db.AddIntegrationEvent(assessment.Validate(instrument, clock.Today(), clock.GetUtcNow()), clock);
            return Task.CompletedTask;
        });

    public static Task<Results<Ok<AssessmentResponse>, NotFound>> CorrectAssessment(
        Guid id, CorrectionRequest request, ClaimsPrincipal user, CapacityDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, user, db, ct, (assessment, _) =>
        {
            assessment.Correct(request.Reason, clock.GetUtcNow());
            return Task.CompletedTask;
        });

    internal static async Task<Instrument?> InstrumentAsync(CapacityDbContext db, string code, int? version, CancellationToken ct) =>
        version is { } v
            ? await db.Instruments.AsNoTracking().FirstOrDefaultAsync(i => i.Code == code && i.Version == v, ct)
            : await db.Instruments.AsNoTracking().Where(i => i.Code == code).OrderByDescending(i => i.Version).FirstOrDefaultAsync(ct);

    /// <summary>The assessment, if the caller may see it: an applicant only its own organisation's.</summary>
    internal static async Task<Assessment?> VisibleAsync(Guid id, ClaimsPrincipal user, CapacityDbContext db, bool tracked, CancellationToken ct)
    {
        var assessments = tracked ? db.Assessments : db.Assessments.AsNoTracking();
        return await assessments.FirstOrDefaultAsync(a => a.Id == id, ct) is { } assessment && user.Sees(assessment.OrganizationId) ? assessment : null;
    }

    /// <summary>Loads, lets the domain change it, saves (events included, in one transaction) and answers with the result.</summary>
    private static async Task<Results<Ok<AssessmentResponse>, NotFound>> ChangeAsync(
        Guid id, ClaimsPrincipal user, CapacityDbContext db, CancellationToken ct, Func<Assessment, Instrument, Task> change)
    {
        if (await VisibleAsync(id, user, db, tracked: true, ct) is not { } assessment)
        {
            return TypedResults.NotFound();
        }

        var instrument = await db.Instruments.AsNoTracking().FirstAsync(i => i.Id == assessment.InstrumentId, ct);
        await change(assessment, instrument);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AssessmentResponse.From(assessment, instrument, withPersonalData: user.Writes()));
    }

    private static async Task CheckPeopleAsync(CapacityDbContext db, List<Guid>? ids, string field, ValidationErrors errors, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0)
        {
            return;
        }

        if (ids.Count > Assessment.MaxPeople)
        {
            errors.Add(field, $"At most {Assessment.MaxPeople}.");
            return;
        }

        var known = await db.Participants.Where(p => ids.Contains(p.Id) && p.ErasedAt == null).Select(p => p.Id).ToListAsync(ct);
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.Contains(ids[i]))
            {
                errors.Add($"{field}[{i}]", "Not a person of Capacity's participant registry.");
            }
        }
    }
}
