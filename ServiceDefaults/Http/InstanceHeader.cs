using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// With <c>Platform:InstanceHeader</c> on (the AppHost turns it on for a process it runs in several replicas), every
/// response carries <c>X-Served-By: {application}/{instance}</c>, one entry per hop (the service's, then the
/// gateway's), so that a test or an operator can see that requests were spread over the replicas. The instance is a
/// random id of the process, which says nothing about the machine.
/// </summary>
public static class InstanceHeader
{
    public const string HeaderName = "X-Served-By";

    public const string SettingName = "Platform:InstanceHeader";

    /// <summary>This process, as it names itself in the header.</summary>
    public static readonly string Instance = Guid.NewGuid().ToString("N")[..12];

    internal static WebApplication UseInstanceHeader(this WebApplication app)
    {
        if (!app.Configuration.GetValue(SettingName, false))
        {
            return app;
        }

        var servedBy = $"{app.Environment.ApplicationName}/{Instance}";
        app.Use((context, next) =>
        {
            // On starting: after the gateway copied the proxied response's headers, so the service's entry comes first.
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.Append(HeaderName, servedBy);
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
