using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Applies the service's EF Core migrations at start-up, before the web server listens, so the service never
/// reports ready against an old schema. The database may still be starting: retry for a while before giving up.
/// On a first start the service's database does not exist yet: it is created first, through the server's maintenance
/// database, so that EF Core never opens a connection to a missing database (which it logs as an error); and so is
/// the migrations history table, which Npgsql's provider otherwise reads before it exists (npgsql/efcore.pg#3407: a
/// failed query logged as an error on every first start, although the migration then succeeds).
/// Replicas of a service start at the same moment: each takes a PostgreSQL advisory lock on the database before it
/// migrates, so one applies the migrations (and the data they seed) and the others, after it, find nothing pending.
/// </summary>
internal sealed partial class DatabaseMigrator<TDbContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TDbContext>> logger) : IHostedService
    where TDbContext : DbContext
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(2);

    // Advisory locks are per database and each service has its own, so one constant serves every service.
    internal const long MigrateLock = 0x4D16_7A7E;

    /// <summary>How many migrations this instance applied (0 when another replica had applied them first).</summary>
    internal int AppliedMigrations { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var started = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
                var connectionString = db.Database.GetConnectionString()!;
                await CreateDatabaseIfMissingAsync(connectionString, cancellationToken);
                // A session lock on a connection of its own, held across the whole migration: MigrateAsync opens
                // and closes connections (and transactions) of its own as it goes.
                await using var lockConnection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
                await lockConnection.OpenAsync(cancellationToken);
                // No command timeout: waiting while another replica migrates is not a failure, however long it takes.
                await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrateLock})", lockConnection) { CommandTimeout = 0 })
                {
                    await take.ExecuteNonQueryAsync(cancellationToken);
                }

                // Closing the unpooled connection (also when this attempt fails) releases the lock.
                await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), cancellationToken);
                var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
                await db.Database.MigrateAsync(cancellationToken);
                if (db is IOutboxDbContext)
                {
                    await db.Database.ExecuteSqlRawAsync(OutboxWakeUp.EnsureTriggerSql, cancellationToken);
                }

                await db.Database.ExecuteSqlRawAsync(DataProtectionKeys.EnsureTableSql, cancellationToken);

                AppliedMigrations = pending;
                LogMigrated(typeof(TDbContext).Name, pending, started.ElapsedMilliseconds);
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

    private async Task CreateDatabaseIfMissingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new InvalidOperationException("The connection string names no database.");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch (PostgresException ex)
        {
            // No access to the maintenance database (an external server): the database is someone else's to create.
            LogNoMaintenanceDatabase(ex.SqlState);
            return;
        }

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
            LogCreated(name);
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
        {
            // Another replica created it at the same moment.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The maintenance database refused the connection ({SqlState}); migrating without creating the database")]
    private partial void LogNoMaintenanceDatabase(string sqlState);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the database {Database}")]
    private partial void LogCreated(string database);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database of {DbContext} migrated ({Applied} migrations applied by this instance) in {ElapsedMs} ms")]
    private partial void LogMigrated(string dbContext, int applied, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Migrating the database of {DbContext} failed (attempt {Attempt}); retrying")]
    private partial void LogRetrying(Exception exception, string dbContext, int attempt);
}
