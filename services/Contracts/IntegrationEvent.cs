namespace Platform.Contracts;

/// <summary>
/// An integration event: an immutable fact one service tells the others, in the past tense.
/// It carries ids and aggregates, never personal data.
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique per event; consumers use it to apply each event once.</summary>
    Guid EventId { get; }

    /// <summary>When the fact happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }
}

public abstract record IntegrationEvent : IIntegrationEvent
{
    public Guid EventId { get; init; } = Guid.CreateVersion7();

    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;
}
