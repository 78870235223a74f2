using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Partnerships.Awards;

internal sealed class GrantAwardConfiguration : IEntityTypeConfiguration<GrantAward>
{
    public void Configure(EntityTypeBuilder<GrantAward> award)
    {
        award.ToTable("grant_awards");
        award.HasKey(a => a.AwardId);
        award.Property(a => a.AwardId).ValueGeneratedNever();
        award.Property(a => a.Municipality).HasMaxLength(20);
        award.Property(a => a.Amount).HasPrecision(18, 2);
        award.Property(a => a.Currency).HasMaxLength(3);
    }
}
