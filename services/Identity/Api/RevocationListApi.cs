using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Identity.Tokens;

namespace Platform.Identity.Api;

/// <summary>
/// The revocation list the gateway and every service poll every few seconds (see docs/identity.md): open like the
/// signing keys, since it holds only hashes, and empty at rest.
/// </summary>
public static class RevocationListApi
{
    public const string Path = "/api/identity/connect/revocations";

    public static IEndpointRouteBuilder MapRevocationListApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, GetRevocations).WithTags("OpenID Connect").WithName("GetRevocations")
            .WithSummary("Revoked subjects, sessions and access tokens (SHA-256 hashes) whose access tokens may still be unexpired")
            .AllowAnonymous();
        return app;
    }

    public static async Task<Ok<RevocationListResponse>> GetRevocations(TokenRevoker revoker, HttpContext context, CancellationToken ct)
    {
        // Every poll must see the latest state: no proxy or client cache in between.
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new RevocationListResponse(await revoker.LiveAsync(ct)));
    }
}
