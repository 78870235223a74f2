using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Publishes what services commit to their outbox. Each batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>
/// inside a transaction, so several instances dispatch at once without sending an event twice, and a
/// dispatcher that dies mid-batch releases its claim with its connection. An event is marked sent only after
/// the broker confirmed it; a failure is recorded on the row and retried with backoff.
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
    private DateTimeOffset _backlogRefreshedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _cleanedAt = DateTimeOffset.MinValue;

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

            if (dispatched < settings.BatchSize)
            {
                try
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
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
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = clock.GetUtcNow();
            var batchSize = options.Value.BatchSize;
            var batch = await db.OutboxMessages
                .FromSql($"""
                    SELECT * FROM outbox_messages
                    WHERE sent_at IS NULL AND next_attempt_at <= {now}
                    ORDER BY created_at
                    LIMIT {batchSize}
                    FOR UPDATE SKIP LOCKED
                    """)
                .ToListAsync(ct);
            if (batch.Count == 0)
            {
                return 0;
            }

            // Publish the batch concurrently: each waits for its own broker confirmation.
            var failures = await Task.WhenAll(batch.Select(message => PublishAsync(message, ct)));
            var completedAt = clock.GetUtcNow();
            var sent = new List<Guid>(batch.Count);
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                if (failures[i] is { } failure)
                {
                    message.MarkFailed($"{failure.GetType().Name}: {failure.Message}", completedAt);
                    metrics.PublishFailed(message.MessageType);
                    LogPublishFailed(failure, message.Id, message.MessageType, message.Attempts, message.NextAttemptAt);
                }
                else
                {
                    sent.Add(message.Id);
                    metrics.Published(message.MessageType, completedAt - message.CreatedAt);
                }
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

    private async Task<Exception?> PublishAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var (payload, type) = IntegrationEventSerializer.Deserialize(message.MessageType, message.Payload);
            using var activity = MessagingDiagnostics.StartPublish(message);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.PublishTimeout);
            await bus.Publish(payload, type, context => context.MessageId = message.Id, timeout.Token);
            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            return ex;
        }
    }

    /// <summary>Refreshes the backlog gauges and, now and then, deletes long-published events.</summary>
    private async Task HousekeepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now - _backlogRefreshedAt < BacklogRefreshInterval)
        {
            return;
        }

        _backlogRefreshedAt = now;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var pending = db.OutboxMessages.Where(m => m.SentAt == null);
        var count = await pending.LongCountAsync(cancellationToken);
        // The rows counted may be sent by the time of this query: then there is no oldest.
        var oldest = count == 0 ? now : await pending.MinAsync(m => (DateTimeOffset?)m.CreatedAt, cancellationToken) ?? now;
        metrics.Backlog(count, now - oldest);

        if (now - _cleanedAt >= CleanupInterval)
        {
            _cleanedAt = now;
            var cutoff = now - options.Value.SentRetention;
            await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; retrying on the next poll")]
    private partial void LogDispatchFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing event {EventId} ({MessageType}) failed on attempt {Attempts}; next attempt at {NextAttemptAt}")]
    private partial void LogPublishFailed(Exception exception, Guid eventId, string messageType, int attempts, DateTimeOffset nextAttemptAt);
}
