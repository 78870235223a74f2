using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.ServiceDefaults.Data;

namespace Platform.Partnerships.Groups;

internal sealed class GroupConfiguration : IEntityTypeConfiguration<PartnershipGroup>
{
    public void Configure(EntityTypeBuilder<PartnershipGroup> group)
    {
        group.ToTable("groups");
        group.HasKey(g => g.Id);
        group.Property(g => g.Id).ValueGeneratedNever();
        group.Property(g => g.Municipality).HasMaxLength(20);
        group.Property(g => g.Name).HasMaxLength(PartnershipGroup.MaxNameLength);
        group.Property(g => g.TermsOfReference).HasMaxLength(PartnershipGroup.MaxTermsLength);
        group.Property(g => g.ClosedReason).HasMaxLength(PartnershipGroup.MaxReasonLength);
        group.Property(g => g.Status).HasConversion<string>().HasMaxLength(20);
        group.HasRowVersion();
        group.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId);
        group.Navigation(g => g.Members).AutoInclude();
        // One group per municipality while it is not closed; a concurrent second formation fails here.
        group.HasIndex(g => g.Municipality).IsUnique().HasFilter("status <> 'Closed'");
    }
}

internal sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> member)
    {
        member.ToTable("group_members");
        member.HasKey(m => m.Id);
        member.Property(m => m.Id).ValueGeneratedNever();
        member.Property(m => m.OrganizationType).HasConversion<string>().HasMaxLength(40);
        member.Property(m => m.OrganizationMunicipality).HasMaxLength(20);
        member.Property(m => m.Role).HasConversion<string>().HasMaxLength(20);
        member.HasIndex(m => m.OrganizationId);
        member.HasMany(m => m.Representatives).WithOne().HasForeignKey(r => r.MemberId);
        member.Navigation(m => m.Representatives).AutoInclude();
    }
}

internal sealed class RepresentativeConfiguration : IEntityTypeConfiguration<Representative>
{
    public void Configure(EntityTypeBuilder<Representative> representative)
    {
        representative.ToTable("representatives");
        representative.HasKey(r => r.Id);
        representative.Property(r => r.Id).ValueGeneratedNever();
        representative.Property(r => r.Name).HasMaxLength(Representative.MaxNameLength);
        representative.Property(r => r.Gender).HasMaxLength(20);
        representative.Property(r => r.Contact).HasMaxLength(Representative.MaxContactLength);
    }
}
