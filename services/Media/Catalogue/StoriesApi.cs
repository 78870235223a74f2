using Platform.ServiceDefaults.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.ReferenceData;
using Platform.Media.Data;
using Platform.Media.Results;
using Platform.ServiceDefaults.Security;

namespace Platform.Media.Catalogue;

/// <summary>The media team's work on stories: drafts from events, edited, approved, published to the public catalogue.</summary>
public static class StoriesApi
{
    public static RouteGroupBuilder MapStoriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/media/stories").WithTags("Stories").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        var write = PlatformPolicies.WriteIn("media");

        api.MapGet("/", ListStories).WithName("ListStories").WithSummary("Stories, paged, by status and municipality");
        api.MapGet("/{id:guid}", GetStory).WithName("GetStory").WithSummary("A story by id");
        api.MapPut("/{id:guid}", EditStory).WithName("EditStory").WithSummary("Rewrite a story; an approved story returns to draft").RequireAuthorization(write);
        api.MapPost("/{id:guid}/approve", Approve).WithName("ApproveStory").WithSummary("Approve a draft").RequireAuthorization(write);
        api.MapPost("/{id:guid}/publish", Publish).WithName("PublishStory").WithSummary("Publish an approved story to the catalogue").RequireAuthorization(write);
        api.MapPost("/{id:guid}/unpublish", Unpublish).WithName("UnpublishStory").WithSummary("Take a story off the catalogue, back to draft").RequireAuthorization(write);
        return api;
    }

    public static async Task<Results<Ok<PagedList<StoryResponse>>, ValidationProblem>> ListStories(
        [AsParameters] StoryQuery query, MediaDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        StoryStatus? status = null;
        if (query.Status is not null)
        {
            if (Enum.TryParse<StoryStatus>(query.Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(query.Status, out _))
            {
                status = parsed;
            }
            else
            {
                errors.Add("status", $"One of {string.Join(", ", Enum.GetNames<StoryStatus>())}.");
            }
        }

        CatalogueApi.ValidateMunicipality(query.Municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var stories = db.Stories.AsNoTracking();
        if (status is not null)
        {
            stories = stories.Where(s => s.Status == status);
        }

        if (query.Municipality is not null)
        {
            stories = stories.Where(s => s.Municipality == query.Municipality);
        }

        var total = await stories.LongCountAsync(ct);
        var page = await stories.OrderByDescending(s => s.CreatedAt).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<StoryResponse>([.. page.Select(StoryResponse.From)], paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<StoryResponse>, NotFound>> GetStory(Guid id, MediaDbContext db, CancellationToken ct) =>
        await db.Stories.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) is { } story
            ? TypedResults.Ok(StoryResponse.From(story))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<StoryResponse>, NotFound, ValidationProblem>> EditStory(
        Guid id, StoryEditRequest request, HttpContext http, MediaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        LocalizedText.Validate(request.Title, "title", Story.MaxTitleLength, errors);
        LocalizedText.Validate(request.Body, "body", Story.MaxBodyLength, errors);
        var personal = request.ContainsPersonalData ?? false;
        if (personal)
        {
            if (request.Consent is not { Given: true })
            {
                errors.Add("consent.given", "A story that names or shows a person needs their consent, recorded: given must be true.");
            }

            errors.Required(request.Consent?.Reference, "consent.reference", Story.MaxConsentReferenceLength);
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (await db.Stories.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } story)
        {
            return TypedResults.NotFound();
        }

        story.Edit(LocalizedText.From(request.Title!), LocalizedText.From(request.Body!), personal, personal ? request.Consent!.Reference!.Trim() : null,
            http.User.Subject() ?? "unknown", clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(StoryResponse.From(story));
    }

    public static Task<Results<Ok<StoryResponse>, NotFound>> Approve(Guid id, HttpContext http, MediaDbContext db, TimeProvider clock, CancellationToken ct) =>
        ChangeAsync(id, db, story => story.Approve(http.User.Subject() ?? "unknown", clock.GetUtcNow()), null, ct);

    /// <summary>Publishing changes what the public sees: the catalogue's cached pages are evicted once it is saved.</summary>
    public static Task<Results<Ok<StoryResponse>, NotFound>> Publish(Guid id, MediaDbContext db, TimeProvider clock, IOutputCacheStore cache, CancellationToken ct) =>
        ChangeAsync(id, db, story => story.Publish(clock.GetUtcNow()), cache, ct);

    public static Task<Results<Ok<StoryResponse>, NotFound>> Unpublish(Guid id, MediaDbContext db, TimeProvider clock, IOutputCacheStore cache, CancellationToken ct) =>
        ChangeAsync(id, db, story => story.Unpublish(clock.GetUtcNow()), cache, ct);

    private static async Task<Results<Ok<StoryResponse>, NotFound>> ChangeAsync(
        Guid id, MediaDbContext db, Action<Story> change, IOutputCacheStore? cache, CancellationToken ct)
    {
        if (await db.Stories.FirstOrDefaultAsync(s => s.Id == id, ct) is not { } story)
        {
            return TypedResults.NotFound();
        }

        change(story);
        await db.SaveChangesAsync(ct);
        if (cache is not null)
        {
            await cache.EvictByTagAsync(FactsConsumer.CacheTag, ct);
        }

        return TypedResults.Ok(StoryResponse.From(story));
    }
}
