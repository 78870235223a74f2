namespace Platform.ServiceDefaults.Messaging;

/// <summary>Tuning of the outbox dispatcher (configuration section <c>Messaging:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    /// <summary>How many events one dispatcher claims at a time.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>
    /// How many batches one instance dispatches at once; the loops claim disjoint batches (SKIP LOCKED). Four once
    /// missed the broker-restart fault test's deadline, when every loop's failed publishes pushed each row's next
    /// attempt further out; broker failures no longer touch the rows, and the fault test now passes with four.
    /// </summary>
    public int Workers { get; set; } = 1;

    /// <summary>How often to look for events committed by other instances (this instance's commits wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for the broker's confirmation before counting an attempt as failed.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Attempts after which an event that fails for its own reason is dead (not tried until re-driven).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long inbox rows are kept: longer than any message can be redelivered by the broker.</summary>
    public TimeSpan InboxRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long published events are kept for inspection before they are deleted.</summary>
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);
}
