using Microsoft.EntityFrameworkCore;
using Platform.Partnerships.Alliance;
using Platform.Partnerships.Awards;
using Platform.Partnerships.Groups;
using Platform.Partnerships.Meetings;
using Platform.Partnerships.Pilots;
using Platform.Partnerships.Recommendations;
using Platform.Partnerships.SocialServices;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;

namespace Platform.Partnerships.Data;

public sealed class PartnershipsDbContext(DbContextOptions<PartnershipsDbContext> options) : DbContext(options), IOutboxDbContext
{
    /// <summary>This service's copy of the organisation registry, kept from Capacity's events.</summary>
    public DbSet<OrganizationReplica> Organizations => Set<OrganizationReplica>();

    /// <summary>Grant awards known from Grants' events: what a pilot initiative may be financed by.</summary>
    public DbSet<GrantAward> GrantAwards => Set<GrantAward>();

    public DbSet<PartnershipGroup> Groups => Set<PartnershipGroup>();

    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();

    public DbSet<Representative> Representatives => Set<Representative>();

    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<Decision> Decisions => Set<Decision>();

    public DbSet<AllianceMember> AllianceMembers => Set<AllianceMember>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<SocialService> SocialServices => Set<SocialService>();

    public DbSet<PilotInitiative> PilotInitiatives => Set<PilotInitiative>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PartnershipsDbContext).Assembly);
        modelBuilder.AddOrganizationReplica();
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.AddAuditTrail();
    }
}
