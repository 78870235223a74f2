using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Idempotency;

/// <summary>
/// Makes a POST with an <c>Idempotency-Key</c> header safe to repeat. The first request with a key runs and its
/// response (anything but a 5xx) is kept; a repeat with the same body gets that response again, marked with
/// <c>Idempotent-Replayed: true</c>; a repeat while the first still runs gets 409; the same key with a different
/// body gets 422. Keys are scoped to the route, so one key cannot replay another endpoint's answer.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store, IProblemDetailsService problems)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    private const int MaxKeyLength = 200;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(HeaderName, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key",
                $"The {HeaderName} header must be 1 to {MaxKeyLength} characters.", new Dictionary<string, string[]> { [HeaderName] = ["Must be 1 to 200 characters."] });
            return;
        }

        var fingerprint = await FingerprintAsync(context.Request);
        // Scoped to the caller and the route: one client's key can neither replay nor block another's.
        var redisKey = store.KeyFor($"{context.User.Subject() ?? "anonymous"}:{context.Request.Path}", key);
        var existing = await store.TryClaimAsync(redisKey, fingerprint);
        if (existing is not null)
        {
            await AnswerRepeatAsync(context, existing, fingerprint);
            return;
        }

        var originalBody = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            await store.ReleaseAsync(redisKey);
            throw;
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        if (context.Response.StatusCode >= 500)
        {
            // A server failure is not an answer: let the client try again with the same key.
            await store.ReleaseAsync(redisKey);
        }
        else
        {
            var response = new StoredResponse(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null, buffer.ToArray());
            await store.CompleteAsync(redisKey, fingerprint, response);
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(originalBody, context.RequestAborted);
    }

    private async Task AnswerRepeatAsync(HttpContext context, IdempotencyRecord existing, string fingerprint)
    {
        if (existing.Fingerprint != fingerprint)
        {
            await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                "This key was already used for a different request; use a new key for a new command.", null);
            return;
        }

        if (existing.Response is not { } response)
        {
            await WriteProblemAsync(context, StatusCodes.Status409Conflict, "Request in progress",
                "A request with this Idempotency-Key is still being processed; repeat it in a moment.", null);
            return;
        }

        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = response.ContentType;
        if (response.Location is not null)
        {
            context.Response.Headers.Location = response.Location;
        }

        context.Response.Headers[ReplayedHeaderName] = "true";
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        var hash = await SHA256.HashDataAsync(request.Body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return Convert.ToHexString(hash);
    }

    private async Task WriteProblemAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors)
    {
        context.Response.StatusCode = status;
        ProblemDetails problem = errors is null
            ? new ProblemDetails { Status = status, Title = title, Detail = detail }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
