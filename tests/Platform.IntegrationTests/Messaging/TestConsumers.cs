using System.Collections.Concurrent;
using MassTransit;
using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Messaging;

namespace Platform.IntegrationTests.Messaging;

/// <summary>
/// What the test consumers saw, shared with the test. Every test host registers all consumers of this assembly
/// (AddPlatformMessaging scans the DbContext's assembly), so each behaves according to its host's probe, and every
/// assertion looks only at the ids its own test created.
/// </summary>
public sealed class ConsumerProbe
{
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<Delivery>> _deliveries = new();
    private readonly ConcurrentDictionary<Guid, int> _failingAttempts = new();
    private readonly ConcurrentDictionary<Guid, Fault<OrganizationRegistered>> _faults = new();
    private readonly ConcurrentDictionary<Guid, bool> _poisoned = new();
    private readonly ConcurrentDictionary<Guid, bool> _broken = new();

    public sealed record Delivery(bool Applied, Uri? SourceAddress);

    /// <summary>Events of this organisation make <see cref="FailingConsumer"/> throw, every time.</summary>
    public void Poison(Guid organizationId) => _poisoned[organizationId] = true;

    public bool IsPoisoned(Guid organizationId) => _poisoned.ContainsKey(organizationId);

    /// <summary>Events of this organisation make <see cref="RepairableConsumer"/> throw until <see cref="Repair"/>; others it ignores.</summary>
    public void Break(Guid organizationId) => _broken[organizationId] = true;

    /// <summary>The fix is deployed: <see cref="RepairableConsumer"/> applies the organisation's events from now on.</summary>
    public void Repair(Guid organizationId) => _broken[organizationId] = false;

    /// <summary>Null when the organisation was never broken (the consumer ignores it), else whether it still is.</summary>
    public bool? IsBroken(Guid organizationId) => _broken.TryGetValue(organizationId, out var broken) ? broken : null;

    /// <summary>Deliveries of an event that <see cref="InboxConsumer"/> completed (and so acknowledged).</summary>
    public IReadOnlyList<Delivery> DeliveriesOf(Guid eventId) =>
        _deliveries.TryGetValue(eventId, out var deliveries) ? deliveries.ToArray() : [];

    public int FailingAttemptsOf(Guid eventId) => _failingAttempts.GetValueOrDefault(eventId);

    public Fault<OrganizationRegistered>? FaultOf(Guid eventId) => _faults.GetValueOrDefault(eventId);

    internal void Delivered(Guid eventId, bool applied, Uri? source) =>
        _deliveries.GetOrAdd(eventId, _ => new ConcurrentQueue<Delivery>()).Enqueue(new Delivery(applied, source));

    internal void FailingAttempt(Guid eventId) => _failingAttempts.AddOrUpdate(eventId, 1, (_, n) => n + 1);

    internal void Faulted(Fault<OrganizationRegistered> fault) => _faults[fault.Message.EventId] = fault;
}

/// <summary>An idempotent consumer: its effect (a row in applied_events) is written through the inbox.</summary>
public sealed class InboxConsumer(Inbox<TestDbContext> inbox, ConsumerProbe probe) : IConsumer<OrganizationRegistered>
{
    public const string Name = "test-inbox";

    public async Task Consume(ConsumeContext<OrganizationRegistered> context)
    {
        var e = context.Message;
        var applied = await inbox.ApplyOnceAsync(e, Name, (db, _) =>
        {
            db.AppliedEvents.Add(new AppliedEvent { EventId = e.EventId, Consumer = Name, OrganizationId = e.OrganizationId });
            return Task.CompletedTask;
        }, context.CancellationToken);
        probe.Delivered(e.EventId, applied, context.SourceAddress);
    }
}

/// <summary>Throws on every attempt for the organisations its host's probe poisoned; ignores every other event.</summary>
public sealed class FailingConsumer(ConsumerProbe probe) : IConsumer<OrganizationRegistered>
{
    public Task Consume(ConsumeContext<OrganizationRegistered> context)
    {
        if (!probe.IsPoisoned(context.Message.OrganizationId))
        {
            return Task.CompletedTask;
        }

        probe.FailingAttempt(context.Message.EventId);
        throw new InvalidOperationException($"Poisoned organisation {context.Message.OrganizationId}");
    }
}

/// <summary>
/// A consumer with a bug for some messages (it throws for the organisations its probe broke, on every attempt, so they
/// end in its <c>_error</c> queue) until the fix (<see cref="ConsumerProbe.Repair"/>); then it applies them through the inbox.
/// </summary>
public sealed class RepairableConsumer(Inbox<TestDbContext> inbox, ConsumerProbe probe) : IConsumer<OrganizationRegistered>
{
    public const string Name = "test-repairable";

    public async Task Consume(ConsumeContext<OrganizationRegistered> context)
    {
        var e = context.Message;
        switch (probe.IsBroken(e.OrganizationId))
        {
            case null:
                return;
            case true:
                throw new InvalidOperationException($"Cannot handle organisation {e.OrganizationId} yet");
        }

        await inbox.ApplyOnceAsync(e, Name, (db, _) =>
        {
            db.AppliedEvents.Add(new AppliedEvent { EventId = e.EventId, Consumer = Name, OrganizationId = e.OrganizationId });
            return Task.CompletedTask;
        }, context.CancellationToken);
    }
}

/// <summary>Observes the faults MassTransit publishes when a consumer gave up on a message.</summary>
public sealed class FaultObserverConsumer(ConsumerProbe probe) : IConsumer<Fault<OrganizationRegistered>>
{
    public Task Consume(ConsumeContext<Fault<OrganizationRegistered>> context)
    {
        probe.Faulted(context.Message);
        return Task.CompletedTask;
    }
}
