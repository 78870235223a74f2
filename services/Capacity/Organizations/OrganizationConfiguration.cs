using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Capacity.Organizations;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> organization)
    {
        organization.ToTable("organizations");
        organization.HasKey(o => o.Id);
        organization.Property(o => o.Id).ValueGeneratedNever();
        organization.Property(o => o.Name).HasLocalizedTextConversion();
        organization.Property(o => o.Description!).HasLocalizedTextConversion();
        organization.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
        organization.Property(o => o.Municipality).HasMaxLength(20);
        organization.Property(o => o.Email).HasMaxLength(254);
        organization.Property(o => o.Phone).HasMaxLength(30);
        organization.Property(o => o.Website).HasMaxLength(300);
        organization.Property(o => o.RegistrationNumber).HasMaxLength(9);
        // Two concurrent updates must not both become version N+1.
        organization.Property(o => o.Version).IsConcurrencyToken();
        organization.HasIndex(o => new { o.Municipality, o.Type });
        organization.Ignore(o => o.Details);
    }
}
