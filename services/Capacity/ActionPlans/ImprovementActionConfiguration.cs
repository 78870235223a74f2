using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.ServiceDefaults.Data;

namespace Platform.Capacity.ActionPlans;

internal sealed class ImprovementActionConfiguration : IEntityTypeConfiguration<ImprovementAction>
{
    public void Configure(EntityTypeBuilder<ImprovementAction> action)
    {
        action.ToTable("improvement_actions");
        action.HasKey(a => a.Id);
        action.Property(a => a.Id).ValueGeneratedNever();
        action.Property(a => a.Municipality).HasMaxLength(20);
        action.Property(a => a.Domain).HasMaxLength(40);
        action.Property(a => a.SubArea).HasMaxLength(40);
        action.Property(a => a.Description).HasMaxLength(ImprovementAction.MaxTextLength);
        action.Property(a => a.Owner).HasMaxLength(ImprovementAction.MaxOwnerLength);
        action.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        action.Property(a => a.DropReason).HasMaxLength(ImprovementAction.MaxTextLength);
        action.Ignore(a => a.IsOpen);
        action.HasRowVersion();
        action.HasIndex(a => new { a.OrganizationId, a.Status });
        action.HasIndex(a => new { a.Status, a.DueOn });
        action.HasOne<Assessments.Assessment>().WithMany().HasForeignKey(a => a.AssessmentId);
    }
}
