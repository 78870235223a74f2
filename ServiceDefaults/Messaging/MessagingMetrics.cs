using System.Diagnostics.Metrics;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// What an operator needs to see that nothing is stuck: the outbox backlog and the age of its oldest event,
/// plus what was published, what failed and what the inbox turned away as a duplicate.
/// </summary>
public sealed class MessagingMetrics
{
    public const string MeterName = "Platform.Messaging";

    private readonly Counter<long> _published;
    private readonly Counter<long> _publishFailures;
    private readonly Counter<long> _applied;
    private readonly Counter<long> _duplicates;
    private readonly Histogram<double> _dispatchDelay;
    private readonly Counter<long> _deadLettered;
    private long _backlog;
    private long _dead;
    private double _oldestAgeSeconds;

    public MessagingMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _published = meter.CreateCounter<long>("platform.outbox.published", "{event}", "Events published from the outbox and confirmed by the broker.");
        _publishFailures = meter.CreateCounter<long>("platform.outbox.publish_failures", "{attempt}", "Publish attempts that failed and will be retried.");
        _applied = meter.CreateCounter<long>("platform.inbox.applied", "{message}", "Messages applied by a consumer.");
        _duplicates = meter.CreateCounter<long>("platform.inbox.duplicates", "{message}", "Redelivered messages the inbox acknowledged without applying again.");
        _dispatchDelay = meter.CreateHistogram<double>("platform.outbox.dispatch_delay", "ms", "From commit to broker confirmation.");
        _deadLettered = meter.CreateCounter<long>("platform.outbox.dead_lettered", "{event}", "Events that failed for their own reason too often and were left dead.");
        meter.CreateObservableGauge("platform.outbox.dead", () => Interlocked.Read(ref _dead), "{event}", "Dead events waiting for an operator to re-drive them.");
        meter.CreateObservableGauge("platform.outbox.backlog", () => Interlocked.Read(ref _backlog), "{event}", "Events committed but not yet published.");
        meter.CreateObservableGauge("platform.outbox.oldest_age", () => Volatile.Read(ref _oldestAgeSeconds), "s", "Age of the oldest event not yet published.");
    }

    public void Published(string messageType, TimeSpan delay)
    {
        _published.Add(1, new KeyValuePair<string, object?>("message.type", messageType));
        _dispatchDelay.Record(delay.TotalMilliseconds);
    }

    public void PublishFailed(string messageType) => _publishFailures.Add(1, new KeyValuePair<string, object?>("message.type", messageType));

    public void DeadLettered(string messageType) => _deadLettered.Add(1, new KeyValuePair<string, object?>("message.type", messageType));

    public void Dead(long count) => Interlocked.Exchange(ref _dead, count);

    public void Applied(string consumer) => _applied.Add(1, new KeyValuePair<string, object?>("consumer", consumer));

    public void Duplicate(string consumer) => _duplicates.Add(1, new KeyValuePair<string, object?>("consumer", consumer));

    public void Backlog(long count, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _backlog, count);
        Volatile.Write(ref _oldestAgeSeconds, Math.Max(0, oldestAge.TotalSeconds));
    }
}
