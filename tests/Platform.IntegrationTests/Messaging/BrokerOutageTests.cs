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

    [Fact]
    public async Task An_event_committed_while_the_broker_is_down_is_delivered_once_it_is_back()
    {
        var e = MessagingTestHost.NewEvent("Committed during an outage");
        await servers.StopRabbitMqAsync();

        await _host.CommitAsync(e);

        // The dispatcher tried, failed, recorded why and scheduled a retry; the event is still waiting.
        var failed = await Eventually.ReturnsAsync(
            () => _host.OutboxRowAsync(e.EventId),
            row => row is { Attempts: >= 1, LastError: not null },
            TimeSpan.FromSeconds(45), "a failed publish attempt to be recorded on the outbox row");
        Assert.Null(failed!.SentAt);
        Assert.Equal(0, await _host.AppliedCountAsync(e.EventId));

        await servers.StartRabbitMqAsync();

        await Eventually.HoldsAsync(async () => await _host.AppliedCountAsync(e.EventId) == 1, TimeSpan.FromSeconds(90), "the event to be applied after the broker came back");
        var sent = await Eventually.ReturnsAsync(
            () => _host.OutboxRowAsync(e.EventId), row => row?.SentAt is not null, TimeSpan.FromSeconds(30), "the outbox row to be marked sent");
        Assert.True(sent!.Attempts >= 2, $"expected a failed attempt before the successful one, saw {sent.Attempts}");
        Assert.Null(sent.LastError);
        Assert.Equal(1, await _host.AppliedCountAsync(e.EventId));
        Assert.All(_host.Probe.DeliveriesOf(e.EventId).Skip(1), d => Assert.False(d.Applied));
    }
}
