using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.ServiceDefaults.Data;

namespace Platform.Partnerships.Alliance;

internal sealed class AllianceMemberConfiguration : IEntityTypeConfiguration<AllianceMember>
{
    public void Configure(EntityTypeBuilder<AllianceMember> member)
    {
        member.ToTable("alliance_members");
        member.HasKey(m => m.Id);
        member.Property(m => m.Id).ValueGeneratedNever();
        member.Property(m => m.OrganizationType).HasConversion<string>().HasMaxLength(40);
        member.Property(m => m.Municipality).HasMaxLength(20);
        member.Property(m => m.Region).HasMaxLength(2);
        member.HasRowVersion();
        // One current membership per organisation, also under concurrent joins.
        member.HasIndex(m => m.OrganizationId).IsUnique().HasFilter("left_on IS NULL");
    }
}
