using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>The Redis connection (StackExchange.Redis form) that keeps the responses of idempotent commands.</summary>
    public const string ConnectionName = "cache";

    /// <summary>
    /// POST commands accept an <c>Idempotency-Key</c>: the first response is kept in Redis for a day and a
    /// repeat of the key returns it again instead of running the command twice.
    /// </summary>
    public static IHostApplicationBuilder AddIdempotentCommands(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient(ConnectionName);
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration("Idempotency");
        builder.Services.AddSingleton<IdempotencyStore>();
        return builder;
    }

    public static WebApplication UseIdempotentCommands(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}

public sealed class IdempotencyOptions
{
    /// <summary>How long a response is kept for replay.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a key stays claimed by a request that is still running (or died) before another may run.</summary>
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
