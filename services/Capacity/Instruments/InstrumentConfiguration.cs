using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Capacity.Data;

namespace Platform.Capacity.Instruments;

internal sealed class InstrumentConfiguration : IEntityTypeConfiguration<Instrument>
{
    public void Configure(EntityTypeBuilder<Instrument> instrument)
    {
        // Published versions never change, so there is no lifecycle to guard; the unique index decides between two
        // publications of the same next version.
        instrument.ToTable("instruments");
        instrument.HasKey(i => i.Id);
        instrument.Property(i => i.Id).ValueGeneratedNever();
        instrument.Property(i => i.Code).HasMaxLength(Instrument.MaxCodeLength);
        instrument.Property(i => i.Name).HasLocalizedTextConversion();
        instrument.Property(i => i.Domains).HasJsonConversion();
        instrument.HasIndex(i => new { i.Code, i.Version }).IsUnique();
        instrument.Ignore(i => i.SubAreas);
        instrument.HasData(ProgrammeInstruments.All);
    }
}
