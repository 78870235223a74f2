using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Platform.Capacity.Data;
using Platform.Capacity.Instruments;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Data;

namespace Platform.IntegrationTests.Scale;

/// <summary>
/// Replicas of a service start at the same moment on a database that does not exist yet: every one of them starts,
/// the migrations are applied once (by one of them, under the advisory lock) and the data they seed is there once.
/// </summary>
public sealed class ConcurrentMigrationTests(PlatformServers servers)
{
    private const int Replicas = 4;

    [Fact]
    public async Task Replicas_starting_at_once_on_a_fresh_database_all_start_and_migrate_it_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = servers.PostgresConnectionString($"migrate_{Guid.NewGuid():N}");
        var providers = Enumerable.Range(0, Replicas).Select(_ => ReplicaServices(connectionString)).ToList();
        var migrators = providers.Select(p => new DatabaseMigrator<CapacityDbContext>(
            p.GetRequiredService<IServiceScopeFactory>(), NullLogger<DatabaseMigrator<CapacityDbContext>>.Instance)).ToList();

        using var start = new SemaphoreSlim(0);
        var starting = migrators.Select(async migrator =>
        {
            await start.WaitAsync(ct);
            await migrator.StartAsync(ct);
        }).ToList();
        start.Release(Replicas);
        await Task.WhenAll(starting);

        await using var scope = providers[0].CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapacityDbContext>();
        var migrations = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(migrations);
        // One replica applied every migration; the others found none pending.
        Assert.Single(migrators, m => m.AppliedMigrations > 0);
        Assert.Equal(migrations.Count, migrators.Sum(m => m.AppliedMigrations));
        Assert.Equal(migrations, await db.Database.SqlQueryRaw<string>("SELECT migration_id AS \"Value\" FROM \"__EFMigrationsHistory\" ORDER BY migration_id").ToListAsync(ct));
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        // The programme's instruments, seeded by a migration, exist once each.
        Assert.Equal(
            ProgrammeInstruments.All.Select(i => i.Id).Order(),
            (await db.Instruments.AsNoTracking().Select(i => i.Id).ToListAsync(ct)).Order());

        foreach (var provider in providers)
        {
            await provider.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_replica_waits_for_the_migration_lock_longer_than_any_command_timeout()
    {
        var ct = TestContext.Current.CancellationToken;
        // Commands time out after a second; another replica holds the lock (its migration is slow) for longer.
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(await servers.CreateDatabaseAsync("migrate_wait")) { CommandTimeout = 1 }.ConnectionString;
        await using var holder = new Npgsql.NpgsqlConnection(connectionString);
        await holder.OpenAsync(ct);
        await using (var take = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_lock({DatabaseMigrator<CapacityDbContext>.MigrateLock})", holder))
        {
            await take.ExecuteNonQueryAsync(ct);
        }

        await using var provider = ReplicaServices(connectionString);
        var migrator = new DatabaseMigrator<CapacityDbContext>(provider.GetRequiredService<IServiceScopeFactory>(), NullLogger<DatabaseMigrator<CapacityDbContext>>.Instance);
        var starting = migrator.StartAsync(ct);
        await Eventually.HoldsAsync(async () =>
        {
            await using var waiting = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted", holder);
            return (long)(await waiting.ExecuteScalarAsync(ct))! > 0;
        }, TimeSpan.FromSeconds(30), "the replica to wait for the lock");
        // Held for twice the command timeout: the waiting replica must still be waiting, not failed.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.False(starting.IsCompleted, starting.Exception?.ToString());

        await using (var release = new Npgsql.NpgsqlCommand($"SELECT pg_advisory_unlock({DatabaseMigrator<CapacityDbContext>.MigrateLock})", holder))
        {
            await release.ExecuteNonQueryAsync(ct);
        }

        await starting;
        await using var scope = provider.CreateAsyncScope();
        Assert.Equal(scope.ServiceProvider.GetRequiredService<CapacityDbContext>().Database.GetMigrations().Count(), migrator.AppliedMigrations);
    }

    /// <summary>What one replica has: its own connection pool and context, on the shared database.</summary>
    private static ServiceProvider ReplicaServices(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<CapacityDbContext>(options => options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention());
        return services.BuildServiceProvider();
    }
}
