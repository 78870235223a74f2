using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Partnerships.Data;
using Platform.Partnerships.Recommendations;

namespace Platform.Partnerships.Api;

/// <summary>The Alliance's recommendations: drafted, endorsed by vote, submitted, answered, implemented; every step on the timeline.</summary>
public static class RecommendationsApi
{
    public static RouteGroupBuilder MapRecommendationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/partnerships/recommendations").WithTags("Recommendations").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        var write = PartnershipsAccess.Manage;

        api.MapPost("/", Draft).WithName("DraftRecommendation").WithSummary("Draft a recommendation to an authority").RequireAuthorization(write);
        api.MapGet("/", ListRecommendations).WithName("ListRecommendations").WithSummary("Recommendations, paged, by status and municipality concerned");
        api.MapGet("/{id:guid}", GetRecommendation).WithName("GetRecommendation").WithSummary("A recommendation with its votes and timeline");
        api.MapPost("/{id:guid}/vote", Vote).WithName("VoteOnRecommendation")
            .WithSummary("The recorded vote of the members present at an Alliance meeting; endorsed with a quorum and a majority").RequireAuthorization(write);
        api.MapPost("/{id:guid}/submit", Submit).WithName("SubmitRecommendation").WithSummary("Submitted to the authority").RequireAuthorization(write);
        api.MapPost("/{id:guid}/answer", Answer).WithName("AnswerRecommendation")
            .WithSummary("The authority's answer; adopted publishes RecommendationAdopted").RequireAuthorization(write);
        api.MapPost("/{id:guid}/progress", Progress).WithName("RecordRecommendationProgress")
            .WithSummary("Implementation progress with evidence; publishes RecommendationImplemented").RequireAuthorization(write);
        return api;
    }

    public static async Task<Results<Created<RecommendationResponse>, ValidationProblem>> Draft(
        RecommendationRequest request, ClaimsPrincipal user, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var authority = request.AuthorityOrganizationId is { } authorityId ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == authorityId, ct) : null;
        var recommendation = Recommendation.Create(new Recommendation.Draft(request.Title, request.Summary, request.Problem, request.Evidence, request.ProposedAction,
            request.AuthorityOrganizationId, request.AuthorityName, request.Municipalities, request.Note), authority, user.Actor(), clock.Today(), clock.GetUtcNow());
        db.Recommendations.Add(recommendation);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/partnerships/recommendations/{recommendation.Id}", RecommendationResponse.From(recommendation));
    }

    public static async Task<Results<Ok<PagedList<RecommendationResponse>>, ValidationProblem>> ListRecommendations(
        [AsParameters] RecommendationQuery query, ClaimsPrincipal user, PartnershipsDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        QueryFilter.Municipality(query.Municipality, errors);
        var status = QueryFilter.Enum<RecommendationStatus>(query.Status, "status", errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var recommendations = Visible(db.Recommendations.AsNoTracking(), user);
        if (status is not null)
        {
            recommendations = recommendations.Where(r => r.Status == status);
        }

        if (query.Municipality is not null)
        {
            recommendations = recommendations.Where(r => r.Municipalities.Contains(query.Municipality));
        }

        var total = await recommendations.LongCountAsync(ct);
        var page = await recommendations.OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).Skip(paging.Skip).Take(paging.Size).AsSplitQuery().ToListAsync(ct);
        return TypedResults.Ok(new PagedList<RecommendationResponse>([.. page.Select(RecommendationResponse.From)], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<RecommendationResponse>, NotFound>> GetRecommendation(Guid id, ClaimsPrincipal user, PartnershipsDbContext db, CancellationToken ct) =>
        await Visible(db.Recommendations.AsNoTracking(), user).AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct) is { } recommendation
            ? TypedResults.Ok(RecommendationResponse.From(recommendation))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<VoteResponse>, NotFound, ValidationProblem>> Vote(
        Guid id, VoteRequest request, ClaimsPrincipal user, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (await db.Recommendations.AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } recommendation)
        {
            return TypedResults.NotFound();
        }

        if (request.MeetingId is not { } meetingId || await db.Meetings.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(m => m.Id == meetingId, ct) is not { } meeting)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["meetingId"] = ["Required: the Alliance meeting where the members voted."] });
        }

        var memberships = await db.AllianceMembers.AsNoTracking().ToListAsync(ct);
        var result = recommendation.Vote(meeting, request.Votes?.Select(v => new Recommendation.Ballot(v?.OrganizationId, v?.Choice)).ToList(),
            memberships, user.Actor(), request.Note, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new VoteResponse(result.Endorsed, result.MembersOnTheDay, result.Present, result.For, result.Against, result.Abstain,
            RecommendationResponse.From(recommendation)));
    }

    public static Task<Results<Ok<RecommendationResponse>, NotFound>> Submit(
        Guid id, SubmitRequest request, ClaimsPrincipal user, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, ct, r =>
        {
            r.Submit(request.SubmittedOn, request.Reference, user.Actor(), request.Note, clock.Today(), clock.GetUtcNow());
            return null;
        });

    public static Task<Results<Ok<RecommendationResponse>, NotFound>> Answer(
        Guid id, AnswerRequest request, ClaimsPrincipal user, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, ct, r => r.RecordAnswer(request.Answer, request.Reply, request.AnsweredOn, user.Actor(), request.Note, clock.Today(), clock.GetUtcNow()), clock);

    public static Task<Results<Ok<RecommendationResponse>, NotFound>> Progress(
        Guid id, ProgressRequest request, ClaimsPrincipal user, PartnershipsDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, ct, r => r.RecordProgress(request.ProgressPercent, request.Evidence, request.RecordedOn, user.Actor(), request.Note, clock.Today(), clock.GetUtcNow()), clock);

    /// <summary>The monitor reads adopted recommendations only (they are public); teams read all.</summary>
    private static IQueryable<Recommendation> Visible(IQueryable<Recommendation> recommendations, ClaimsPrincipal user) =>
        user.ReadsOnlyPublic()
            ? recommendations.Where(r => r.Status == RecommendationStatus.Adopted || r.Status == RecommendationStatus.PartiallyAdopted || r.Status == RecommendationStatus.Implemented)
            : recommendations;

    private static async Task<Results<Ok<RecommendationResponse>, NotFound>> ChangeAsync(
        Guid id, PartnershipsDbContext db, CancellationToken ct, Func<Recommendation, Platform.Contracts.IIntegrationEvent?> change, TimeProvider? clock = null)
    {
        if (await db.Recommendations.AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct) is not { } recommendation)
        {
            return TypedResults.NotFound();
        }

        if (change(recommendation) is { } published)
        {
            db.AddIntegrationEvent(published, clock!);
        }

        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(RecommendationResponse.From(recommendation));
    }
}
