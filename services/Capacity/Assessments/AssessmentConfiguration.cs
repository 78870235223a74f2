using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Capacity.Data;
using Platform.Capacity.Instruments;
using Platform.ServiceDefaults.Data;

namespace Platform.Capacity.Assessments;

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> assessment)
    {
        assessment.ToTable("assessments");
        assessment.HasKey(a => a.Id);
        assessment.Property(a => a.Id).ValueGeneratedNever();
        assessment.Property(a => a.OrganizationType).HasConversion<string>().HasMaxLength(40);
        assessment.Property(a => a.Municipality).HasMaxLength(20);
        assessment.Property(a => a.InstrumentCode).HasMaxLength(Instrument.MaxCodeLength);
        assessment.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        assessment.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        assessment.Property(a => a.CorrectionReason).HasMaxLength(Assessment.MaxReasonLength);
        assessment.Property(a => a.Scores).HasJsonConversion();
        assessment.Property(a => a.ValidatedRevisions).HasJsonConversion();
        assessment.Ignore(a => a.LatestValidated);
        // Two validations (or a validation and a correction) racing: the second loses, one event is published.
        assessment.HasRowVersion();
        // One baseline, one midline, one endline per organisation and instrument, also under concurrent starts.
        assessment.HasIndex(a => new { a.OrganizationId, a.InstrumentCode, a.Kind }).IsUnique();
        assessment.HasIndex(a => new { a.Municipality, a.Status });
        assessment.HasOne<Instrument>().WithMany().HasForeignKey(a => a.InstrumentId);
        assessment.HasOne<Organizations.Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
    }
}
