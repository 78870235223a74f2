using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Partnerships.Data;
using Platform.ServiceDefaults.Data;

namespace Platform.Partnerships.Pilots;

internal sealed class PilotInitiativeConfiguration : IEntityTypeConfiguration<PilotInitiative>
{
    public void Configure(EntityTypeBuilder<PilotInitiative> pilot)
    {
        pilot.ToTable("pilot_initiatives");
        pilot.HasKey(p => p.Id);
        pilot.Property(p => p.Id).ValueGeneratedNever();
        pilot.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        pilot.Property(p => p.Title).HasMaxLength(PilotInitiative.MaxTitleLength);
        pilot.Property(p => p.Municipality).HasMaxLength(20);
        pilot.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        pilot.Property(p => p.ParticipantsByGender).AsJsonCounts();
        pilot.Property(p => p.ParticipantsByAgeGroup).AsJsonCounts();
        pilot.Property(p => p.Outcome).HasMaxLength(PilotInitiative.MaxTextLength);
        pilot.Property(p => p.FollowUp).HasMaxLength(PilotInitiative.MaxTextLength);
        pilot.Ignore(p => p.Participants);
        pilot.HasRowVersion();
        pilot.HasIndex(p => new { p.Municipality, p.Status });
    }
}
