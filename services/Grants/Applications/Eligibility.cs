using System.Globalization;
using Platform.Contracts.Capacity;
using Platform.Grants.Calls;

namespace Platform.Grants.Applications;

/// <summary>Why an application is not eligible: a stable code and a sentence for people.</summary>
public sealed record EligibilityFailure(string Code, string Message);

/// <summary>
/// What Grants knows about an applicant from the other services' events: the organisation (Capacity's registry),
/// whether a completed capacity assessment exists, or the graduate (Youth).
/// </summary>
public sealed record ApplicantFacts(
    OrganizationType? OrganizationType,
    string? OrganizationMunicipality,
    bool HasCompletedAssessment,
    bool IsGraduate,
    string? GraduateMunicipality)
{
    public static readonly ApplicantFacts Unknown = new(null, null, false, false, null);
}

/// <summary>The eligibility rules of a call, applied at submission; every failure is listed with its reason.</summary>
public static class Eligibility
{
    public const string OrganizationTypeCode = "organization-type";
    public const string MunicipalityCode = "municipality";
    public const string NotAGraduateCode = "not-a-graduate";
    public const string AssessmentMissingCode = "assessment-missing";
    public const string AmountOutOfRangeCode = "amount-out-of-range";
    public const string CoFundingTooLowCode = "co-funding-too-low";

    public static IReadOnlyList<EligibilityFailure> Check(Call call, ApplicationDetails project, ApplicantFacts applicant)
    {
        var failures = new List<EligibilityFailure>();
        string? home;
        switch (call.TargetGroup)
        {
            case TargetGroup.ProgrammeGraduate:
                home = applicant.GraduateMunicipality;
                if (!applicant.IsGraduate)
                {
                    failures.Add(new(NotAGraduateCode, "The call is for graduates of the Young Professionals Program; the applicant is not known as one."));
                }

                break;

            default:
                home = applicant.OrganizationMunicipality;
                var required = call.TargetGroup == TargetGroup.Cso ? OrganizationType.Cso : OrganizationType.SocialServiceProvider;
                if (applicant.OrganizationType != required)
                {
                    failures.Add(new(OrganizationTypeCode, applicant.OrganizationType is { } type
                        ? $"The call is for organisations of type {required}; the applicant is registered as {type}."
                        : $"The call is for organisations of type {required}; the applicant is not in the organisation registry."));
                }

                if (call.RequiresAssessment && !applicant.HasCompletedAssessment)
                {
                    failures.Add(new(AssessmentMissingCode, "The call requires a completed capacity assessment of the organisation; none is recorded."));
                }

                break;
        }

        if (home is not null && !call.IsEligibleMunicipality(home))
        {
            failures.Add(new(MunicipalityCode, $"The applicant is based in {home}, which is not one of the call's municipalities."));
        }

        if (!call.IsEligibleMunicipality(project.Municipality))
        {
            failures.Add(new(MunicipalityCode, $"The project takes place in {project.Municipality}, which is not one of the call's municipalities."));
        }

        if (project.RequestedAmount < call.MinimumAward || project.RequestedAmount > call.MaximumAward)
        {
            failures.Add(new(AmountOutOfRangeCode,
                $"The requested {project.RequestedAmount} {call.Currency} is outside the call's range of {call.MinimumAward} to {call.MaximumAward} {call.Currency}."));
        }

        var share = CoFundingShare(project);
        if (share < call.CoFundingShare)
        {
            failures.Add(new(CoFundingTooLowCode,
                $"Co-funding is {share.ToString("P1", CultureInfo.InvariantCulture)} of the project's cost; the call requires at least {call.CoFundingShare.ToString("P1", CultureInfo.InvariantCulture)}."));
        }

        return failures;
    }

    /// <summary>Co-funding as a share of the whole cost: co-funding / (requested + co-funding).</summary>
    public static decimal CoFundingShare(ApplicationDetails project) =>
        project.CoFunding / (project.RequestedAmount + project.CoFunding);
}
