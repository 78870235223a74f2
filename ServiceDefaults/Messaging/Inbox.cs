using Microsoft.EntityFrameworkCore;
using Platform.Contracts;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Applies a message once per consumer: the inbox row and the consumer's effect are committed together, so a
/// redelivery (after a crash, a lost acknowledgement or a re-publish) finds the row and changes nothing.
/// </summary>
public sealed class Inbox<TDbContext>(TDbContext db, MessagingMetrics metrics, TimeProvider clock)
    where TDbContext : DbContext, IOutboxDbContext
{
    /// <returns><c>true</c> if the effect was applied now, <c>false</c> if this consumer had already applied the message.</returns>
    public async Task<bool> ApplyOnceAsync(
        IIntegrationEvent message,
        string consumer,
        Func<TDbContext, CancellationToken, Task> apply,
        CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        var applied = await strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);

            // A concurrent delivery of the same message blocks on this row until the first commits, then inserts nothing.
            var claimed = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({message.EventId}, {consumer}, {clock.GetUtcNow()}) ON CONFLICT DO NOTHING",
                ct);
            if (claimed == 0)
            {
                return false;
            }

            await apply(db, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        }, cancellationToken);

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
}
