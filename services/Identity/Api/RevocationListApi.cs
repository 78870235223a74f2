using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Platform.Identity.Tokens;

namespace Platform.Identity.Api;

/// <summary>
/// The revocation list the gateway and every service follow (see docs/identity.md): open like the signing keys, since
/// it holds only hashes, and empty at rest. A validator sends the version it has (<c>If-None-Match</c>) and how long it
/// may be held (<c>wait</c>, seconds): it gets the list as soon as it changes, or 304 when the wait ends first.
/// </summary>
public static class RevocationListApi
{
    public const string Path = RevocationList.Path;

    /// <summary>Longer than a validator's own limit would only turn into its timeout.</summary>
    public const int MaxWaitSeconds = 60;

    public static IEndpointRouteBuilder MapRevocationListApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetRevocations).WithTags("OpenID Connect").WithName("GetRevocations")
            .WithSummary("Revoked subjects, sessions and access tokens (SHA-256 hashes) whose access tokens may still be unexpired; with If-None-Match and wait, held until the list changes")
            .Produces(StatusCodes.Status304NotModified).AllowAnonymous();
        return app;
    }

    public static async Task<Results<Ok<RevocationListResponse>, StatusCodeHttpResult, ValidationProblem>> GetRevocations(
        RevocationFeed feed, HttpContext context, int? wait, CancellationToken ct)
    {
        if (wait is < 0 or > MaxWaitSeconds)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["wait"] = [$"Must be 0 to {MaxWaitSeconds} seconds."] });
        }

        // Every answer must be the token server's latest: no proxy or client cache in between.
        context.Response.Headers.CacheControl = "no-store";
        var known = context.Request.Headers.IfNoneMatch.ToString() is { Length: > 2 } tag && tag[0] == '"' && tag[^1] == '"' ? tag[1..^1] : null;
        var list = await feed.NextAsync(known, TimeSpan.FromSeconds(known is null ? 0 : wait ?? 0), ct);
        context.Response.Headers.ETag = new EntityTagHeaderValue($"\"{list?.Version ?? known}\"").ToString();
        return list is null || list.Version == known
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(new RevocationListResponse(list.Entries));
    }
}
