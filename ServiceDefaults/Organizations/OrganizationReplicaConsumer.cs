using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Organizations;

/// <summary>Keeps a service's <see cref="OrganizationReplica"/> table in step with Capacity's registry.</summary>
public sealed class OrganizationReplicaConsumer<TDbContext>(Inbox<TDbContext> inbox)
    : IConsumer<OrganizationRegistered>, IConsumer<OrganizationUpdated>
    where TDbContext : DbContext, IOutboxDbContext
{
    private const string ConsumerName = "organization-replica";

    public Task Consume(ConsumeContext<OrganizationRegistered> context)
    {
        var e = context.Message;
        return inbox.ApplyOnceAsync(e, ConsumerName, (db, ct) => UpsertAsync(db, e.OrganizationId, e.Name, e.Type, e.Municipality, e.Version, e.OccurredAt, ct), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<OrganizationUpdated> context)
    {
        var e = context.Message;
        return inbox.ApplyOnceAsync(e, ConsumerName, (db, ct) => UpsertAsync(db, e.OrganizationId, e.Name, e.Type, e.Municipality, e.Version, e.OccurredAt, ct), context.CancellationToken);
    }

    private static async Task UpsertAsync(
        TDbContext db, Guid id, IReadOnlyDictionary<string, string> name, OrganizationType type, string municipality, int version, DateTimeOffset occurredAt, CancellationToken ct)
    {
        var replicas = db.Set<OrganizationReplica>();
        var replica = await replicas.FindAsync([id], ct);
        if (replica is null)
        {
            replicas.Add(OrganizationReplica.From(id, name, type, municipality, version, occurredAt));
        }
        else
        {
            replica.Apply(name, type, municipality, version, occurredAt);
        }
    }
}
