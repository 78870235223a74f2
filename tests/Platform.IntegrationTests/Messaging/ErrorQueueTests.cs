using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Messaging;

namespace Platform.IntegrationTests.Messaging;

/// <summary>
/// A message its consumer cannot handle (a bug for that message, not an outage) ends in the consumer's
/// <c>_error</c> queue; the gauge <c>platform.messaging.error_queue.messages</c> shows it; after the fix the operator's
/// re-drive moves it back to its queue, it is applied exactly once, and the gauge returns to 0.
/// </summary>
public sealed class ErrorQueueTests(PlatformServers servers) : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private MessagingTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await MessagingTestHost.CreateDatabaseAsync(servers, "error_queues");
        _host = await MessagingTestHost.StartAsync(servers, connectionString, $"eq-{Guid.NewGuid():N}"[..15], new ConsumerProbe(), new Dictionary<string, string?>
        {
            ["Messaging:Retry:Limit"] = "1",
            ["Messaging:Retry:MaxInterval"] = "00:00:01",
            ["Messaging:ErrorQueues:ReadingInterval"] = "00:00:01", // 20 s in the services; the test would wait that long
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_failed_message_is_counted_in_its_error_queue_and_after_the_fix_redriven_and_applied_once()
    {
        using var gauge = new ErrorQueueGauge();
        var queue = _host.QueueOf<RepairableConsumer>();
        var errorQueues = _host.Services.GetRequiredService<ErrorQueues>();
        Assert.Contains(queue, errorQueues.Queues);
        var e = MessagingTestHost.NewEvent("Needs a fix");
        _host.Probe.Break(e.OrganizationId);

        await _host.CommitAsync(e);

        await Eventually.HoldsAsync(async () => await _host.MessagesInQueueAsync(servers, queue + "_error") == 1, Deadline, $"the message to reach {queue}_error");
        await Eventually.HoldsAsync(() => Task.FromResult(gauge.Read(queue) == 1), Deadline, "the gauge to count the message in the _error queue");
        Assert.Equal(0, await _host.AppliedCountAsync(e.EventId, RepairableConsumer.Name));
        Assert.Contains(await errorQueues.ReadAsync(TestContext.Current.CancellationToken), q => q.Queue == queue && q.Messages == 1);

        _host.Probe.Repair(e.OrganizationId);
        var moved = await errorQueues.RedriveAsync(queue, TestContext.Current.CancellationToken);

        Assert.Equal(1, moved);
        await Eventually.HoldsAsync(async () => await _host.AppliedCountAsync(e.EventId, RepairableConsumer.Name) == 1, Deadline, "the re-driven message to be applied");
        await Eventually.HoldsAsync(() => Task.FromResult(gauge.Read(queue) == 0), Deadline, "the gauge to return to 0");
        Assert.Equal(0u, await _host.MessagesInQueueAsync(servers, queue + "_error"));
        Assert.Equal(0u, await _host.MessagesInQueueAsync(servers, queue));
        // Nothing left to move, and what was moved was applied once, not once per move.
        Assert.Equal(0, await errorQueues.RedriveAsync(queue, TestContext.Current.CancellationToken));
        Assert.Equal(1, await _host.AppliedCountAsync(e.EventId, RepairableConsumer.Name));
        Assert.Equal(1, await _host.AppliedCountAsync(e.EventId, InboxConsumer.Name)); // the other consumer of the event was never disturbed
    }

    /// <summary>The latest value of the gauge per queue, as an exporter collects it (the callback runs on each collection).</summary>
    private sealed class ErrorQueueGauge : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _latest = new();

        public ErrorQueueGauge()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument is { Meter.Name: MessagingMetrics.MeterName, Name: ErrorQueues.GaugeName })
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "queue", Value: string queue })
                    {
                        _latest[queue] = value;
                    }
                }
            });
            _listener.Start();
        }

        public long? Read(string queue)
        {
            _listener.RecordObservableInstruments();
            return _latest.TryGetValue(queue, out var value) ? value : null;
        }

        public void Dispose() => _listener.Dispose();
    }
}
