using System.Net;
using System.Net.Http.Json;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Capacity;

/// <summary>Action plans for weak sub-areas: planned, followed to done, overdue lists, and what the organisation and the figures see.</summary>
public sealed class ActionPlansApiTests(CapacityDevelopmentFixture capacity) : IClassFixture<CapacityDevelopmentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => CapacityDevelopmentFixture.Today;

    private static object Action(string subArea, DateOnly dueOn) =>
        new { subArea, description = "Write and adopt a procurement policy with thresholds.", owner = "Operations manager", dueOn, support = new[] { "mentoring" } };

    [Fact]
    public async Task Actions_follow_weak_sub_areas_and_overdue_ones_are_listed_per_organisation_and_for_the_programme()
    {
        var organization = await capacity.RegisterOrganizationAsync(municipality: "KK-DMANISI");
        var assessment = await capacity.StartAssessmentAsync(organization);
        await AssertConflictAsync(await capacity.Team.PostAsJsonAsync($"/api/capacity/assessments/{assessment}/actions", Action("procurement", Today), Ct),
            "assessment-not-validated");
        await capacity.CompleteAsync(assessment, 3, new Dictionary<string, int> { ["procurement"] = 1, ["policies"] = 2 });

        var overdue = await capacity.PostAsync($"/api/capacity/assessments/{assessment}/actions", Action("procurement", Today.AddDays(-5)), HttpStatusCode.Created);
        var onTime = await capacity.PostAsync($"/api/capacity/assessments/{assessment}/actions", Action("policies", Today.AddDays(60)), HttpStatusCode.Created);
        Assert.Equal(("administration", 1, true), (overdue.GetProperty("domain").GetString(), overdue.GetProperty("level").GetInt32(), overdue.GetProperty("overdue").GetBoolean()));
        await AssertConflictAsync(await capacity.Team.PostAsJsonAsync($"/api/capacity/assessments/{assessment}/actions", Action("board", Today), Ct), "sub-area-not-weak");
        await AssertFieldErrorAsync(await capacity.Team.PostAsJsonAsync($"/api/capacity/assessments/{assessment}/actions",
            new { subArea = "policies", description = "x", owner = "Director", dueOn = Today, support = new[] { "money" } }, Ct), "support[0]");

        var mine = await ReadJsonAsync(await capacity.Team.GetAsync($"/api/capacity/actions?organizationId={organization}&overdue=true", Ct), HttpStatusCode.OK);
        Assert.Equal(overdue.GetProperty("id").GetGuid(), Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var programme = await ReadJsonAsync(await capacity.Team.GetAsync("/api/capacity/actions?overdue=true&municipality=KK-DMANISI&pageSize=100", Ct), HttpStatusCode.OK);
        Assert.Contains(programme.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == overdue.GetProperty("id").GetGuid());
        Assert.DoesNotContain(programme.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == onTime.GetProperty("id").GetGuid());

        // Done with evidence: no longer overdue; the figures count it.
        var id = overdue.GetProperty("id").GetGuid();
        await capacity.PostAsync($"/api/capacity/actions/{id}/start", null);
        await AssertFieldErrorAsync(await capacity.Team.PostAsJsonAsync($"/api/capacity/actions/{id}/complete", new { evidence = Array.Empty<string>() }, Ct), "evidence");
        var done = await capacity.PostAsync($"/api/capacity/actions/{id}/complete", new { evidence = new[] { "procurement-policy-adopted.pdf" } });
        Assert.Equal(("Done", false), (done.GetProperty("status").GetString(), done.GetProperty("overdue").GetBoolean()));
        await AssertConflictAsync(await capacity.Team.PostAsJsonAsync($"/api/capacity/actions/{id}/drop", new { reason = "late" }, Ct), "action-closed");

        using var monitor = capacity.App.ClientFor(PlatformRoles.Monitor);
        var figures = await ReadJsonAsync(await monitor.GetAsync($"/api/capacity/figures/assessments?organizationId={organization}", Ct), HttpStatusCode.OK);
        var actions = Assert.Single(figures.GetProperty("actions").EnumerateArray());
        Assert.Equal((1, 1, 0), (actions.GetProperty("done").GetInt32(), actions.GetProperty("planned").GetInt32(), actions.GetProperty("overdue").GetInt32()));
    }

    [Fact]
    public async Task An_applicant_reads_its_own_action_plan_only_and_cannot_change_it()
    {
        var organization = await capacity.RegisterOrganizationAsync();
        var assessment = await capacity.StartAssessmentAsync(organization);
        await capacity.CompleteAsync(assessment, 1);
        var action = (await capacity.PostAsync($"/api/capacity/assessments/{assessment}/actions", Action("budgeting", Today.AddDays(30)), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        using var applicant = await capacity.ApplicantForAsync(organization);
        using var stranger = await capacity.ApplicantForAsync(await capacity.RegisterOrganizationAsync());

        var own = await ReadJsonAsync(await applicant.GetAsync("/api/capacity/actions", Ct), HttpStatusCode.OK);
        Assert.Equal(action, Assert.Single(own.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync($"/api/capacity/actions/{action}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"/api/capacity/actions/{action}/start", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/capacity/actions/{action}", Ct)).StatusCode);
        Assert.Equal(0, (await ReadJsonAsync(await stranger.GetAsync($"/api/capacity/actions?organizationId={organization}", Ct), HttpStatusCode.OK)).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/capacity/figures/assessments", Ct)).StatusCode);
    }
}
