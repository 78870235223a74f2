using Microsoft.EntityFrameworkCore;
using Platform.Capacity.ActionPlans;
using Platform.Capacity.Activities;
using Platform.Capacity.Assessments;
using Platform.Capacity.Instruments;
using Platform.Capacity.Organizations;
using Platform.Capacity.Participants;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;

namespace Platform.Capacity.Data;

public sealed class CapacityDbContext(DbContextOptions<CapacityDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<Instrument> Instruments => Set<Instrument>();

    public DbSet<Assessment> Assessments => Set<Assessment>();

    public DbSet<ImprovementAction> ImprovementActions => Set<ImprovementAction>();

    public DbSet<Participant> Participants => Set<Participant>();

    public DbSet<Activity> Activities => Set<Activity>();

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
