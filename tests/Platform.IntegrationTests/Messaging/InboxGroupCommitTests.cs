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

    /// <summary>
    /// The writer that the first message starts goes on to commit later groups: it must not carry that message's trace
    /// (every later effect, and every span under it, would land in a trace that ended long ago).
    /// </summary>
    [Fact]
    public async Task A_later_group_is_applied_outside_the_trace_of_the_message_that_started_the_writer()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, release) = await HoldTheWriterAsync(ct);
        var firstTrace = first.Trace;

        var ran = false;
        System.Diagnostics.ActivityTraceId? seen = null;
        using (new System.Diagnostics.Activity("a later message").Start())
        {
            var later = GroupCommit.ApplyAsync(Guid.NewGuid(), Consumer, (_, _) =>
            {
                ran = true;
                seen = System.Diagnostics.Activity.Current?.TraceId;
                return Task.CompletedTask;
            }, ct);
            release.SetResult();
            Assert.True(await later);
        }

        await first.Applied;
        Assert.True(ran);
        Assert.NotEqual(firstTrace, seen);
    }

    /// <summary>
    /// A failure of the database is nobody's message's: the whole group is retried by the database's strategy and then
    /// fails, each message with the original cause, for the broker to redeliver. Applying the group one by one instead
    /// would multiply the load on a database that is failing, and commit the healthy messages of the group anyway.
    /// </summary>
    [Fact]
    public async Task A_database_failure_fails_the_whole_group_with_its_cause_and_applies_none_of_it_one_by_one()
    {
        var ct = TestContext.Current.CancellationToken;
        var (first, release) = await HoldTheWriterAsync(ct);
        var healthy = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var broken = Guid.NewGuid();

        // Queued while the writer is busy: they form its next group, together.
        var calls = healthy.Select(id => ApplyAsync(id, ct))
            .Append(GroupCommit.ApplyAsync(broken, Consumer, (_, _) => throw new Npgsql.NpgsqlException("the connection broke (test)", new System.Net.Sockets.SocketException()), ct))
            .ToArray();
        release.SetResult();
        await first.Applied;

        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => call);
            Assert.Contains("the connection broke (test)", error.ToString(), StringComparison.Ordinal);
        }

        foreach (var id in healthy.Append(broken))
        {
            Assert.Equal(0, await Host.AppliedCountAsync(id));
            Assert.Equal(0, await Host.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", id));
        }
    }

    /// <summary>
    /// Starts a message, under a trace of its own, whose effect waits until released: the writer stays busy with it, so
    /// whatever is applied meanwhile waits for the writer's next group.
    /// </summary>
    private async Task<((Task<bool> Applied, System.Diagnostics.ActivityTraceId Trace) First, TaskCompletionSource Release)> HoldTheWriterAsync(CancellationToken ct)
    {
        var running = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var id = Guid.NewGuid();
        Task<bool> applied;
        System.Diagnostics.ActivityTraceId trace;
        using (var activity = new System.Diagnostics.Activity("the first message").Start())
        {
            trace = activity.TraceId;
            applied = GroupCommit.ApplyAsync(id, Consumer, async (db, _) =>
            {
                running.TrySetResult();
                await release.Task;
                db.AppliedEvents.Add(new AppliedEvent { EventId = id, Consumer = Consumer, OrganizationId = id });
            }, ct);
        }

        await running.Task.WaitAsync(TimeSpan.FromSeconds(30), ct);
        return ((applied, trace), release);
    }

    private Task<bool> ApplyAsync(Guid eventId, CancellationToken ct) =>
        GroupCommit.ApplyAsync(eventId, Consumer, (db, _) =>
        {
            db.AppliedEvents.Add(new AppliedEvent { EventId = eventId, Consumer = Consumer, OrganizationId = eventId });
            return Task.CompletedTask;
        }, ct);
}
