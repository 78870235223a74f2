using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Data;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database: a pooled DbContext with snake_case names, Aspire's health check,
    /// retries and telemetry, the outbox wake-up, migrations applied before the service starts listening, and the
    /// data-protection keys shared by its replicas (<see cref="DataProtectionKeys"/>).
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext, IOutboxDbContext
    {
        var configured = builder.Configuration.GetConnectionString(connectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{connectionName} is not set: the service needs its PostgreSQL database.");
        // Several services share one server: a burst in one must not take every connection the server has.
        var connection = new NpgsqlConnectionStringBuilder(configured);
        if (!configured.Contains("Maximum Pool Size", StringComparison.OrdinalIgnoreCase) && !configured.Contains("MaxPoolSize", StringComparison.OrdinalIgnoreCase))
        {
            connection.MaxPoolSize = builder.Configuration.GetValue("Database:MaxPoolSize", 40);
        }

        // Pooled connections carry no session state the platform relies on (no SET, temporary table or session lock:
        // the migrator's lock and the outbox listener use connections of their own), so a connection returned to the
        // pool is not reset: the DISCARD ALL Npgsql sends otherwise ran on every use (1.3 per registration on the
        // write path, bench/cost.sh) and threw away the server's plans each time.
        if (!configured.Contains("No Reset On Close", StringComparison.OrdinalIgnoreCase) && !configured.Contains("NoResetOnClose", StringComparison.OrdinalIgnoreCase))
        {
            connection.NoResetOnClose = true;
        }

        // The same few statements run again and again (a command's inserts, the outbox claim, the idempotency record):
        // prepared on a connection after a few uses, the server parses and plans each once per connection, not per call.
        if (!configured.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase) && !configured.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            connection.MaxAutoPrepare = builder.Configuration.GetValue("Database:MaxAutoPrepare", 100);
        }

        var connectionString = connection.ConnectionString;

        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddSingleton<AuditInterceptor>();
        // Transient failures are retried, but for less than the gateway waits for an answer (30 s): a request during
        // a longer outage gets a clean 503 (BadRequestExceptionHandler) instead of the gateway's 504. Consumers retry
        // further through MassTransit.
        var retries = builder.Configuration.GetValue("Database:RetryCount", 4);
        var longestRetryDelay = builder.Configuration.GetValue("Database:MaxRetryDelay", TimeSpan.FromSeconds(4));
        builder.Services.AddDbContextPool<TDbContext>((services, options) => options
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(retries, longestRetryDelay, errorCodesToAdd: null))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(services.GetRequiredService<OutboxSignalInterceptor>(), services.GetRequiredService<AuditInterceptor>()));
        builder.EnrichNpgsqlDbContext<TDbContext>(settings => settings.DisableRetry = true); // retries are configured above
        builder.Services.TryAddScoped(services => new ServiceDbContext(services.GetRequiredService<TDbContext>()));

        // Registered before messaging on purpose: hosted services start in order, so nothing consumes or
        // dispatches before the schema exists.
        builder.Services.AddHostedService<DatabaseMigrator<TDbContext>>();
        // After the migrator, which creates the keys' table: the key ring is read at start-up by a hosted service too.
        builder.AddDataProtectionKeysIn(connectionString);
        return builder;
    }
}
