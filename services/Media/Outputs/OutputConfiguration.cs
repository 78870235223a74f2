using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Media.Campaigns;
using Platform.Media.Data;
using Platform.Media.Visibility;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Organizations;

namespace Platform.Media.Outputs;

internal sealed class MediaOutputConfiguration : IEntityTypeConfiguration<MediaOutput>
{
    public void Configure(EntityTypeBuilder<MediaOutput> output)
    {
        output.ToTable("media_outputs");
        output.HasKey(o => o.Id);
        output.Property(o => o.Id).ValueGeneratedNever();
        output.Property(o => o.Type).HasConversion<string>().HasMaxLength(20);
        output.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
        output.Property(o => o.Title).HasMaxLength(MediaOutput.MaxTitleLength);
        output.Property(o => o.Language).HasMaxLength(2);
        output.Property(o => o.Channel).HasMaxLength(20);
        output.Property(o => o.Municipality).HasMaxLength(20);
        output.Property(o => o.Link).HasMaxLength(MediaOutput.MaxLinkLength);
        output.Property(o => o.OwnChannel).HasMaxLength(MediaOutput.MaxOwnChannelLength);
        output.Property(o => o.ApprovedBy).HasMaxLength(200);
        output.Ignore(o => o.LatestCheck);
        output.Ignore(o => o.LatestReach);
        output.Ignore(o => o.Reach);
        output.HasOne<Campaign>().WithMany().HasForeignKey(o => o.CampaignId);
        output.HasOne<OrganizationReplica>().WithMany().HasForeignKey(o => o.OutletId);
        output.HasMany(o => o.Checks).WithOne().HasForeignKey(c => c.OutputId);
        output.HasMany(o => o.Measurements).WithOne().HasForeignKey(m => m.OutputId);
        output.Navigation(o => o.Checks).AutoInclude();
        output.Navigation(o => o.Measurements).AutoInclude();
        // Checked, approved and published once: concurrent steps lose on the row version.
        output.HasRowVersion();
        output.HasIndex(o => new { o.Status, o.Municipality });
        output.HasIndex(o => o.CampaignId);
    }
}

internal sealed class VisibilityCheckConfiguration : IEntityTypeConfiguration<VisibilityCheck>
{
    public void Configure(EntityTypeBuilder<VisibilityCheck> check)
    {
        check.ToTable("visibility_checks");
        check.HasKey(c => c.Id);
        check.Property(c => c.Id).ValueGeneratedNever();
        check.Property(c => c.CheckedBy).HasMaxLength(200);
        check.Property(c => c.FundingStatementText).HasMaxLength(VisibilityCheck.MaxStatementLength);
        check.Property(c => c.Notes).HasMaxLength(VisibilityCheck.MaxNotesLength);
        check.Property(c => c.Failed).HasJsonbConversion();
        check.Ignore(c => c.Compliant);
        check.HasIndex(c => new { c.OutputId, c.Number }).IsUnique();
    }
}

internal sealed class ReachMeasurementConfiguration : IEntityTypeConfiguration<ReachMeasurement>
{
    public void Configure(EntityTypeBuilder<ReachMeasurement> measurement)
    {
        measurement.ToTable("reach_measurements");
        measurement.HasKey(m => m.Id);
        measurement.Property(m => m.Id).ValueGeneratedNever();
        measurement.Property(m => m.Metric).HasMaxLength(20);
        measurement.Property(m => m.Source).HasMaxLength(ReachMeasurement.MaxSourceLength);
        measurement.HasIndex(m => m.OutputId);
    }
}

internal sealed class JournalistTrainingConfiguration : IEntityTypeConfiguration<JournalistTraining>
{
    public void Configure(EntityTypeBuilder<JournalistTraining> training)
    {
        training.ToTable("journalist_trainings");
        training.HasKey(t => t.Id);
        training.Property(t => t.Id).ValueGeneratedNever();
        training.Property(t => t.Topic).HasMaxLength(JournalistTraining.MaxTopicLength);
        training.HasOne<OrganizationReplica>().WithMany().HasForeignKey(t => t.OutletId);
    }
}

internal sealed class MediaPartnershipConfiguration : IEntityTypeConfiguration<MediaPartnership>
{
    public void Configure(EntityTypeBuilder<MediaPartnership> partnership)
    {
        partnership.ToTable("media_partnerships");
        partnership.HasKey(p => p.Id);
        partnership.Property(p => p.Id).ValueGeneratedNever();
        partnership.Property(p => p.Scope).HasMaxLength(MediaPartnership.MaxScopeLength);
        partnership.HasOne<OrganizationReplica>().WithMany().HasForeignKey(p => p.OutletId);
    }
}
