using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.ServiceDefaults.Data;

namespace Platform.Partnerships.Recommendations;

internal sealed class RecommendationConfiguration : IEntityTypeConfiguration<Recommendation>
{
    public void Configure(EntityTypeBuilder<Recommendation> recommendation)
    {
        recommendation.ToTable("recommendations");
        recommendation.HasKey(r => r.Id);
        recommendation.Property(r => r.Id).ValueGeneratedNever();
        recommendation.Property(r => r.Title).HasLocalizedTextConversion();
        recommendation.Property(r => r.Summary).HasLocalizedTextConversion();
        recommendation.Property(r => r.Problem).HasMaxLength(Recommendation.MaxTextLength);
        recommendation.Property(r => r.ProposedAction).HasMaxLength(Recommendation.MaxTextLength);
        recommendation.Property(r => r.AuthorityName).HasMaxLength(Recommendation.MaxTitleLength);
        recommendation.Property(r => r.SubmissionReference).HasMaxLength(Recommendation.MaxReferenceLength);
        recommendation.Property(r => r.AuthorityReply).HasMaxLength(Recommendation.MaxTextLength);
        recommendation.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        recommendation.HasRowVersion();
        recommendation.HasMany(r => r.Votes).WithOne().HasForeignKey(v => v.RecommendationId);
        recommendation.HasMany(r => r.Timeline).WithOne().HasForeignKey(t => t.RecommendationId);
        recommendation.Navigation(r => r.Votes).AutoInclude();
        recommendation.Navigation(r => r.Timeline).AutoInclude();
        recommendation.HasIndex(r => r.Status);
    }
}

internal sealed class VoteConfiguration : IEntityTypeConfiguration<Vote>
{
    public void Configure(EntityTypeBuilder<Vote> vote)
    {
        vote.ToTable("recommendation_votes");
        vote.HasKey(v => new { v.RecommendationId, v.OrganizationId });
        vote.Property(v => v.Choice).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class TimelineEntryConfiguration : IEntityTypeConfiguration<TimelineEntry>
{
    public void Configure(EntityTypeBuilder<TimelineEntry> entry)
    {
        entry.ToTable("recommendation_timeline");
        entry.HasKey(t => new { t.RecommendationId, t.Sequence });
        entry.Property(t => t.Step).HasConversion<string>().HasMaxLength(30);
        entry.Property(t => t.Actor).HasMaxLength(200);
        entry.Property(t => t.Note).HasMaxLength(Recommendation.MaxNoteLength + 200);
    }
}
