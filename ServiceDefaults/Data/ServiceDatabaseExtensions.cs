using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Data;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database: a pooled DbContext with snake_case names, Aspire's health check,
    /// retries and telemetry, the outbox wake-up, and migrations applied before the service starts listening.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext, IOutboxDbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set: the service needs its PostgreSQL database.");

        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        builder.Services.AddDbContextPool<TDbContext>((services, options) => options
            .UseNpgsql(connectionString)
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>()));
        builder.EnrichNpgsqlDbContext<TDbContext>();

        // Registered before messaging on purpose: hosted services start in order, so nothing consumes or
        // dispatches before the schema exists.
        builder.Services.AddHostedService<DatabaseMigrator<TDbContext>>();
        return builder;
    }
}
