using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Capacity.Data;
using Platform.ServiceDefaults.Data;

namespace Platform.Capacity.Activities;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> activity)
    {
        activity.ToTable("activities");
        activity.HasKey(a => a.Id);
        activity.Property(a => a.Id).ValueGeneratedNever();
        activity.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        activity.Property(a => a.Title).HasMaxLength(Activity.MaxTitleLength);
        activity.Property(a => a.Audience).HasMaxLength(20);
        activity.Property(a => a.Municipality).HasMaxLength(20);
        activity.Property(a => a.Country).HasMaxLength(2);
        activity.Property(a => a.City).HasMaxLength(Activity.MaxNameLength);
        activity.Property(a => a.Mentor).HasMaxLength(Activity.MaxNameLength);
        activity.Property(a => a.Hours).HasPrecision(6, 2);
        activity.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        activity.Property(a => a.Delivered).HasJsonConversion();
        activity.Ignore(a => a.Place);
        // Every change touches UpdatedAt, so a change of sessions or attendance racing the delivery loses.
        activity.HasRowVersion();
        activity.HasMany(a => a.Sessions).WithOne().HasForeignKey(s => s.ActivityId);
        activity.HasMany(a => a.Participants).WithOne().HasForeignKey(p => p.ActivityId);
        activity.Navigation(a => a.Sessions).AutoInclude();
        activity.Navigation(a => a.Participants).AutoInclude();
        activity.HasIndex(a => new { a.Municipality, a.Status });
        activity.HasIndex(a => a.MentoredOrganizationId);
    }
}

internal sealed class ActivitySessionConfiguration : IEntityTypeConfiguration<ActivitySession>
{
    public void Configure(EntityTypeBuilder<ActivitySession> session)
    {
        session.ToTable("activity_sessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).ValueGeneratedNever();
        session.Property(s => s.Topic).HasMaxLength(Activity.MaxTopicLength);
    }
}

internal sealed class ActivityParticipantConfiguration : IEntityTypeConfiguration<ActivityParticipant>
{
    public void Configure(EntityTypeBuilder<ActivityParticipant> participant)
    {
        participant.ToTable("activity_participants");
        participant.HasKey(p => new { p.ActivityId, p.ParticipantId });
        participant.Property(p => p.Gender).HasMaxLength(20);
        participant.Property(p => p.AgeGroup).HasMaxLength(20);
        participant.Property(p => p.Sector).HasMaxLength(20);
        participant.Property(p => p.Municipality).HasMaxLength(20);
        participant.Property(p => p.PreTest).HasPrecision(5, 2);
        participant.Property(p => p.PostTest).HasPrecision(5, 2);
        participant.Ignore(p => p.Gain);
        participant.HasIndex(p => p.ParticipantId);
        participant.HasOne<Participants.Participant>().WithMany().HasForeignKey(p => p.ParticipantId);
    }
}
