namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// A message one consumer has applied. Written in the same transaction as the consumer's effect, so a
/// redelivered message finds its row and is acknowledged without being applied again.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public string Consumer { get; set; } = "";

    public DateTimeOffset ProcessedAt { get; set; }
}
