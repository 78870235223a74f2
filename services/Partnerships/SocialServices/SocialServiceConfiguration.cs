using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Partnerships.Data;
using Platform.ServiceDefaults.Data;

namespace Platform.Partnerships.SocialServices;

internal sealed class SocialServiceConfiguration : IEntityTypeConfiguration<SocialService>
{
    public void Configure(EntityTypeBuilder<SocialService> service)
    {
        service.ToTable("social_services");
        service.HasKey(s => s.Id);
        service.Property(s => s.Id).ValueGeneratedNever();
        service.Property(s => s.Name).HasLocalizedTextConversion();
        service.Property(s => s.Municipality).HasMaxLength(20);
        service.Property(s => s.Need).HasMaxLength(SocialService.MaxTextLength);
        service.Property(s => s.Concept).HasMaxLength(SocialService.MaxTextLength);
        service.Property(s => s.TargetGroup).HasMaxLength(SocialService.MaxShortLength);
        service.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        service.Property(s => s.PeopleServedByGender).AsJsonCounts();
        service.Property(s => s.PeopleServedByAgeGroup).AsJsonCounts();
        service.Property(s => s.FundingAmount).HasPrecision(18, 2);
        service.Property(s => s.FundingCurrency).HasMaxLength(3);
        service.Property(s => s.DecisionReference).HasMaxLength(SocialService.MaxShortLength);
        service.Property(s => s.StoppedReason).HasMaxLength(SocialService.MaxTextLength);
        service.Ignore(s => s.PeopleServed);
        service.HasRowVersion();
        service.HasIndex(s => new { s.Municipality, s.Status });
    }
}
