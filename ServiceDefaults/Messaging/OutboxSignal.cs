using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Wakes this process's dispatcher as soon as a transaction that holds events commits, so delivery does not
/// wait for the next poll. Other instances still find the events on their poll.
/// </summary>
public sealed class OutboxSignal
{
    private const int MaxOwnBackends = 1024;
    private readonly SemaphoreSlim _pending = new(0, 1);

    // The PostgreSQL backends (process ids) of this instance's own connections that committed events. The NOTIFY of
    // such a commit comes back to this instance's listener just after the in-process wake-up; waking the dispatcher a
    // second time made it claim for nothing (an empty claim per event at low rates, bench/cost.sh). Bounded: past
    // the bound a NOTIFY from a new connection simply wakes it again.
    private readonly ConcurrentDictionary<int, byte> _ownBackends = new();

    /// <summary>This instance committed events on the connection to <paramref name="backend"/> (its process id, when known).</summary>
    public void NotifyCommitted(int? backend)
    {
        if (backend is { } pid && _ownBackends.Count < MaxOwnBackends)
        {
            _ownBackends.TryAdd(pid, 0);
        }

        Notify();
    }

    /// <summary>A NOTIFY from the database: another instance's commit, or one of this instance's, already signalled.</summary>
    public void NotifyFromDatabase(int backend)
    {
        if (!_ownBackends.ContainsKey(backend))
        {
            Notify();
        }
    }

    public void Notify()
    {
        if (_pending.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Another commit signalled at the same moment: one wake-up covers both.
        }
    }

    /// <summary>Waits for a commit or for the poll interval, whichever comes first.</summary>
    public Task WaitAsync(TimeSpan pollInterval, CancellationToken cancellationToken) =>
        _pending.WaitAsync(pollInterval, cancellationToken);
}

/// <summary>
/// Signals the dispatcher once the events a SaveChanges added are committed: at once outside a transaction,
/// after the commit inside one. Commits without events (an inbox, the dispatcher marking what it sent) wake
/// nothing: each wake-up costs the dispatcher a claim transaction.
/// </summary>
internal sealed class OutboxSignalInterceptor(OutboxSignal signal) : DbTransactionInterceptor, ISaveChangesInterceptor
{
    // Contexts whose open transaction holds events added by a SaveChanges; weak, so a context never lives longer for it.
    private readonly ConditionalWeakTable<DbContext, object> _holdingEvents = [];

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        NoteEvents(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        NoteEvents(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        SignalIfCommitted(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SignalIfCommitted(eventData.Context);
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveFailed(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => SaveFailed(eventData.Context);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        SignalIfHolding(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => SignalIfHolding(eventData.Context);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    private void NoteEvents(DbContext? db)
    {
        if (db is IOutboxDbContext && db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added))
        {
            _holdingEvents.AddOrUpdate(db, db);
        }
    }

    // Outside a user transaction SaveChanges committed its own; inside one, the commit comes later.
    private void SignalIfCommitted(DbContext? db)
    {
        if (db?.Database.CurrentTransaction is null)
        {
            SignalIfHolding(db);
        }
    }

    // A failed SaveChanges of its own transaction stored nothing; inside a user transaction, the rollback forgets it.
    private void SaveFailed(DbContext? db)
    {
        if (db?.Database.CurrentTransaction is null)
        {
            Forget(db);
        }
    }

    private void SignalIfHolding(DbContext? db)
    {
        if (db is not null && _holdingEvents.Remove(db))
        {
            signal.NotifyCommitted(db.Database.GetDbConnection() is NpgsqlConnection { State: ConnectionState.Open } connection ? connection.ProcessID : null);
        }
    }

    private void Forget(DbContext? db)
    {
        if (db is not null)
        {
            _holdingEvents.Remove(db);
        }
    }
}
