using System.Diagnostics;
using System.Text.Json;
using Platform.Contracts;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// An integration event waiting to be published, saved in the same transaction as the change it describes,
/// so that an event exists exactly when its data does.
/// </summary>
public sealed class OutboxMessage
{
    /// <summary>Longest wait between two attempts to publish: a broker that was down is retried at least this often.</summary>
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(1);

    private OutboxMessage() { }

    /// <summary>The event's own id; it is also the MassTransit message id, so consumers deduplicate on it.</summary>
    public Guid Id { get; private set; }

    /// <summary>The CLR name of the event type in Platform.Contracts.</summary>
    public string MessageType { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The W3C trace context of the request that raised the event: the consumer's trace continues it.</summary>
    public string? TraceParent { get; private set; }

    public string? TraceState { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public string? LastError { get; private set; }

    public static OutboxMessage For(IIntegrationEvent integrationEvent, DateTimeOffset now)
    {
        var type = integrationEvent.GetType();
        return new OutboxMessage
        {
            Id = integrationEvent.EventId,
            MessageType = type.FullName!,
            Payload = JsonSerializer.Serialize(integrationEvent, type, IntegrationEventSerializer.Options),
            OccurredAt = integrationEvent.OccurredAt,
            CreatedAt = now,
            NextAttemptAt = now,
            TraceParent = Activity.Current?.Id,
            TraceState = Activity.Current?.TraceStateString,
        };
    }

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        LastError = null;
    }

    /// <summary>Records a failed attempt and schedules the next with exponential backoff (1 s, 2 s, 4 s ... capped).</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 2000 ? error[..2000] : error;
        NextAttemptAt = now + BackoffAfter(Attempts);
    }

    internal static TimeSpan BackoffAfter(int attempts)
    {
        var seconds = Math.Pow(2, Math.Clamp(attempts - 1, 0, 16));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxBackoff.TotalSeconds));
    }
}
