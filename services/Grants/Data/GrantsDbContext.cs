using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Audit;
using Platform.Grants.Agreements;
using Platform.Grants.Applications;
using Platform.Grants.Awards;
using Platform.Grants.Calls;
using Platform.Grants.Evaluation;
using Platform.Grants.Projections;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;

namespace Platform.Grants.Data;

public sealed class GrantsDbContext(DbContextOptions<GrantsDbContext> options) : DbContext(options), IOutboxDbContext
{
    /// <summary>This service's copy of the organisation registry, kept from Capacity's events.</summary>
    public DbSet<OrganizationReplica> Organizations => Set<OrganizationReplica>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<GrantApplication> Applications => Set<GrantApplication>();

    public DbSet<EvaluatorAssignment> EvaluatorAssignments => Set<EvaluatorAssignment>();

    public DbSet<Award> Awards => Set<Award>();

    public DbSet<Agreement> Agreements => Set<Agreement>();

    /// <summary>Graduates of the Young Professionals Program, from Youth's events.</summary>
    public DbSet<Graduate> Graduates => Set<Graduate>();

    /// <summary>Organisations' completed capacity assessments, from Capacity's events.</summary>
    public DbSet<CompletedAssessment> CompletedAssessments => Set<CompletedAssessment>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GrantsDbContext).Assembly);
        modelBuilder.AddOrganizationReplica();
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddAuditTrail();
    }
}
