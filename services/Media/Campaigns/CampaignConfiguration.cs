using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Media.Data;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Domain;

namespace Platform.Media.Campaigns;

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<Campaign>
{
    public void Configure(EntityTypeBuilder<Campaign> campaign)
    {
        campaign.ToTable("campaigns");
        campaign.HasKey(c => c.Id);
        campaign.Property(c => c.Id).ValueGeneratedNever();
        campaign.Property(c => c.Title).HasLocalizedTextConversion();
        campaign.Property(c => c.Objective).HasLocalizedTextConversion();
        campaign.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        campaign.Property(c => c.TargetReachByChannel).HasJsonbConversion();
        campaign.Property(c => c.TargetReachByLanguage).HasJsonbConversion();
        campaign.Property(c => c.ClosingReach).HasJsonbConversion();
        campaign.Ignore(c => c.TargetReach);
        // Closed once: a close racing another close or a new measurement loses on the row version.
        campaign.HasRowVersion();
        campaign.HasIndex(c => c.Status);
    }
}
