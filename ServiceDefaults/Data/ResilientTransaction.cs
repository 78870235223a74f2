using Microsoft.EntityFrameworkCore;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// The one way a service runs several statements as one unit: a transaction under the database's retry strategy
/// (Npgsql retries transient failures; a retried attempt starts from a clean change tracker). A request that is
/// already in a transaction (an idempotent command, whose record commits with its effect) joins it instead: the
/// outer owner retries and commits.
/// </summary>
public static class ResilientTransaction
{
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            return work(ct);
        }

        return db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, ct);
    }

    public static Task InTransactionAsync(this DbContext db, Func<CancellationToken, Task> work, CancellationToken ct) =>
        db.InTransactionAsync<bool>(async token =>
        {
            await work(token);
            return true;
        }, ct);
}
