using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;
using Platform.Youth.Camps;
using Platform.Youth.Cohorts;
using Platform.Youth.Internships;
using Platform.Youth.People;

namespace Platform.Youth.Data;

public sealed class YouthDbContext(DbContextOptions<YouthDbContext> options) : DbContext(options), IOutboxDbContext
{
    /// <summary>This service's copy of the organisation registry, kept from Capacity's events.</summary>
    public DbSet<OrganizationReplica> Organizations => Set<OrganizationReplica>();

    public DbSet<Person> People => Set<Person>();

    public DbSet<Cohort> Cohorts => Set<Cohort>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<Internship> Internships => Set<Internship>();

    public DbSet<CheckIn> CheckIns => Set<CheckIn>();

    public DbSet<Camp> Camps => Set<Camp>();

    public DbSet<CampParticipant> CampParticipants => Set<CampParticipant>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(YouthDbContext).Assembly);
        modelBuilder.AddOrganizationReplica();
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddAuditTrail();
    }
}
