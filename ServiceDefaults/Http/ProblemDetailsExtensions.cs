using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Text.Json.Serialization;

namespace Platform.ServiceDefaults.Http;

public static class ProblemDetailsExtensions
{
    /// <summary>
    /// RFC 7807 problem details for every error, with the trace and correlation ids, and request-binding
    /// failures (broken JSON, wrong types, unknown enum values) turned into 400s that name the field.
    /// </summary>
    public static TBuilder AddPlatformProblemDetails<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
            if (context.HttpContext.Items.TryGetValue(CorrelationId.ItemKey, out var correlationId))
            {
                context.ProblemDetails.Extensions.TryAdd("correlationId", correlationId);
            }
        });
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

        // Throw on binding failures so that BadRequestExceptionHandler can say which field was wrong.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            options.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // A number sent as a string ("12") is a wrong type, not a number: the web defaults would read it.
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
            options.SerializerOptions.Converters.Add(new StorableStringConverter());
            // {"name": "a", "name": "b"} (or "Name" beside "name") is refused instead of keeping the last value.
            options.SerializerOptions.AllowDuplicateProperties = false;
            PlausibleDates.AddTo(options.SerializerOptions);
        });
        return builder;
    }

    /// <summary>The error-handling and correlation middleware every service puts first.</summary>
    public static WebApplication UsePlatformDefaults(this WebApplication app)
    {
        app.UseMiddleware<CorrelationIdMiddleware>();
        app.UseInstanceHeader();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }
}
