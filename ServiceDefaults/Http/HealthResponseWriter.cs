using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// Writes health as JSON, one entry per check with its error, so an operator sees which dependency is down; but
/// only to a caller on the same machine or the programme admin. Exception text names hosts, users and versions:
/// everyone else (a probe from the orchestrator, a stranger) gets the plain status, and the status code says the same.
/// </summary>
internal static class HealthResponseWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (!MaySeeDetails(context))
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(report.Status.ToString());
        }

        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, error = e.Value.Exception?.Message }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }

    /// <summary>
    /// A loopback caller (after forwarded headers, which are trusted only from loopback proxies: a request the gateway
    /// forwards carries its client's address) or a valid programme-admin token. An unknown address is a stranger.
    /// </summary>
    internal static bool MaySeeDetails(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } address && IPAddress.IsLoopback(address)
        || context.User.IsInRole(PlatformRoles.ProgrammeAdmin);
}
