using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Youth.Camps;

internal sealed class CampConfiguration : IEntityTypeConfiguration<Camp>
{
    public void Configure(EntityTypeBuilder<Camp> camp)
    {
        camp.ToTable("camps");
        camp.HasKey(c => c.Id);
        camp.Property(c => c.Id).ValueGeneratedNever();
        camp.Property(c => c.Audience).HasConversion<string>().HasMaxLength(20);
        camp.Property(c => c.Name).HasMaxLength(Camp.MaxNameLength);
        camp.Property(c => c.Municipality).HasMaxLength(20);
        camp.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        // Held once: a second, concurrent "held" fails on the row version instead of publishing twice.
        camp.HasRowVersion();
        camp.Property(c => c.AttendedByGender).HasColumnType("jsonb").HasConversion(Counts.Converter, Counts.Comparer);
        camp.Property(c => c.AttendedByAgeGroup).HasColumnType("jsonb").HasConversion(Counts.Converter, Counts.Comparer);
        camp.HasMany(c => c.Sessions).WithOne().HasForeignKey(s => s.CampId);
        camp.HasMany(c => c.Participants).WithOne().HasForeignKey(p => p.CampId);
        camp.Navigation(c => c.Sessions).AutoInclude();
        camp.Navigation(c => c.Participants).AutoInclude();
        camp.HasIndex(c => new { c.Municipality, c.Status });
    }

    private static class Counts
    {
        public static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<Dictionary<string, int>?, string?> Converter = new(
            counts => counts == null ? null : JsonSerializer.Serialize(counts, JsonSerializerOptions.Default),
            json => json == null ? null : JsonSerializer.Deserialize<Dictionary<string, int>>(json, JsonSerializerOptions.Default));

        public static readonly ValueComparer<Dictionary<string, int>?> Comparer = new(
            (a, b) => a == null ? b == null : b != null && a.Count == b.Count && !a.Except(b).Any(),
            counts => counts == null ? 0 : counts.Count,
            counts => counts == null ? null : new Dictionary<string, int>(counts));
    }
}

internal sealed class CampSessionConfiguration : IEntityTypeConfiguration<CampSession>
{
    public void Configure(EntityTypeBuilder<CampSession> session)
    {
        session.ToTable("camp_sessions");
        session.HasKey(s => s.Id);
        session.Property(s => s.Id).ValueGeneratedNever();
        session.Property(s => s.Topic).HasMaxLength(Camp.MaxTopicLength);
    }
}

internal sealed class CampParticipantConfiguration : IEntityTypeConfiguration<CampParticipant>
{
    public void Configure(EntityTypeBuilder<CampParticipant> participant)
    {
        participant.ToTable("camp_participants");
        participant.HasKey(p => new { p.CampId, p.PersonId });
        participant.Property(p => p.Gender).HasMaxLength(20);
        participant.Property(p => p.AgeGroup).HasMaxLength(20);
        participant.HasIndex(p => p.PersonId);
        participant.HasOne<People.Person>().WithMany().HasForeignKey(p => p.PersonId);
    }
}
