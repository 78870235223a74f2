using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Pessimistic locks for the invariants a row version cannot guard because they span rows: the envelope of a call
/// shared by its awards, the places of a cohort shared by its decisions, a call's status that its scores depend on.
/// Call inside <see cref="ResilientTransaction.InTransactionAsync{T}"/>; the lock holds until it commits.
/// </summary>
public static class RowLock
{
    /// <summary>The row, locked against every other writer (<c>FOR UPDATE</c>); null if there is none.</summary>
    public static Task<TEntity?> LockForUpdateAsync<TEntity>(this DbSet<TEntity> set, Guid id, CancellationToken ct)
        where TEntity : class => LockAsync(set, id, "UPDATE", ct);

    /// <summary>
    /// The row, locked against writers but not against other readers that share (<c>FOR SHARE</c>): many scores
    /// at once, none while the evaluation is being completed.
    /// </summary>
    public static Task<TEntity?> LockForShareAsync<TEntity>(this DbSet<TEntity> set, Guid id, CancellationToken ct)
        where TEntity : class => LockAsync(set, id, "SHARE", ct);

    private static async Task<TEntity?> LockAsync<TEntity>(DbSet<TEntity> set, Guid id, string mode, CancellationToken ct)
        where TEntity : class
    {
        var table = set.EntityType.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");
        var db = set.GetService<ICurrentDbContext>().Context;
        // The lock first, on its own: under READ COMMITTED a statement that waits for a lock still reads the other
        // rows (a camp's participants, say) as they were when it began, so the aggregate is read by a later one.
#pragma warning disable EF1002 // the table name comes from the model, the id is a parameter
        var locked = await db.Database.SqlQueryRaw<int>($"SELECT 1 AS \"Value\" FROM \"{table}\" WHERE id = {{0}} FOR {mode}", id).ToListAsync(ct);
#pragma warning restore EF1002
        return locked.Count == 0 ? null : await set.AsSplitQuery().FirstOrDefaultAsync(e => EF.Property<Guid>(e, "Id") == id, ct);
    }
}
