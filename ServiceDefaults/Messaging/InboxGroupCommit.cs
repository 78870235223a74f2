using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Commits the inbox rows and effects of messages that arrive together in one transaction ("group commit"): one
/// transaction per message cost three round trips each and capped a consumer at a few hundred messages a second.
/// One writer at a time takes whatever is waiting (up to <see cref="MaxGroup"/>); while it commits, the next group
/// gathers, so a lone message waits for nothing. A consumer's call returns only after its group committed, so
/// MassTransit acknowledges nothing that is not stored. If a group fails for a message's own reason (its effect
/// throws, a projection conflicts), its messages are applied again one by one, so only the faulty one fails and is
/// retried. A failure of the database itself is not any message's: the group is retried as a group by the
/// database's retry strategy and, if that gives up, every message of it fails with the original exception and is
/// redelivered by the broker (one by one would only multiply the load on a database that is struggling).
/// </summary>
public sealed partial class InboxGroupCommit<TDbContext>(IServiceScopeFactory scopes, MessagingMetrics metrics, TimeProvider clock, ILogger<InboxGroupCommit<TDbContext>> logger)
    where TDbContext : DbContext, IOutboxDbContext
{
    internal const int MaxGroup = 100;

    private readonly ConcurrentQueue<Pending> _waiting = new();
    private int _writing;

    public async Task<bool> ApplyAsync(Guid messageId, string consumer, Func<TDbContext, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        var pending = new Pending(messageId, consumer, apply);
        _waiting.Enqueue(pending);
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            // The writer serves every consumer from now on: it must not run inside this message's trace (or any
            // other ambient state of the first caller), or every later group would hang under that trace.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(WriteAsync, CancellationToken.None);
            }
        }

        // Cancelling stops the wait, not the write: the message is then redelivered and the inbox row decides.
        var applied = await pending.Outcome.Task.WaitAsync(cancellationToken);
        if (applied)
        {
            metrics.Applied(consumer);
        }
        else
        {
            metrics.Duplicate(consumer);
        }

        return applied;
    }

    private async Task WriteAsync()
    {
        var group = new List<Pending>(MaxGroup);
        while (true)
        {
            group.Clear();
            while (group.Count < MaxGroup && _waiting.TryDequeue(out var next))
            {
                group.Add(next);
            }

            if (group.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                // A message queued after the queue looked empty, but before the flag was down, found a writer and left.
                if (_waiting.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            try
            {
                var applied = await CommitAsync(group);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Outcome.TrySetResult(applied[i]);
                }
            }
            catch (Exception ex) when (group.Count > 1 && !IsDatabaseFailure(ex))
            {
                LogGroupFailed(ex, group.Count);
                foreach (var pending in group)
                {
                    await CommitAloneAsync(pending);
                }
            }
            catch (Exception ex)
            {
                LogCommitFailed(ex, group.Count);
                foreach (var pending in group)
                {
                    pending.Outcome.TrySetException(ex);
                }
            }
        }
    }

    private async Task CommitAloneAsync(Pending pending)
    {
        try
        {
            pending.Outcome.TrySetResult((await CommitAsync([pending]))[0]);
        }
        catch (Exception ex)
        {
            LogMessageFailed(ex, pending.MessageId, pending.Consumer);
            pending.Outcome.TrySetException(ex);
        }
    }

    /// <summary>The database failed (unreachable, gave up retrying), as opposed to something one message caused.</summary>
    internal static bool IsDatabaseFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is RetryLimitExceededException or TimeoutException or System.Net.Sockets.SocketException
                || e is NpgsqlException { IsTransient: true } || (e is NpgsqlException and not PostgresException))
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group of {Count} inbox messages failed for one message's reason; applying them one by one")]
    private partial void LogGroupFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Committing {Count} inbox message(s) failed; the broker redelivers them")]
    private partial void LogCommitFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} failed for consumer {Consumer}; the broker redelivers it")]
    private partial void LogMessageFailed(Exception exception, Guid messageId, string consumer);

    /// <summary>Claims the group's inbox rows and applies the messages whose row was new, in one transaction.</summary>
    private async Task<bool[]> CommitAsync(IReadOnlyList<Pending> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // Rows are inserted in key order, so two instances claiming overlapping groups cannot deadlock; a concurrent
            // claim of the same message blocks here until the other commits, then inserts nothing.
            var keys = group.Select(p => (p.MessageId, p.Consumer)).Distinct().Order().ToArray();
            var ids = keys.Select(k => k.MessageId).ToArray();
            var consumers = keys.Select(k => k.Consumer).ToArray();
            var now = clock.GetUtcNow();
            var claimed = (await db.Database.SqlQuery<ClaimedRow>($"""
                    INSERT INTO inbox_messages (message_id, consumer, processed_at)
                    SELECT message_id, consumer, {now} FROM unnest({ids}, {consumers}) AS claim (message_id, consumer)
                    ON CONFLICT DO NOTHING
                    RETURNING message_id, consumer
                    """).ToListAsync(ct))
                .Select(row => (row.MessageId, row.Consumer))
                .ToHashSet();

            // Effects in arrival order (an update after its create); a message delivered twice in one group applies once.
            var applied = new bool[group.Count];
            for (var i = 0; i < group.Count; i++)
            {
                if (claimed.Remove((group[i].MessageId, group[i].Consumer)))
                {
                    await group[i].Apply(db, ct);
                    applied[i] = true;
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return applied;
        }, CancellationToken.None);
    }

    private sealed record Pending(Guid MessageId, string Consumer, Func<TDbContext, CancellationToken, Task> Apply)
    {
        public TaskCompletionSource<bool> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class ClaimedRow
    {
        public Guid MessageId { get; init; }

        public string Consumer { get; init; } = "";
    }
}
