using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Platform.ServiceDefaults.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>
    /// POST commands accept an <c>Idempotency-Key</c>: the first response is recorded in the service's own database,
    /// in the command's transaction, and a repeat of the key returns it instead of running the command twice.
    /// The service's DbContext maps the table (<see cref="IdempotencyRecords.AddIdempotencyRecords"/>). Redis is
    /// not involved: a keyed POST works as long as the service's database does.
    /// </summary>
    public static IHostApplicationBuilder AddIdempotentCommands(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>().BindConfiguration("Idempotency");
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<IdempotencyRecordPruner>();
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

    /// <summary>How often expired records are deleted.</summary>
    public TimeSpan PruneEvery { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A server secret mixed into the keys derived from a client's Idempotency-Key (optional): with it, reading the
    /// database is not enough to open a record even for a guessable key.
    /// </summary>
    public string? Secret { get; set; }
}
