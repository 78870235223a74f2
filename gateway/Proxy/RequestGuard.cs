using System.Text;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Platform.Gateway.Proxy;

/// <summary>
/// What the gateway answers itself, as problem details, instead of passing on something the service or the proxy's
/// HTTP client would fail on (a 502 for the caller):
/// a body over the size limit (a 413 before the body is sent on; the service's own 413 otherwise arrives while the
/// proxy is still sending, which the proxy reports as a broken connection), and a header value the forwarding client
/// cannot send (anything but visible ASCII and tabs: HttpClient refuses it). Header bytes that are not UTF-8
/// (Latin-1) are read as Latin-1 by Kestrel (see <see cref="ReadHeadersAsLatin1"/>), so they reach this check too
/// instead of a bare 400 from the server.
/// </summary>
public sealed class RequestGuard(RequestDelegate next, IOptions<KestrelServerOptions> kestrel)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = kestrel.Value.Limits.MaxRequestBodySize;
        if (limit is { } max && context.Request.ContentLength > max)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large",
                detail: $"The body may be at most {max} bytes.").ExecuteAsync(context);
            return;
        }

        foreach (var (name, values) in context.Request.Headers)
        {
            if (values.Any(v => v is not null && !IsSendable(v)))
            {
                await TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { [name] = ["Header values may hold only visible ASCII characters."] },
                    title: "Bad header").ExecuteAsync(context);
                return;
            }
        }

        await next(context);
    }

    private static bool IsSendable(string value)
    {
        foreach (var c in value)
        {
            if (c is not ('\t' or (>= ' ' and <= '~')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Kestrel reads header bytes as Latin-1 (every byte is a character), so none is refused before the guard.</summary>
    public static void ReadHeadersAsLatin1(KestrelServerOptions options) => options.RequestHeaderEncodingSelector = _ => Encoding.Latin1;
}

public static class RequestGuardExtensions
{
    /// <summary>Kestrel reads every header byte (see <see cref="RequestGuard.ReadHeadersAsLatin1"/>), so that the guard can answer bad ones.</summary>
    public static IHostApplicationBuilder AddRequestGuard(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<KestrelServerOptions>(RequestGuard.ReadHeadersAsLatin1);
        return builder;
    }

    public static IApplicationBuilder UseRequestGuard(this IApplicationBuilder app) => app.UseMiddleware<RequestGuard>();
}
