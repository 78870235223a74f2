using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Youth.Internships;

internal sealed class InternshipConfiguration : IEntityTypeConfiguration<Internship>
{
    public void Configure(EntityTypeBuilder<Internship> internship)
    {
        internship.ToTable("internships");
        internship.HasKey(i => i.Id);
        internship.Property(i => i.Id).ValueGeneratedNever();
        internship.Property(i => i.Municipality).HasMaxLength(20);
        internship.Property(i => i.MentorName).HasMaxLength(Internship.MaxMentorLength);
        internship.Property(i => i.MentorContact).HasMaxLength(Internship.MaxMentorLength);
        internship.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        // Two completions at once: the second fails on the row version instead of graduating (and publishing) twice.
        internship.HasRowVersion();
        internship.HasMany(i => i.CheckIns).WithOne().HasForeignKey(c => c.InternshipId);
        internship.Navigation(i => i.CheckIns).AutoInclude();
        internship.Ignore(i => i.PlannedMonths);
        internship.Ignore(i => i.MissingMonths);
        // One internship per accepted application, also when two placements race.
        internship.HasIndex(i => i.ApplicationId).IsUnique();
        internship.HasIndex(i => i.PersonId);
        internship.HasIndex(i => new { i.CohortId, i.Status });
        internship.HasOne<Cohorts.Application>().WithMany().HasForeignKey(i => i.ApplicationId);
    }
}

internal sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> checkIn)
    {
        checkIn.ToTable("check_ins");
        checkIn.HasKey(c => c.Id);
        checkIn.Property(c => c.Id).ValueGeneratedNever();
        checkIn.Property(c => c.Month).HasMaxLength(7);
        checkIn.Property(c => c.Tasks).HasMaxLength(CheckIn.MaxTextLength);
        checkIn.Property(c => c.Concerns).HasMaxLength(CheckIn.MaxTextLength);
        checkIn.Property(c => c.Hours).HasPrecision(6, 2);
        // One report per month, also when two arrive at once.
        checkIn.HasIndex(c => new { c.InternshipId, c.Month }).IsUnique();
    }
}
