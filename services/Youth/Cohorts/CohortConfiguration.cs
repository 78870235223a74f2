using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Youth.Cohorts;

internal sealed class CohortConfiguration : IEntityTypeConfiguration<Cohort>
{
    public void Configure(EntityTypeBuilder<Cohort> cohort)
    {
        cohort.ToTable("cohorts");
        cohort.HasKey(c => c.Id);
        cohort.Property(c => c.Id).ValueGeneratedNever();
        cohort.Property(c => c.Name).HasMaxLength(Cohort.MaxNameLength);
        cohort.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        cohort.Ignore(c => c.FreePlaces);
        cohort.ToTable(t => t.HasCheckConstraint("ck_cohorts_places_not_overfilled", "accepted <= places"));
        cohort.HasIndex(c => c.Status);
        cohort.HasRowVersion();
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> application)
    {
        application.ToTable("applications");
        application.HasKey(a => a.Id);
        application.Property(a => a.Id).ValueGeneratedNever();
        application.Property(a => a.Gender).HasMaxLength(20);
        application.Property(a => a.Municipality).HasMaxLength(20);
        application.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        application.Property(a => a.Score).HasPrecision(5, 2);
        application.Property(a => a.Reason).HasMaxLength(Application.MaxReasonLength);
        // One application per person and cohort, also when two arrive at once.
        application.HasIndex(a => new { a.CohortId, a.PersonId }).IsUnique();
        application.HasIndex(a => a.PersonId);
        application.HasRowVersion();
        application.HasOne<Cohort>().WithMany().HasForeignKey(a => a.CohortId);
        application.HasOne<People.Person>().WithMany().HasForeignKey(a => a.PersonId);
    }
}
