using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Capacity;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Messaging;

namespace Platform.IntegrationTests.Messaging;

/// <summary>One test service (its own database and queues) shared by the tests of <see cref="OutboxInboxTests"/>.</summary>
public sealed class OutboxInboxHost(PlatformServers servers) : IAsyncLifetime
{
    public MessagingTestHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await MessagingTestHost.CreateDatabaseAsync(servers, "outbox_inbox");
        // Few, short retries (the platform's default is about two minutes of them), so that a poison message reaches its error queue quickly.
        Host = await MessagingTestHost.StartAsync(servers, connectionString, $"it-{Guid.NewGuid():N}"[..15], new ConsumerProbe(), new Dictionary<string, string?>
        {
            ["Messaging:Retry:Limit"] = OutboxInboxTests.RetryLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:Retry:MaxInterval"] = "00:00:01",
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }
    }
}

public sealed class OutboxInboxTests(PlatformServers servers, OutboxInboxHost fixture) : IClassFixture<OutboxInboxHost>
{
    internal const int RetryLimit = 5;
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);
    private MessagingTestHost Host => fixture.Host;

    [Fact]
    public async Task A_committed_event_is_delivered_and_its_outbox_row_marked_sent_after_one_attempt()
    {
        var e = MessagingTestHost.NewEvent();

        await Host.CommitAsync(e);

        await Eventually.HoldsAsync(async () => await Host.AppliedCountAsync(e.EventId) == 1, Delivery, "the consumer to apply the event");
        var row = await Eventually.ReturnsAsync(() => Host.OutboxRowAsync(e.EventId), r => r?.SentAt is not null, Delivery, "the outbox row to be marked sent");
        Assert.Equal(1, row!.Attempts);
        Assert.Null(row.LastError);
        var delivery = Assert.Single(Host.Probe.DeliveriesOf(e.EventId));
        Assert.True(delivery.Applied);
    }

    [Fact]
    public async Task A_message_delivered_twice_is_applied_once_and_the_duplicate_acknowledged()
    {
        var ct = TestContext.Current.CancellationToken;
        var e = MessagingTestHost.NewEvent();

        // The same event (same EventId and MessageId) twice, as a re-publish after a lost confirmation would send it.
        await Host.Bus.Publish(e, context => context.MessageId = e.EventId, ct);
        await Host.Bus.Publish(e, context => context.MessageId = e.EventId, ct);

        // Both deliveries were consumed without an exception (so acknowledged): the first applied, the second recognised.
        await Eventually.HoldsAsync(() => Task.FromResult(Host.Probe.DeliveriesOf(e.EventId).Count == 2), Delivery, "both deliveries to be consumed");
        Assert.Equal(new[] { true, false }, Host.Probe.DeliveriesOf(e.EventId).Select(d => d.Applied).OrderDescending().ToArray());
        Assert.Equal(1, await Host.AppliedCountAsync(e.EventId));
        Assert.Equal(1, await Host.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1 AND consumer = $2", e.EventId, InboxConsumer.Name));
        Assert.Null(Host.Probe.FaultOf(e.EventId));
        Assert.Equal(0u, await Host.MessagesInQueueAsync(servers, Host.QueueOf<InboxConsumer>() + "_error"));
    }

    [Fact]
    public async Task A_rolled_back_transaction_publishes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var rolledBack = MessagingTestHost.NewEvent("Rolled back");
        var committed = MessagingTestHost.NewEvent("Committed");

        await using (var scope = Host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
            // The platform's DbContext retries on transient failures, so a user transaction runs inside its strategy.
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                db.Notes.Add(new Note { Id = rolledBack.OrganizationId, Text = "never committed" });
                db.AddIntegrationEvent(rolledBack);
                await db.SaveChangesAsync(ct);
                await transaction.RollbackAsync(ct);
            });
        }

        await Host.CommitAsync(committed);

        await Eventually.HoldsAsync(async () => await Host.AppliedCountAsync(committed.EventId) == 1, Delivery, "the committed event to be applied");
        await Eventually.HoldsAsync(async () => (await Host.OutboxRowAsync(committed.EventId))?.SentAt is not null, Delivery, "the committed event to be marked sent");
        Assert.Empty(Host.Probe.DeliveriesOf(rolledBack.EventId));
        Assert.Equal(0, await Host.AppliedCountAsync(rolledBack.EventId));
        Assert.Null(await Host.OutboxRowAsync(rolledBack.EventId));
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM notes WHERE id = $1", rolledBack.OrganizationId));
    }

    [Fact]
    public async Task A_consumer_that_keeps_failing_gets_its_retries_then_the_message_goes_to_its_error_queue()
    {
        var e = MessagingTestHost.NewEvent("Poison");
        Host.Probe.Poison(e.OrganizationId);
        var errorQueue = Host.QueueOf<FailingConsumer>() + "_error";

        await Host.CommitAsync(e);

        await Eventually.HoldsAsync(() => Task.FromResult(Host.Probe.FaultOf(e.EventId) is not null), TimeSpan.FromSeconds(60), "a Fault<OrganizationRegistered> to be published");
        await Eventually.HoldsAsync(async () => await Host.MessagesInQueueAsync(servers, errorQueue) == 1, Delivery, $"the message to reach {errorQueue}");
        // The first attempt and the five retries configured (Messaging:Retry:Limit).
        Assert.Equal(1 + RetryLimit, Host.Probe.FailingAttemptsOf(e.EventId));
        var fault = Host.Probe.FaultOf(e.EventId)!;
        Assert.Equal(e.OrganizationId, fault.Message.OrganizationId);
        Assert.Contains(fault.Exceptions, x => x.Message.Contains("Poisoned", StringComparison.Ordinal));
        // The failure of one consumer does not hold back another consumer of the same event on its own queue.
        await Eventually.HoldsAsync(async () => await Host.AppliedCountAsync(e.EventId) == 1, Delivery, "the inbox consumer to apply the event");
        // The outbox did its part once: the broker confirmed the event.
        var row = await Host.OutboxRowAsync(e.EventId);
        Assert.NotNull(row?.SentAt);
        Assert.Equal(1, row.Attempts);
    }
}
