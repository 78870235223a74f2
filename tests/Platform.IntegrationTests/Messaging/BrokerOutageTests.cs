using Platform.IntegrationTests.Infrastructure;

namespace Platform.IntegrationTests.Messaging;

/// <summary>Stopping the shared broker would disturb every other test, so this collection runs alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrokerOutageCollection
{
    public const string Name = "Broker outage";
}

[Collection(BrokerOutageCollection.Name)]
public sealed class BrokerOutageTests(PlatformServers servers) : IAsyncLifetime
{
    private MessagingTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await MessagingTestHost.CreateDatabaseAsync(servers, "broker_outage");
        _host = await MessagingTestHost.StartAsync(servers, connectionString, $"it-{Guid.NewGuid():N}"[..15], new ConsumerProbe());
    }

    public async ValueTask DisposeAsync()
    {
        if (!servers.RabbitMqRunning)
        {
            await servers.StartRabbitMqAsync(); // a failed test must not leave the broker down
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>
    /// Long enough an outage that per-row backoff (1, 2, 4, 8, 16 s ...) would push the next attempt well past the
    /// broker's return, and that MassTransit's own reconnect backoff would have grown to half a minute: the dispatcher
    /// must publish the whole backlog within seconds of the broker's return, and the consumers must be back as soon.
    /// The broker returns just after a consumer's reconnect attempt failed, so a long wait before the next one shows.
    /// </summary>
    [Fact]
    public async Task Events_committed_while_the_broker_is_down_are_all_delivered_within_seconds_of_its_return()
    {
        var events = Enumerable.Range(0, 20).Select(i => MessagingTestHost.NewEvent($"Committed during an outage {i}")).ToArray();
        using var failures = new PublishFailures();
        var reconnects = new FailedReconnects();
        using var observing = _host.Bus.ConnectReceiveEndpointObserver(reconnects);
        await servers.StopRabbitMqAsync();

        await _host.CommitAsync(events);

        // Every event failed seven times: per-row backoff would now wait a minute before the next try. The rows must
        // instead wait as they were, due.
        await Eventually.HoldsAsync(() => Task.FromResult(failures.Count >= events.Length * 7), TimeSpan.FromSeconds(240), "publish attempts to fail during the outage");
        foreach (var e in events)
        {
            var row = await _host.OutboxRowAsync(e.EventId);
            Assert.Null(row!.SentAt);
        }

        Assert.Equal(0, await _host.AppliedCountAsync(events[0].EventId));

        // MassTransit's schedule would now wait 23-37 s after this failed attempt before the next.
        var failedSoFar = reconnects.Count;
        await Eventually.HoldsAsync(() => Task.FromResult(reconnects.Count > failedSoFar), TimeSpan.FromSeconds(60), "a consumer's attempt to reconnect to fail");
        await servers.StartRabbitMqAsync();
        var back = System.Diagnostics.Stopwatch.StartNew();

        await Eventually.HoldsAsync(
            async () => (await Task.WhenAll(events.Select(e => _host.OutboxRowAsync(e.EventId)))).All(row => row?.SentAt is not null),
            TimeSpan.FromSeconds(90), "every event to be published after the broker came back");
        var published = back.Elapsed;
        await Eventually.HoldsAsync(
            async () => (await Task.WhenAll(events.Select(e => _host.AppliedCountAsync(e.EventId)))).All(n => n == 1),
            TimeSpan.FromSeconds(90), "every event to be applied after the broker came back");
        var applied = back.Elapsed;
        TestContext.Current.TestOutputHelper?.WriteLine($"After the broker was back: published in {published.TotalSeconds:0.0} s, applied in {applied.TotalSeconds:0.0} s");
        // Reconnecting takes a second or two (more on a loaded machine); a half-minute backoff would show.
        Assert.True(published < TimeSpan.FromSeconds(15), $"the backlog took {published.TotalSeconds:0.0} s to be published after the broker was back");
        Assert.True(applied < TimeSpan.FromSeconds(15), $"the consumers took {applied.TotalSeconds:0.0} s to apply the backlog after the broker was back");
        foreach (var e in events)
        {
            var sent = await _host.OutboxRowAsync(e.EventId);
            Assert.Null(sent!.LastError);
            Assert.Equal(1, await _host.AppliedCountAsync(e.EventId));
        }
    }

    /// <summary>Counts the receive endpoints' failed attempts to reach the broker (each is reported as a fault).</summary>
    private sealed class FailedReconnects : MassTransit.IReceiveEndpointObserver
    {
        private long _count;

        public long Count => Interlocked.Read(ref _count);

        public Task Faulted(MassTransit.ReceiveEndpointFaulted faulted)
        {
            Interlocked.Increment(ref _count);
            return Task.CompletedTask;
        }

        public Task Ready(MassTransit.ReceiveEndpointReady ready) => Task.CompletedTask;

        public Task Stopping(MassTransit.ReceiveEndpointStopping stopping) => Task.CompletedTask;

        public Task Completed(MassTransit.ReceiveEndpointCompleted completed) => Task.CompletedTask;
    }

    /// <summary>Counts the dispatcher's failed publish attempts (the <c>platform.outbox.publish_failures</c> metric).</summary>
    private sealed class PublishFailures : IDisposable
    {
        private readonly System.Diagnostics.Metrics.MeterListener _listener = new();
        private long _count;

        public PublishFailures()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument is { Meter.Name: Platform.ServiceDefaults.Messaging.MessagingMetrics.MeterName, Name: "platform.outbox.publish_failures" })
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }
}
