using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Grants.Agreements;
using Platform.Grants.Applications;
using Platform.Grants.Awards;
using Platform.Grants.Calls;
using Platform.Grants.Evaluation;
using Platform.Grants.Projections;

namespace Platform.Grants.Data;

internal sealed class CallConfiguration : IEntityTypeConfiguration<Call>
{
    public void Configure(EntityTypeBuilder<Call> call)
    {
        call.ToTable("calls", table => table.HasCheckConstraint("ck_calls_awarded_within_envelope", "awarded_amount <= envelope"));
        call.HasKey(c => c.Id);
        call.Property(c => c.Id).ValueGeneratedNever();
        call.Property(c => c.Title).HasLocalizedTextConversion();
        call.Property(c => c.Description).HasLocalizedTextConversion();
        call.Property(c => c.TargetGroup).HasConversion<string>().HasMaxLength(40);
        call.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        call.Property(c => c.Currency).HasMaxLength(3);
        call.Property(c => c.Envelope).HasPrecision(14, 2);
        call.Property(c => c.MinimumAward).HasPrecision(14, 2);
        call.Property(c => c.MaximumAward).HasPrecision(14, 2);
        call.Property(c => c.AwardedAmount).HasPrecision(14, 2);
        call.Property(c => c.CoFundingShare).HasPrecision(6, 4);
        call.Property(c => c.Criteria).HasJsonConversion();
        call.HasIndex(c => c.Status);
        call.HasRowVersion();
        call.Ignore(c => c.Details);
        call.Ignore(c => c.RemainingEnvelope);
    }
}

internal sealed class GrantApplicationConfiguration : IEntityTypeConfiguration<GrantApplication>
{
    public void Configure(EntityTypeBuilder<GrantApplication> application)
    {
        application.ToTable("applications", table => table.HasCheckConstraint(
            "ck_applications_one_applicant", "(organization_id IS NULL) <> (participant_id IS NULL)"));
        application.HasKey(a => a.Id);
        application.Property(a => a.Id).ValueGeneratedNever();
        application.Property(a => a.CreatedBy).HasMaxLength(200);
        application.Property(a => a.ProjectTitle).HasMaxLength(ApplicationDetails.MaxTitleLength);
        application.Property(a => a.Summary).HasMaxLength(ApplicationDetails.MaxSummaryLength);
        application.Property(a => a.Municipality).HasMaxLength(20);
        application.Property(a => a.Currency).HasMaxLength(3);
        application.Property(a => a.RequestedAmount).HasPrecision(14, 2);
        application.Property(a => a.CoFunding).HasPrecision(14, 2);
        application.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        application.Property(a => a.BudgetLines).HasJsonConversion();
        application.Property(a => a.EligibilityFailures).HasJsonConversion();
        application.Property(a => a.DecisionReason).HasMaxLength(1000);
        application.HasIndex(a => new { a.CallId, a.Status });
        application.HasIndex(a => a.OrganizationId);
        application.HasIndex(a => a.ParticipantId);
        // Two submits, or a withdraw and an award, at once: the second fails on the row version instead of both committing.
        application.HasRowVersion();
        application.Ignore(a => a.Applicant);
        application.Ignore(a => a.Details);
        application.Ignore(a => a.InCompetition);
    }
}

internal sealed class EvaluatorAssignmentConfiguration : IEntityTypeConfiguration<EvaluatorAssignment>
{
    public void Configure(EntityTypeBuilder<EvaluatorAssignment> assignment)
    {
        assignment.ToTable("evaluator_assignments");
        assignment.HasKey(a => a.Id);
        assignment.Property(a => a.Id).ValueGeneratedNever();
        assignment.Property(a => a.Evaluator).HasMaxLength(200);
        assignment.Property(a => a.Declaration).HasConversion<string>().HasMaxLength(20);
        assignment.Property(a => a.Scores).HasJsonConversion();
        assignment.Property(a => a.WeightedTotal).HasPrecision(7, 2);
        // One score card per evaluator and application, however often the team assigns.
        assignment.HasIndex(a => new { a.ApplicationId, a.Evaluator }).IsUnique();
        assignment.HasIndex(a => new { a.Evaluator, a.CallId });
        assignment.Ignore(a => a.IsScored);
        assignment.HasRowVersion();
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<Award>
{
    public void Configure(EntityTypeBuilder<Award> award)
    {
        award.ToTable("awards");
        award.HasKey(a => a.Id);
        award.Property(a => a.Id).ValueGeneratedNever();
        award.Property(a => a.Amount).HasPrecision(14, 2);
        award.Property(a => a.Currency).HasMaxLength(3);
        // An application is awarded at most once.
        award.HasIndex(a => a.ApplicationId).IsUnique();
        award.HasIndex(a => a.CallId);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> agreement)
    {
        agreement.ToTable("agreements");
        agreement.HasKey(a => a.Id);
        agreement.Property(a => a.Id).ValueGeneratedNever();
        agreement.Property(a => a.TargetGroup).HasConversion<string>().HasMaxLength(40);
        agreement.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        agreement.Property(a => a.Municipality).HasMaxLength(20);
        agreement.Property(a => a.Currency).HasMaxLength(3);
        agreement.Property(a => a.Amount).HasPrecision(14, 2);
        agreement.Property(a => a.Tranches).HasJsonConversion();
        agreement.Property(a => a.Reports).HasJsonConversion();
        // Two payments or reviews at once: the second fails on the row version instead of overwriting the first.
        agreement.HasRowVersion();
        agreement.HasIndex(a => a.AwardId).IsUnique();
        agreement.HasIndex(a => a.OrganizationId);
        agreement.HasIndex(a => a.ParticipantId);
        agreement.Ignore(a => a.PaidAmount);
    }
}

internal sealed class GraduateConfiguration : IEntityTypeConfiguration<Graduate>
{
    public void Configure(EntityTypeBuilder<Graduate> graduate)
    {
        graduate.ToTable("graduates");
        graduate.HasKey(g => g.ParticipantId);
        graduate.Property(g => g.ParticipantId).ValueGeneratedNever();
        graduate.Property(g => g.Municipality).HasMaxLength(20);
    }
}

internal sealed class CompletedAssessmentConfiguration : IEntityTypeConfiguration<CompletedAssessment>
{
    public void Configure(EntityTypeBuilder<CompletedAssessment> assessment)
    {
        assessment.ToTable("completed_assessments");
        assessment.HasKey(a => a.AssessmentId);
        assessment.Property(a => a.AssessmentId).ValueGeneratedNever();
        assessment.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        assessment.Property(a => a.Overall).HasPrecision(4, 2);
        assessment.HasIndex(a => a.OrganizationId);
    }
}
