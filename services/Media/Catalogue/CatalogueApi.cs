using Platform.ServiceDefaults.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Platform.Contracts.ReferenceData;

namespace Platform.Media.Catalogue;

/// <summary>
/// The public catalogue's JSON API: anyone may read it, through the gateway without a token; every response is
/// output-cached in Redis and evicted when a story is published or a fact changes the figures.
/// </summary>
public static class CatalogueApi
{
    public static RouteGroupBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/media/catalogue").WithTags("Public catalogue").AllowAnonymous().CacheOutput(CatalogueCaching.Policy);

        api.MapGet("/results", ListResults).WithName("CatalogueResults").WithSummary("Results 1-3 with their indicators and actuals per quarter");
        api.MapGet("/indicators/{code}", GetIndicator).WithName("CatalogueIndicator").WithSummary("One indicator's actuals per quarter and municipality");
        api.MapGet("/stories", ListStories).WithName("CatalogueStories").WithSummary("Published stories, newest first");
        api.MapGet("/stories/{id:guid}", GetStory).WithName("CatalogueStory").WithSummary("A published story");
        api.MapGet("/recommendations", ListRecommendations).WithName("CatalogueRecommendations").WithSummary("Recommendations adopted by authorities, with their implementation");
        api.MapGet("/services", ListServices).WithName("CatalogueServices").WithSummary("Social services institutionalised with municipal funding");
        api.MapGet("/calls", ListCalls).WithName("CatalogueCalls").WithSummary("Grant calls open for applications (deadline ahead)")
            .CacheOutput(CatalogueCaching.CallsPolicy);
        return api;
    }

    public static void ValidateMunicipality(string? municipality, ValidationErrors errors)
    {
        if (municipality is not null && !Municipality.IsKnown(municipality))
        {
            errors.Add("municipality", $"One of {string.Join(", ", Municipality.All)}.");
        }
    }

    private static ValidationErrors Check(CatalogueQuery query, out Paging paging)
    {
        var errors = new ValidationErrors();
        paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        ValidateMunicipality(query.Municipality, errors);
        return errors;
    }

    private static PagedList<T> PageOf<T>(IReadOnlyList<T> items, Paging paging) =>
        new([.. items.Skip(paging.Skip).Take(paging.Size)], paging.Number, paging.Size, items.Count);

    public static async Task<Results<Ok<IReadOnlyList<PublicResult>>, ValidationProblem>> ListResults(
        string? municipality, PublicFigures figures, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ValidateMunicipality(municipality, errors);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await figures.ResultsAsync(municipality, ct));
    }

    public static async Task<Results<Ok<PublicIndicator>, NotFound, ValidationProblem>> GetIndicator(
        string code, string? municipality, PublicFigures figures, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        ValidateMunicipality(municipality, errors);
        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        return await figures.IndicatorAsync(code, municipality, ct) is { } indicator ? TypedResults.Ok(indicator) : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<PagedList<PublicStoryResponse>>, ValidationProblem>> ListStories(
        [AsParameters] CatalogueQuery query, PublicFigures figures, CancellationToken ct)
    {
        var errors = Check(query, out var paging);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await figures.StoriesAsync(query.Municipality, paging, ct));
    }

    public static async Task<Results<Ok<PublicStoryResponse>, NotFound>> GetStory(Guid id, PublicFigures figures, CancellationToken ct) =>
        await figures.StoryAsync(id, ct) is { } story ? TypedResults.Ok(story) : TypedResults.NotFound();

    public static async Task<Results<Ok<PagedList<PublicRecommendation>>, ValidationProblem>> ListRecommendations(
        [AsParameters] CatalogueQuery query, PublicFigures figures, CancellationToken ct)
    {
        var errors = Check(query, out var paging);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(PageOf(await figures.RecommendationsAsync(query.Municipality, ct), paging));
    }

    public static async Task<Results<Ok<PagedList<PublicService>>, ValidationProblem>> ListServices(
        [AsParameters] CatalogueQuery query, PublicFigures figures, CancellationToken ct)
    {
        var errors = Check(query, out var paging);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(PageOf(await figures.ServicesAsync(query.Municipality, ct), paging));
    }

    public static async Task<Results<Ok<PagedList<PublicCall>>, ValidationProblem>> ListCalls(
        [AsParameters] CatalogueQuery query, PublicFigures figures, CancellationToken ct)
    {
        var errors = Check(query, out var paging);
        return errors.Any ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(PageOf(await figures.OpenCallsAsync(query.Municipality, ct), paging));
    }
}
