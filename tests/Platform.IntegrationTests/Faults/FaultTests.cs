using System.Diagnostics;
using Platform.IntegrationTests.Infrastructure;
using Platform.IntegrationTests.Messaging;

namespace Platform.IntegrationTests.Faults;

/// <summary>
/// The no-loss promise under faults. While 3000 <c>OrganizationRegistered</c> events flow from Capacity's outbox to the
/// organisation projections of Media and Partnerships (1200 from registrations through Capacity's API, 1800 committed
/// straight to its outbox in batches), the broker is restarted, a consumer is killed, or the dispatching service is
/// killed mid-batch; afterwards every committed event was applied exactly once by every consumer, and every
/// registration the API acknowledged kept its data. The services are separate processes, killed with SIGKILL.
/// In the broker-outage collection: restarting the shared broker would disturb other tests, and the load wants the
/// machine to itself.
/// </summary>
[Collection(BrokerOutageCollection.Name)]
public sealed class FaultTests(PlatformServers servers, ITestOutputHelper output) : IAsyncLifetime
{
    private const int ThroughApi = 1200;
    private const int StraightToOutbox = 1800;
    private const int Concurrency = 8;
    private FaultTestBed _bed = null!;

    public async ValueTask InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        _bed = await FaultTestBed.StartAsync(servers);
        output.WriteLine($"Capacity, Media and Partnerships started as processes in {clock.Elapsed.TotalSeconds:0.0} s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!servers.RabbitMqRunning)
        {
            await servers.StartRabbitMqAsync(); // a failed test must not leave the broker down
        }

        if (!servers.PostgresRunning)
        {
            await servers.StartPostgresAsync();
        }

        if (_bed is not null)
        {
            await _bed.DisposeAsync();
        }
    }

    [Fact]
    public Task Restarting_the_broker_while_events_flow_loses_and_duplicates_nothing() => RestartTheBrokerAsync();

    /// <summary>
    /// The same with four dispatch loops in Capacity (<c>Messaging:Outbox:Workers</c>): once, four loops missed this test's
    /// deadline, because every loop's failed publishes pushed each row's next attempt further out. Broker failures no
    /// longer touch the rows, and the loops claim disjoint batches (FOR UPDATE SKIP LOCKED).
    /// </summary>
    [Fact]
    public async Task Restarting_the_broker_with_four_dispatch_loops_loses_and_duplicates_nothing()
    {
        await _bed.DisposeAsync();
        _bed = null!;
        _bed = await FaultTestBed.StartAsync(servers, dispatchLoops: 4);
        await RestartTheBrokerAsync();
    }

    private async Task RestartTheBrokerAsync()
    {
        var (load, flowing) = await StartFlowAsync();
        await FaultTestBed.LoadReachesAsync(load, flowing, ThroughApi / 3);
        await ConsumersHaveAppliedAsync(50);

        var outage = Stopwatch.StartNew();
        var acknowledgedBefore = load.AcknowledgedCount;
        await servers.StopRabbitMqAsync();
        await servers.StartRabbitMqAsync();
        output.WriteLine($"Broker stopped and started again in {outage.Elapsed.TotalSeconds:0.0} s; registrations went on meanwhile ({acknowledgedBefore} -> {load.AcknowledgedCount} acknowledged).");

        await flowing;
        await _bed.AssertEveryEventAppliedExactlyOnceAsync(load, StraightToOutbox, output);
    }

