using Microsoft.EntityFrameworkCore;
using Platform.Media.Campaigns;
using Platform.Media.Outputs;
using Platform.Media.Visibility;
using Platform.Media.Catalogue;
using Platform.Media.Results;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;

namespace Platform.Media.Data;

public sealed class MediaDbContext(DbContextOptions<MediaDbContext> options) : DbContext(options), IOutboxDbContext
{
    /// <summary>This service's copy of the organisation registry, kept from Capacity's events.</summary>
    public DbSet<OrganizationReplica> Organizations => Set<OrganizationReplica>();

    public DbSet<Campaign> Campaigns => Set<Campaign>();

    public DbSet<MediaOutput> Outputs => Set<MediaOutput>();

    public DbSet<VisibilityCheck> VisibilityChecks => Set<VisibilityCheck>();

    public DbSet<ReachMeasurement> ReachMeasurements => Set<ReachMeasurement>();

    public DbSet<JournalistTraining> JournalistTrainings => Set<JournalistTraining>();

    public DbSet<MediaPartnership> MediaPartnerships => Set<MediaPartnership>();
    // The results framework and the public catalogue.
    public DbSet<Fact> Facts => Set<Fact>();

    public DbSet<QuarterLock> QuarterLocks => Set<QuarterLock>();

    public DbSet<Story> Stories => Set<Story>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(MediaDbContext).Assembly);
        modelBuilder.AddOrganizationReplica();
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddAuditTrail();
    }
}
