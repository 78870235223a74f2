using Platform.Contracts.Grants;
using Platform.Grants.Applications;
using static Platform.UnitTests.Grants.GrantsSamples;

namespace Platform.UnitTests.Grants;

public sealed class EligibilityTests
{
    private static IReadOnlyList<string> Codes(IReadOnlyList<EligibilityFailure> failures) => failures.Select(f => f.Code).ToList();

    [Fact]
    public void A_CSO_in_an_eligible_municipality_within_the_range_with_enough_co_funding_is_eligible() =>
        Assert.Empty(Eligibility.Check(OpenCall(), Project(), Cso()));

    [Theory]
    [InlineData(OrganizationType.SocialServiceProvider)]
    [InlineData(OrganizationType.LocalSelfGovernment)]
    [InlineData(OrganizationType.MediaOutlet)]
    public void A_CSO_call_accepts_only_CSOs(OrganizationType type)
    {
        var failure = Assert.Single(Eligibility.Check(OpenCall(), Project(), Cso() with { OrganizationType = type }));
        Assert.Equal(Eligibility.OrganizationTypeCode, failure.Code);
        Assert.Contains(type.ToString(), failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_social_service_call_accepts_only_social_service_providers()
    {
        var call = OpenCall(TargetGroup.SocialServiceProvider);
        Assert.Equal([Eligibility.OrganizationTypeCode], Codes(Eligibility.Check(call, Project(), Cso())));
        Assert.Empty(Eligibility.Check(call, Project(), Cso() with { OrganizationType = OrganizationType.SocialServiceProvider }));
    }

    [Fact]
    public void An_organisation_unknown_to_the_registry_is_not_eligible() =>
        Assert.Contains("not in the organisation registry", Assert.Single(Eligibility.Check(OpenCall(), Project(), ApplicantFacts.Unknown)).Message, StringComparison.Ordinal);

    [Fact]
    public void Both_the_applicant_s_and_the_project_s_municipality_must_be_eligible()
    {
        Assert.Equal([Eligibility.MunicipalityCode], Codes(Eligibility.Check(OpenCall(), Project(), Cso(municipality: "SJ-AKHALTSIKHE"))));
        Assert.Equal([Eligibility.MunicipalityCode], Codes(Eligibility.Check(OpenCall(), Project(municipality: "KK-TSALKA"), Cso())));
        Assert.Equal([Eligibility.MunicipalityCode, Eligibility.MunicipalityCode],
            Codes(Eligibility.Check(OpenCall(), Project(municipality: "KK-TSALKA"), Cso(municipality: "KK-TSALKA"))));
    }

    [Theory]
    [InlineData(4_999.99, false)]
    [InlineData(5_000, true)]
    [InlineData(30_000, true)]
    [InlineData(30_000.01, false)]
    public void The_requested_amount_must_be_within_the_call_s_range(double requested, bool eligible)
    {
        var amount = (decimal)requested;
        var failures = Eligibility.Check(OpenCall(), Project(requested: amount, coFunding: amount), Cso());
        Assert.Equal(eligible, !failures.Any(f => f.Code == Eligibility.AmountOutOfRangeCode));
    }

    [Theory]
    // share = co-funding / (requested + co-funding); the call requires 20%
    [InlineData(10_000, 2_500, true)]
    [InlineData(10_000, 2_499.99, false)]
    [InlineData(10_000, 0, false)]
    public void Co_funding_must_be_at_least_the_call_s_share_of_the_whole_cost(double requested, double coFunding, bool eligible)
    {
        var call = OpenCall(coFundingShare: 0.2m);
        var failures = Eligibility.Check(call, Project(requested: (decimal)requested, coFunding: (decimal)coFunding), Cso());
        Assert.Equal(eligible, failures.All(f => f.Code != Eligibility.CoFundingTooLowCode));
    }

    [Fact]
    public void A_call_that_requires_an_assessment_refuses_an_organisation_without_a_completed_one()
    {
        var call = OpenCall(requiresAssessment: true);
        Assert.Equal([Eligibility.AssessmentMissingCode], Codes(Eligibility.Check(call, Project(), Cso(assessed: false))));
        Assert.Empty(Eligibility.Check(call, Project(), Cso(assessed: true)));
        Assert.Empty(Eligibility.Check(OpenCall(), Project(), Cso(assessed: false)));
    }

    [Fact]
    public void A_graduate_call_accepts_graduates_of_its_municipalities_only()
    {
        var call = OpenCall(TargetGroup.ProgrammeGraduate);
        Assert.Empty(Eligibility.Check(call, Project(), Graduate()));
        Assert.Equal([Eligibility.NotAGraduateCode], Codes(Eligibility.Check(call, Project(), ApplicantFacts.Unknown)));
        Assert.Equal([Eligibility.MunicipalityCode], Codes(Eligibility.Check(call, Project(), Graduate("SJ-NINOTSMINDA"))));
        // An organisation applying to a graduate call is not a graduate.
        Assert.Equal([Eligibility.NotAGraduateCode], Codes(Eligibility.Check(call, Project(), Cso())));
    }

    [Fact]
    public void Every_failure_is_listed_at_once_each_with_a_reason()
    {
        var call = OpenCall(requiresAssessment: true, coFundingShare: 0.2m);
        var failures = Eligibility.Check(call, Project(requested: 40_000m, coFunding: 100m, municipality: "KK-DMANISI"),
            new ApplicantFacts(OrganizationType.MediaOutlet, "KK-TSALKA", false, false, null));
        Assert.Equal(
            [Eligibility.OrganizationTypeCode, Eligibility.AssessmentMissingCode, Eligibility.MunicipalityCode, Eligibility.MunicipalityCode,
             Eligibility.AmountOutOfRangeCode, Eligibility.CoFundingTooLowCode],
            Codes(failures));
        Assert.All(failures, f => Assert.False(string.IsNullOrWhiteSpace(f.Message)));
    }
}
