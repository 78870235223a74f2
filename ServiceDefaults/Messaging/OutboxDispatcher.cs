using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Publishes what services commit to their outbox. Each batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// inside a transaction, so several instances (and several loops of one) dispatch at once without sending an event
/// twice, and a dispatcher that dies mid-batch releases its claim with its connection. An event is marked sent only
/// after the broker confirmed it. Two kinds of failure are kept apart: the broker being unreachable is nobody's
/// row's fault, so the rows stay due and the loop probes again within a second (everything pending goes out as soon
/// as the broker is back); a row that fails for its own reason (an event type that no longer exists, a payload that
/// cannot be read) is retried with backoff and, after <see cref="OutboxOptions.MaxAttempts"/>, left dead: counted
/// (<c>platform.outbox.dead</c>), listed and re-driven by an operator (<see cref="OutboxOperations"/>).
/// Polling creates no traces: only a claim that found events does, and the publishes under it.
/// </summary>
public sealed partial class OutboxDispatcher<TDbContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    MessagingMetrics metrics,
    IOptions<OutboxOptions> options,
    TimeProvider clock,
    ILogger<OutboxDispatcher<TDbContext>> logger) : BackgroundService
    where TDbContext : DbContext, IOutboxDbContext
{
    private static readonly TimeSpan BacklogRefreshInterval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan BrokerProbeInterval = TimeSpan.FromMilliseconds(250);
    private DateTimeOffset _backlogRefreshedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _cleanedAt = DateTimeOffset.MinValue;
    private volatile bool _brokerUnreachable;

    /// <summary>
    /// Runs <see cref="OutboxOptions.Workers"/> dispatch loops: a batch waits on the database and on broker confirms
    /// more than on the CPU, so while one loop waits another claims the next batch (SKIP LOCKED keeps them apart).
    /// </summary>
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Workers)).Select(worker => DispatchLoopAsync(housekeeper: worker == 0, stoppingToken)));

    private async Task DispatchLoopAsync(bool housekeeper, CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            var dispatched = 0;
            try
            {
                dispatched = await DispatchBatchAsync(stoppingToken);
                if (housekeeper)
                {
                    await HousekeepAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database itself is unreachable: wait a poll and try again; nothing is lost, it is all still in the table.
                LogDispatchFailed(ex);
            }

            try
            {
                if (_brokerUnreachable)
                {
                    // Not the rows' fault: probe again soon with the same rows, so the backlog leaves the moment the broker is back.
                    await Task.Delay(BrokerProbeInterval, clock, stoppingToken);
                }
                else if (dispatched < settings.BatchSize)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Claims one batch of due events, publishes them and records the outcome of each. Returns how many it claimed.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            var untraced = MessagingDiagnostics.Untraced();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var batchSize = options.Value.BatchSize;
            var maxAttempts = options.Value.MaxAttempts;
            var batch = await db.OutboxMessages
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE sent_at IS NULL AND next_attempt_at <= {now} AND attempts < {maxAttempts}
                    ORDER BY created_at
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                await transaction.RollbackAsync(ct); // nothing to commit: the poll ends without a trace
                untraced.Dispose();
                return 0;
            }

            untraced.Dispose();
            using var claim = MessagingDiagnostics.StartClaim(batch.Count);
            // Publish the batch concurrently: each waits for its own broker confirmation.
            var failures = await Task.WhenAll(batch.Select(message => PublishAsync(message, ct)));
            var completedAt = clock.GetUtcNow();
            var sent = new List<Guid>(batch.Count);
            Exception? transportFailure = null;
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                switch (failures[i])
                {
                    case null:
                        sent.Add(message.Id);
                        metrics.Published(message.MessageType, completedAt - message.CreatedAt);
                        break;
                    case { Own: false } failure:
                        // The row stays as it was, due now; the loop probes the broker again shortly.
                        transportFailure ??= failure.Exception;
                        metrics.PublishFailed(message.MessageType);
                        break;
                    case { } failure:
                        message.MarkFailed($"{failure.Exception.GetType().Name}: {failure.Exception.Message}", completedAt);
                        metrics.PublishFailed(message.MessageType);
                        if (message.Attempts >= maxAttempts)
                        {
                            metrics.DeadLettered(message.MessageType);
                            LogDead(failure.Exception, message.Id, message.MessageType, message.Attempts);
                        }
                        else
                        {
                            LogPublishFailed(failure.Exception, message.Id, message.MessageType, message.Attempts, message.NextAttemptAt);
                        }

                        break;
                }
            }

            var wasUnreachable = _brokerUnreachable;
            _brokerUnreachable = transportFailure is not null && sent.Count == 0;
            if (transportFailure is not null && !wasUnreachable)
            {
                LogBrokerUnreachable(transportFailure, batch.Count - sent.Count);
            }

            // One statement marks the whole confirmed batch sent (a hundred single-row UPDATEs cost more than publishing);
            // only failed rows go through the change tracker.
            if (sent.Count > 0)
            {
                await db.OutboxMessages.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(row => row
                    .SetProperty(m => m.SentAt, completedAt)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                    .SetProperty(m => m.LastError, (string?)null), ct);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return batch.Count;
        }, cancellationToken);
    }

    /// <summary>Null when the broker confirmed; otherwise the failure, and whether it is the message's own (it can never be sent as it is).</summary>
    private async Task<PublishFailure?> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        object payload;
        Type type;
        try
        {
            (payload, type) = IntegrationEventSerializer.Deserialize(message.MessageType, message.Payload);
        }
        catch (Exception ex)
        {
            return new PublishFailure(ex, Own: true);
        }

        try
        {
            using var activity = MessagingDiagnostics.StartPublish(message);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.PublishTimeout);
            await bus.Publish(payload, type, context => context.MessageId = message.Id, timeout.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new PublishFailure(ex, Own: false);
        }
    }

    private sealed record PublishFailure(Exception Exception, bool Own);

    /// <summary>Refreshes the backlog gauges and, now and then, deletes long-published events and old inbox rows; untraced.</summary>
    private async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _backlogRefreshedAt < BacklogRefreshInterval)
        {
            return;
        }

        _backlogRefreshedAt = now;
        using var untraced = MessagingDiagnostics.Untraced();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var maxAttempts = options.Value.MaxAttempts;
        var pending = db.OutboxMessages.Where(m => m.SentAt == null && m.Attempts < maxAttempts);
        var count = await pending.LongCountAsync(cancellationToken);
        // The rows counted may be sent by the time of this query: then there is no oldest.
        var oldest = count == 0 ? now : await pending.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken) ?? now;
        metrics.Backlog(count, now - oldest);
        metrics.Dead(await db.OutboxMessages.LongCountAsync(m => m.SentAt == null && m.Attempts >= maxAttempts, cancellationToken));

        if (now - _cleanedAt >= CleanupInterval)
        {
            _cleanedAt = now;
            var cutoff = now - options.Value.SentRetention;
            await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
            // Past the broker's redelivery horizon no copy of these messages can arrive again: their rows guard nothing.
            var inboxCutoff = now - options.Value.InboxRetention;
            await db.InboxMessages.Where(m => m.ProcessedAt < inboxCutoff).ExecuteDeleteAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; retrying on the next poll")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker is unreachable; {Count} event(s) stay due and are published as soon as it is back")]
    private partial void LogBrokerUnreachable(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Event {EventId} ({MessageType}) failed {Attempts} times for its own reason and is dead until an operator re-drives it")]
    private partial void LogDead(Exception exception, Guid eventId, string messageType, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing event {EventId} ({MessageType}) failed on attempt {Attempts}; next attempt at {NextAttemptAt}")]
    private partial void LogPublishFailed(Exception exception, Guid eventId, string messageType, int attempts, DateTimeOffset nextAttemptAt);
}
