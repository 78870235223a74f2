using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Messaging;

namespace Platform.IntegrationTests.Messaging;

/// <summary>
/// Another instance's commit wakes this instance's dispatcher through PostgreSQL (LISTEN/NOTIFY): with a poll
/// interval of a minute, an event committed by a context this process never signals is still published at once.
/// </summary>
public sealed class WakeUpTests(PlatformServers servers) : IAsyncLifetime
{
    private MessagingTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await MessagingTestHost.CreateDatabaseAsync(servers, "wake_up");
        _host = await MessagingTestHost.StartAsync(servers, connectionString, $"it-{Guid.NewGuid():N}"[..15], new ConsumerProbe(),
            new Dictionary<string, string?> { ["Messaging:Outbox:PollInterval"] = "00:01:00" });
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_event_committed_by_another_instance_is_published_without_waiting_for_the_poll()
    {
        var e = MessagingTestHost.NewEvent("Committed by another instance");
        // As another instance would: its own context, whose commit this process's signal never hears of.
        await using (var other = new TestDbContext(TestDbContext.OptionsFor(_host.ConnectionString)))
        {
            other.Notes.Add(new Note { Id = e.OrganizationId, Text = "from another instance" });
            other.AddIntegrationEvent(e);
            await other.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await Eventually.HoldsAsync(async () => await _host.AppliedCountAsync(e.EventId) == 1, TimeSpan.FromSeconds(15),
            "the event to be published long before the minute's poll");
    }
}
