using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Platform.ServiceDefaults.Http;

public static class CorrelationId
{
    /// <summary>The header that ties together what one client request caused, across services.</summary>
    public const string HeaderName = "X-Correlation-Id";

    internal const string ItemKey = "CorrelationId";

    /// <summary>A client's id is kept only if it is short and plain; anything else is replaced.</summary>
    public static bool IsAcceptable(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    public static string? Of(HttpContext context) => context.Items.TryGetValue(ItemKey, out var value) ? value as string : null;
}

/// <summary>
/// Accepts the caller's correlation id (or makes one), returns it, puts it in every log line's scope and on the
/// trace as baggage, so that the gateway, the service and the consumers of its events share it.
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next, ILogger<CorrelationIdMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[CorrelationId.HeaderName].ToString();
        var correlationId = CorrelationId.IsAcceptable(incoming) ? incoming : Guid.NewGuid().ToString("N");

        context.Items[CorrelationId.ItemKey] = correlationId;
        context.Request.Headers[CorrelationId.HeaderName] = correlationId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = correlationId;
            return Task.CompletedTask;
        });
        Activity.Current?.SetTag("correlation.id", correlationId);
        Activity.Current?.SetBaggage("correlation.id", correlationId);

        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }
}
