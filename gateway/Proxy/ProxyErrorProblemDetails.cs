using Microsoft.AspNetCore.Http.HttpResults;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace Platform.Gateway.Proxy;

/// <summary>
/// YARP answers a failed forward with a bare status code and an empty body (and logs the error itself, at
/// Warning); this step of the proxy pipeline turns it into an RFC 7807 problem that names the service:
/// 502 when it cannot be reached (refused, unknown host, or no connection within the connect timeout),
/// 504 when it stays silent longer than its request timeout, 503 when no destination is available.
/// </summary>
public static class ProxyErrorProblemDetails
{
    public static IReverseProxyApplicationBuilder UseProxyErrorProblemDetails(this IReverseProxyApplicationBuilder proxy)
    {
        proxy.Use(async (context, next) =>
        {
            await next();

            var error = context.GetForwarderErrorFeature();
            if (error is null || context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
            {
                return; // Nothing failed, part of the answer is already on its way, or the client left.
            }

            var proxyFeature = context.GetReverseProxyFeature();
            var service = proxyFeature.Route.Config.ClusterId ?? proxyFeature.Route.Config.RouteId;
            await ProblemFor(context.Response.StatusCode, service, error, proxyFeature.Cluster?.Config).ExecuteAsync(context);
        });
        return proxy;
    }

    private static ProblemHttpResult ProblemFor(int status, string service, IForwarderErrorFeature error, ClusterConfig? cluster)
    {
        if (error.Error == ForwarderError.RequestTimedOut && !IsConnectTimeout(error.Exception))
        {
            var timeout = cluster?.HttpRequest?.ActivityTimeout ?? TimeSpan.FromSeconds(100); // YARP's default
            return TypedResults.Problem(
                statusCode: StatusCodes.Status504GatewayTimeout,
                title: "Service timed out",
                detail: $"The {service} service did not answer within {timeout.TotalSeconds:0.#} s.");
        }

        if (TooLarge(error.Exception))
        {
            // A chunked body (no Content-Length) outgrew the limit while it was being forwarded.
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large");
        }

        return status switch
        {
            StatusCodes.Status503ServiceUnavailable => TypedResults.Problem(
                statusCode: status,
                title: "Service unavailable",
                detail: $"No instance of the {service} service is available."),
            StatusCodes.Status400BadRequest => TypedResults.Problem(
                statusCode: status,
                title: "Bad request",
                detail: "The request body could not be read."),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "Service unavailable",
                detail: $"The {service} service could not be reached."),
        };
    }

    private static bool TooLarge(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>SocketsHttpHandler reports its ConnectTimeout as a cancellation caused by a TimeoutException.</summary>
    private static bool IsConnectTimeout(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException)
            {
                return true;
            }
        }

        return false;
    }
}
