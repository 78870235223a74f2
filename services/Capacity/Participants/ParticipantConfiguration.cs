using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.ServiceDefaults.Data;

namespace Platform.Capacity.Participants;

internal sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> participant)
    {
        participant.ToTable("participants");
        participant.HasKey(p => p.Id);
        participant.Property(p => p.Id).ValueGeneratedNever();
        participant.Property(p => p.FullName).HasMaxLength(Participant.MaxNameLength);
        participant.Property(p => p.Gender).HasMaxLength(20);
        participant.Property(p => p.AgeGroup).HasMaxLength(20);
        participant.Property(p => p.Sector).HasMaxLength(20);
        participant.Property(p => p.Municipality).HasMaxLength(20);
        participant.Property(p => p.Position).HasMaxLength(Participant.MaxPositionLength);
        participant.Property(p => p.Email).HasMaxLength(254);
        participant.Property(p => p.Phone).HasMaxLength(30);
        participant.Property(p => p.ConsentPurpose).HasMaxLength(Participant.MaxConsentLength);
        participant.Property(p => p.ConsentNoticeVersion).HasMaxLength(Participant.MaxConsentLength);
        participant.Ignore(p => p.IsErased);
        // Erasure is a lifecycle step: two erasures (or an erasure and a registration for an activity) must not both win.
        participant.HasRowVersion();
        participant.HasIndex(p => p.OrganizationId);
    }
}
