using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Applies the service's EF Core migrations at start-up, before the web server listens, so the service never
/// reports ready against an old schema. The database may still be starting: retry for a while before giving up.
/// </summary>
internal sealed partial class DatabaseMigrator<TDbContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TDbContext>> logger) : IHostedService
    where TDbContext : DbContext
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                await db.Database.MigrateAsync(cancellationToken);
                if (db is IOutboxDbContext)
                {
                    await db.Database.ExecuteSqlRawAsync(OutboxWakeUp.EnsureTriggerSql, cancellationToken);
                }

                LogMigrated(typeof(TDbContext).Name, started.ElapsedMilliseconds);
                return;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && started.Elapsed < GiveUpAfter)
            {
                LogRetrying(ex, typeof(TDbContext).Name, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5000, 250 * attempt)), cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {DbContext} migrated in {ElapsedMs} ms")]
    private partial void LogMigrated(string dbContext, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migrating the database of {DbContext} failed (attempt {Attempt}); retrying")]
    private partial void LogRetrying(Exception exception, string dbContext, int attempt);
}
