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

    /// <summary>What one replica has: its own connection pool and context, on the shared database.</summary>
    private static ServiceProvider ReplicaServices(string connectionString)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddDbContext<CapacityDbContext>(options => options.UseNpgsql(connectionString).UseSnakeCaseNamingConvention());
        return services.BuildServiceProvider();
    }
}
