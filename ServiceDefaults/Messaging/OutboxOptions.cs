namespace Platform.ServiceDefaults.Messaging;

/// <summary>Tuning of the outbox dispatcher (configuration section <c>Messaging:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>How many events one dispatcher claims at a time.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many batches one instance dispatches at once. One by default: with four, the broker-restart fault test
    /// once failed to see every event delivered within its deadline, and the cause is not yet understood.
    /// </summary>
    public int Workers { get; set; } = 1;

    /// <summary>How often to look for events committed by other instances (this instance's commits wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long to wait for the broker's confirmation before counting an attempt as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long published events are kept for inspection before they are deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);
}