    /// <summary>
    /// PostgreSQL (every service's database) is stopped while registrations come in and their events flow, and kept
    /// down until a command has outlasted its database retries; then started again. The same processes carry on
    /// once it is back (nothing restarted them), every event is applied exactly once, and during the outage the API
    /// answered only 503s (with Retry-After), never another 5xx.
    /// </summary>
    [Fact]
    public async Task Restarting_PostgreSQL_while_events_flow_loses_and_duplicates_nothing_and_answers_only_503()
    {
        var load = await _bed.RegistrationsAsync(ThroughApi, Concurrency);
        var flowing = load.RunAsync(TestContext.Current.CancellationToken);
        await FaultTestBed.LoadReachesAsync(load, flowing, ThroughApi / 4);

        var outage = Stopwatch.StartNew();
        var acknowledgedBefore = load.AcknowledgedCount;
        await servers.StopPostgresAsync();
        Assert.True(acknowledgedBefore < ThroughApi, "the load ended before the database was stopped");
        // Down long enough for the services to see it: Capacity's readiness check fails.
        await Eventually.HoldsAsync(async () => !await _bed.IsHealthyAsync(_bed.Capacity), TimeSpan.FromSeconds(30), "Capacity's /health to report the database down");
        // Longer than the database retries of a request: a command that arrives now is refused cleanly, and before the
        // gateway would give up on it (30 s) and answer 504 itself.
        var answered = Stopwatch.StartNew();
        var refused = await _bed.RegisterOnceAsync(TimeSpan.FromSeconds(180));
        Assert.True(refused.Status == 503 && refused.RetryAfter is not null, $"a command while the database stays down: {refused.Status} {refused.Body}");
        Assert.True(answered.Elapsed < TimeSpan.FromSeconds(30), $"the 503 came after {answered.Elapsed.TotalSeconds:0.0} s");
        var failedWhileDown = load.FailedAttempts;
        await servers.StartPostgresAsync();
        output.WriteLine($"PostgreSQL stopped and started again in {outage.Elapsed.TotalSeconds:0.0} s ({acknowledgedBefore} -> {load.AcknowledgedCount} acknowledged, {failedWhileDown} failed attempts by then).");

        await flowing;
        await _bed.AssertEveryEventAppliedExactlyOnceAsync(load, 0, output);
        Assert.All(_bed.Processes, p => Assert.True(p.Running, $"{p.Name} exited: {p.Output}"));
        var failures = load.Failures.GroupBy(f => f).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"Failed attempts: {string.Join(", ", failures.Select(f => $"{f.Value} x {f.Key}"))}");
        Assert.All(load.Failures, f => Assert.Equal("503", f));
        await _bed.AssertErrorQueuesEmptyThroughOperationsAsync();
    }

    [Fact]
    public async Task Killing_a_consumer_while_events_flow_loses_and_duplicates_nothing()
    {
        var (load, flowing) = await StartFlowAsync();
        await FaultTestBed.LoadReachesAsync(load, flowing, ThroughApi / 3);
        await ConsumersHaveAppliedAsync(50);
        var (consumer, database) = _bed.Consumers[0];

        await consumer.KillAsync();
        var appliedAtKill = (await FaultTestBed.InboxAsync(database)).Count;
        var (_, other) = _bed.Consumers[1];
        var otherAtKill = (await FaultTestBed.InboxAsync(other)).Count;
        await Eventually.HoldsAsync(async () => (await FaultTestBed.InboxAsync(other)).Count >= otherAtKill + 300,
            TimeSpan.FromSeconds(60), "the other consumer to go on applying while the first is dead");
        await consumer.StartAsync();
        output.WriteLine($"{consumer.Name} killed after applying {appliedAtKill} events, started again after the other consumer applied {(await FaultTestBed.InboxAsync(other)).Count - otherAtKill} more.");

        await flowing;
        await _bed.AssertEveryEventAppliedExactlyOnceAsync(load, StraightToOutbox, output);
    }

    [Fact]
    public async Task Killing_the_dispatcher_mid_batch_loses_and_duplicates_nothing()
    {
        var (load, flowing) = await StartFlowAsync();
        await FaultTestBed.LoadReachesAsync(load, flowing, ThroughApi / 4);
        await ConsumersHaveAppliedAsync(50);

        // Kill Capacity (its API and its outbox dispatcher) until a kill lands mid-batch: events of the batch were
        // published and applied, but the dispatcher died before marking them sent, so they will be published again.
        var republished = 0;
        for (var kill = 1; kill <= 3 && republished == 0; kill++)
        {
            await _bed.Capacity.KillAsync();
            // Nothing is published while it is dead: let the consumer work through everything that was, then compare.
            await Eventually.HoldsAsync(async () => await _bed.MessagesInQueueAsync(ReplicaQueueOf(_bed.Consumers[0].Process)) == 0,
                TimeSpan.FromSeconds(120), "the consumer to take everything published before the kill");
            republished = await PublishedButUnmarkedAsync();
            output.WriteLine($"Kill {kill} at {load.AcknowledgedCount} acknowledged registrations: {republished} events published and applied but not marked sent (they are published again).");
            await _bed.Capacity.StartAsync();
            if (republished == 0)
            {
                await ConsumersHaveAppliedAsync((await FaultTestBed.InboxAsync(_bed.Consumers[0].Database)).Count + 200);
            }
        }

        Assert.True(republished > 0, "no kill landed mid-batch (between publishing events and marking them sent)");

        await flowing;
        await _bed.AssertEveryEventAppliedExactlyOnceAsync(load, StraightToOutbox, output);
    }

    private static string ReplicaQueueOf(ServiceProcess consumer) => $"{consumer.Name.ToLowerInvariant()}-{FaultTestBed.ReplicaConsumer}";

    /// <summary>Registrations through the API and commits straight to the outbox, at the same time.</summary>
    private async Task<(RegistrationLoad Load, Task Flowing)> StartFlowAsync()
    {
        var load = await _bed.RegistrationsAsync(ThroughApi, Concurrency);
        var flowing = Task.WhenAll(load.RunAsync(TestContext.Current.CancellationToken), _bed.CommitRegistrationsAsync(StraightToOutbox, batchSize: 200));
        return (load, flowing);
    }

    private Task ConsumersHaveAppliedAsync(int events) =>
        Eventually.HoldsAsync(async () =>
        {
            foreach (var (_, database) in _bed.Consumers)
            {
                if ((await FaultTestBed.InboxAsync(database)).Count < events)
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(90), $"both consumers to have applied {events} events");

    /// <summary>
    /// After the dispatcher died: how many events a consumer applied whose outbox row is still unsent, polled briefly
    /// because the consumers may still be working through what the dead batch published.
    /// </summary>
    private async Task<int> PublishedButUnmarkedAsync()
    {
        var clock = Stopwatch.StartNew();
        var found = 0;
        while (found == 0 && clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            var (_, unsent) = await _bed.OutboxAsync();
            var applied = (await FaultTestBed.InboxAsync(_bed.Consumers[0].Database)).ToHashSet();
            found = unsent.Count(applied.Contains);
            if (found == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), TestContext.Current.CancellationToken);
            }
        }

        return found;
    }
}
