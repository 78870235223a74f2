using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Messaging;

namespace Platform.IntegrationTests.Messaging;

/// <summary>
/// Messages that arrive together share one inbox transaction; these tests hold it to the promise of one
/// transaction per message: each message applied exactly once, and a faulty one failing alone.
/// </summary>
public sealed class InboxGroupCommitTests(OutboxInboxHost fixture) : IClassFixture<OutboxInboxHost>
{
    private const string Consumer = "group-commit-test";
    private MessagingTestHost Host => fixture.Host;
    private InboxGroupCommit<TestDbContext> GroupCommit => Host.Services.GetRequiredService<InboxGroupCommit<TestDbContext>>();

    [Fact]
    public async Task Messages_arriving_together_and_each_delivered_twice_are_each_applied_exactly_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var eventIds = Enumerable.Range(0, 150).Select(_ => Guid.NewGuid()).ToArray();

        // Every message twice, all at once: groups form, and some hold both copies of a message.
        var results = await Task.WhenAll(eventIds.Concat(eventIds).Select(id => Task.Run(() => ApplyAsync(id, ct), ct)));

        Assert.Equal(eventIds.Length, results.Count(applied => applied));
        Assert.Equal(eventIds.Length, results.Count(applied => !applied));
        foreach (var id in eventIds)
        {
            Assert.Equal(1, await Host.AppliedCountAsync(id));
        }
    }

    [Fact]
    public async Task A_message_whose_effect_fails_fails_alone_and_can_be_applied_when_redelivered()
    {
        var ct = TestContext.Current.CancellationToken;
        var faulty = Guid.NewGuid();
        var healthy = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToArray();

        var calls = healthy.Select(id => Task.Run(() => ApplyAsync(id, ct), ct)).ToList();
        var failing = Task.Run(() => GroupCommit.ApplyAsync(faulty, Consumer, (_, _) => throw new InvalidOperationException("poisoned"), ct), ct);
        calls.AddRange(healthy.Take(10).Select(id => Task.Run(() => ApplyAsync(id, ct), ct)));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.Equal("poisoned", error.Message);
        await Task.WhenAll(calls);
        foreach (var id in healthy)
        {
            Assert.Equal(1, await Host.AppliedCountAsync(id));
        }

        // Nothing of the failed message was kept, not even its inbox row: its redelivery applies it.
        Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", faulty));
        Assert.True(await ApplyAsync(faulty, ct));
        Assert.Equal(1, await Host.AppliedCountAsync(faulty));
    }

    private Task<bool> ApplyAsync(Guid eventId, CancellationToken ct) =>
        GroupCommit.ApplyAsync(eventId, Consumer, (db, _) =>
        {
            db.AppliedEvents.Add(new AppliedEvent { EventId = eventId, Consumer = Consumer, OrganizationId = eventId });
            return Task.CompletedTask;
        }, ct);
}
