using Microsoft.EntityFrameworkCore;
using Platform.Capacity.Organizations;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;

namespace Platform.Capacity.Data;

public sealed class CapacityDbContext(DbContextOptions<CapacityDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CapacityDbContext).Assembly);
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddAuditTrail();
    }
}
