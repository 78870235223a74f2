using Platform.Capacity.Figures;

namespace Platform.UnitTests.Capacity;

public sealed class ProgressTests
{
    private static AssessedFact Fact(Guid organization, AssessmentKind kind, decimal governance, decimal finance, string municipality = Municipality.Marneuli) =>
        new(Guid.NewGuid(), organization, OrganizationType.Cso, municipality, kind,
            new Dictionary<string, decimal> { ["governance"] = governance, ["financial-management"] = finance }, (governance + finance) / 2);

    [Fact]
    public void The_change_is_from_the_baseline_to_the_latest_assessment_and_an_improvement_is_at_least_one_level()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        var onlyBaseline = Guid.NewGuid();
        var organizations = Progress.PerOrganization(
        [
            Fact(a, AssessmentKind.Baseline, 1.67m, 2m),
            Fact(a, AssessmentKind.Midline, 2m, 2m),
            Fact(a, AssessmentKind.Endline, 2.67m, 2.5m),
            Fact(b, AssessmentKind.Baseline, 2m, 1m),
            Fact(b, AssessmentKind.Midline, 2.99m, 2m),
            Fact(onlyBaseline, AssessmentKind.Baseline, 1m, 1m),
        ]);

        Assert.Equal(2, organizations.Count);
        var first = organizations.Single(o => o.OrganizationId == a);
        Assert.Equal(AssessmentKind.Endline, first.LatestKind);
        Assert.Equal(1m, first.Change["governance"]);
        Assert.Equal(0.5m, first.Change["financial-management"]);
        var second = organizations.Single(o => o.OrganizationId == b);
        Assert.Equal((0.99m, 1m), (second.Change["governance"], second.Change["financial-management"]));

        var groups = Progress.Groups(organizations);
        var governance = groups.Single(g => g.Domain == "governance");
        Assert.Equal((2, 1, 0.5m), (governance.Compared, governance.Improved, governance.Share));
        var finance = groups.Single(g => g.Domain == "financial-management");
        Assert.Equal((2, 1, 0.5m), (finance.Compared, finance.Improved, finance.Share));
    }

    [Fact]
    public void Organisations_are_grouped_by_municipality_and_type()
    {
        var marneuli = Guid.NewGuid();
        var bolnisi = Guid.NewGuid();
        var groups = Progress.Groups(Progress.PerOrganization(
        [
            Fact(marneuli, AssessmentKind.Baseline, 1m, 1m),
            Fact(marneuli, AssessmentKind.Endline, 3m, 1m),
            Fact(bolnisi, AssessmentKind.Baseline, 1m, 1m, Municipality.Bolnisi),
            Fact(bolnisi, AssessmentKind.Endline, 1m, 2m, Municipality.Bolnisi),
        ]));

        Assert.Equal(1m, groups.Single(g => g.Municipality == Municipality.Marneuli && g.Domain == "governance").Share);
        Assert.Equal(0m, groups.Single(g => g.Municipality == Municipality.Marneuli && g.Domain == "financial-management").Share);
        Assert.Equal(0m, groups.Single(g => g.Municipality == Municipality.Bolnisi && g.Domain == "governance").Share);
        Assert.Equal(1m, groups.Single(g => g.Municipality == Municipality.Bolnisi && g.Domain == "financial-management").Share);
    }
}
