using Platform.IntegrationTests.Infrastructure;

namespace Platform.IntegrationTests.Messaging;

/// <summary>Two instances of one service: the same database (one outbox), the same broker and the same consumer queue.</summary>
public sealed class ConcurrentDispatchersTests(PlatformServers servers) : IAsyncLifetime
{
    private const int Transactions = 10;
    private const int EventsPerTransaction = 50;
    private MessagingTestHost _first = null!;
    private MessagingTestHost _second = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await MessagingTestHost.CreateDatabaseAsync(servers, "two_dispatchers");
        var serviceName = $"it-{Guid.NewGuid():N}"[..15];
        var probe = new ConsumerProbe(); // one record of what both instances' consumers received
        // Small batches polled often, so that both dispatchers contend for the same rows all the time.
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:Outbox:BatchSize"] = "20",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.050",
        };
        _first = await MessagingTestHost.StartAsync(servers, connectionString, serviceName, probe, settings);
        _second = await MessagingTestHost.StartAsync(servers, connectionString, serviceName, probe, settings);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in new[] { _first, _second })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Two_dispatchers_on_one_outbox_send_each_event_exactly_once()
    {
        var batches = Enumerable.Range(0, Transactions)
            .Select(t => Enumerable.Range(0, EventsPerTransaction).Select(i => MessagingTestHost.NewEvent($"Concurrent {t}-{i}")).ToArray())
            .ToList();
        var all = batches.SelectMany(b => b).ToList();

        // Commits alternate between the instances, so each wakes its own dispatcher while the other polls.
        await Task.WhenAll(batches.Select((batch, i) => (i % 2 == 0 ? _first : _second).CommitAsync(batch)));

        await Eventually.HoldsAsync(
            () => Task.FromResult(all.All(e => _first.Probe.DeliveriesOf(e.EventId).Count > 0)),
            TimeSpan.FromSeconds(90), $"all {all.Count} events to be consumed");
        await Eventually.HoldsAsync(
            async () => await _first.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE sent_at IS NOT NULL") == all.Count,
            TimeSpan.FromSeconds(30), "every outbox row to be marked sent");

        var deliveredMoreThanOnce = all.Where(e => _first.Probe.DeliveriesOf(e.EventId).Count != 1).ToList();
        Assert.True(deliveredMoreThanOnce.Count == 0,
            $"{deliveredMoreThanOnce.Count} events were delivered more than once, e.g. {deliveredMoreThanOnce.FirstOrDefault()?.EventId}");
        Assert.Equal(all.Count, await _first.ScalarAsync("SELECT count(*) FROM outbox_messages"));
        Assert.Equal(all.Count, await _first.ScalarAsync("SELECT count(*) FROM outbox_messages WHERE attempts = 1"));
        Assert.Equal(all.Count, await _first.ScalarAsync("SELECT count(DISTINCT event_id) FROM applied_events WHERE event_id = ANY($1)", all.Select(e => e.EventId).ToArray()));
        Assert.Equal(all.Count, await _first.ScalarAsync("SELECT count(*) FROM applied_events WHERE event_id = ANY($1)", all.Select(e => e.EventId).ToArray()));
        // Both instances really dispatched: the events were published by two different buses.
        var publishers = all.Select(e => _first.Probe.DeliveriesOf(e.EventId).Single().SourceAddress).Distinct().ToList();
        Assert.Equal(2, publishers.Count);
    }
}
