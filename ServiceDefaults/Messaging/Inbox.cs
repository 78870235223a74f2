using Microsoft.EntityFrameworkCore;
using Platform.Contracts;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Applies a message once per consumer: the inbox row and the consumer's effect are committed together, so a
/// redelivery (after a crash, a lost acknowledgement or a re-publish) finds the row and changes nothing.
/// Messages arriving together share one transaction (see <see cref="InboxGroupCommit{TDbContext}"/>).
/// </summary>
public sealed class Inbox<TDbContext>(InboxGroupCommit<TDbContext> groupCommit)
    where TDbContext : DbContext, IOutboxDbContext
{
    /// <returns><c>true</c> if the effect was applied now, <c>false</c> if this consumer had already applied the message.</returns>
    /// <remarks>
    /// <paramref name="apply"/> gets the DbContext to change and may run more than once (a transient failure is retried,
    /// a failed group is applied again one by one): it must only change that context.
    /// </remarks>
    public Task<bool> ApplyOnceAsync(
        IIntegrationEvent message,
        string consumer,
        Func<TDbContext, CancellationToken, Task> apply,
        CancellationToken cancellationToken) =>
        groupCommit.ApplyAsync(message.EventId, consumer, apply, cancellationToken);
}
