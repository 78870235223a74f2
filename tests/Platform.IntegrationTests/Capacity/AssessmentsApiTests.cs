using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Capacity;

/// <summary>Assessments through the API: one per kind, filled in by the organisation, validated and published, locked, corrected.</summary>
public sealed class AssessmentsApiTests(CapacityDevelopmentFixture capacity) : IClassFixture<CapacityDevelopmentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Team => capacity.Team;

    [Fact]
    public async Task The_organisation_fills_in_its_draft_the_team_validates_and_the_event_carries_scores_and_no_names()
    {
        var organization = await capacity.RegisterOrganizationAsync(municipality: "KK-TSALKA");
        var facilitator = await capacity.RegisterParticipantAsync(fullName: "Facilitator Ketevan Maisuradze");
        var id = await capacity.StartAssessmentAsync(organization, facilitator: facilitator);
        using var applicant = await capacity.ApplicantForAsync(organization);
        using var stranger = await capacity.ApplicantForAsync(await capacity.RegisterOrganizationAsync());

        // The organisation's own applicant scores and submits; another organisation's sees nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/capacity/assessments/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PutAsJsonAsync($"/api/capacity/assessments/{id}/scores", CapacityDevelopmentFixture.Scores(2), Ct)).StatusCode);
        Assert.Equal(0, (await ReadJsonAsync(await stranger.GetAsync("/api/capacity/assessments", Ct), HttpStatusCode.OK)).GetProperty("total").GetInt64());
        var scored = await ReadJsonAsync(await applicant.PutAsJsonAsync($"/api/capacity/assessments/{id}/scores",
            CapacityDevelopmentFixture.Scores(2, new Dictionary<string, int> { ["vision-mission"] = 3, ["legal-status"] = 3, ["board"] = 4 }), Ct), HttpStatusCode.OK);
        Assert.Equal(3.33m, scored.GetProperty("domainScores").GetProperty("governance").GetDecimal());
        Assert.Equal(JsonValueKind.Null, scored.GetProperty("facilitatorIds").ValueKind);
        await ReadJsonAsync(await applicant.PostAsync($"/api/capacity/assessments/{id}/submit", null, Ct), HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"/api/capacity/assessments/{id}/validate", null, Ct)).StatusCode);

        var validated = await capacity.PostAsync($"/api/capacity/assessments/{id}/validate", null);

        Assert.Equal("Validated", validated.GetProperty("status").GetString());
        // (3.33 + 6 * 2) / 7 = 2.19
        Assert.Equal(2.19m, validated.GetProperty("overall").GetDecimal());
        var published = JsonDocument.Parse(Assert.Single(await capacity.OutboxAsync("CapacityAssessmentCompleted"), p => p.Contains(id.ToString(), StringComparison.Ordinal))).RootElement;
        Assert.Equal(organization, published.GetProperty("organizationId").GetGuid());
        Assert.Equal("Baseline", published.GetProperty("kind").GetString());
        Assert.Equal(("oca-cso", 1, 1), (published.GetProperty("instrument").GetString(), published.GetProperty("instrumentVersion").GetInt32(), published.GetProperty("revision").GetInt32()));
        Assert.Equal(3.33m, published.GetProperty("domainScores").GetProperty("governance").GetDecimal());
        Assert.Equal(2.19m, published.GetProperty("overall").GetDecimal());
        Assert.DoesNotContain("Maisuradze", published.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(facilitator.ToString(), published.GetRawText(), StringComparison.Ordinal);

        // The applicant reads its own validated assessment.
        var own = await ReadJsonAsync(await applicant.GetAsync($"/api/capacity/assessments/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal(1, own.GetProperty("validatedRevisions").GetArrayLength());
    }

    [Fact]
    public async Task A_validated_assessment_is_locked_and_a_correction_is_republished_as_the_next_revision_with_the_old_kept()
    {
        var organization = await capacity.RegisterOrganizationAsync();
        var id = await capacity.StartAssessmentAsync(organization);
        await capacity.CompleteAsync(id, 2);

        await AssertConflictAsync(await Team.PutAsJsonAsync($"/api/capacity/assessments/{id}/scores", CapacityDevelopmentFixture.Scores(1), Ct), "assessment-locked");
        await AssertFieldErrorAsync(await Team.PostAsJsonAsync($"/api/capacity/assessments/{id}/corrections", new { reason = "" }, Ct), "reason");
        var reopened = await capacity.PostAsync($"/api/capacity/assessments/{id}/corrections", new { reason = "Budgeting evidence arrived after validation." });
        Assert.Equal((2, "Draft"), (reopened.GetProperty("revision").GetInt32(), reopened.GetProperty("status").GetString()));
        await ReadJsonAsync(await Team.PutAsJsonAsync($"/api/capacity/assessments/{id}/scores",
            new { scores = new[] { new { subArea = "budgeting", level = 4, justification = "Annual budget approved by the board.", evidence = new[] { "budget-2026.xlsx" } } } }, Ct), HttpStatusCode.OK);
        await capacity.PostAsync($"/api/capacity/assessments/{id}/submit", null);
        var revised = await capacity.PostAsync($"/api/capacity/assessments/{id}/validate", null);

        Assert.Equal([1, 2], revised.GetProperty("validatedRevisions").EnumerateArray().Select(r => r.GetProperty("revision").GetInt32()));
        Assert.Equal(2m, revised.GetProperty("validatedRevisions")[0].GetProperty("domainScores").GetProperty("financial-management").GetDecimal());
        Assert.Equal(2.67m, revised.GetProperty("validatedRevisions")[1].GetProperty("domainScores").GetProperty("financial-management").GetDecimal());
        var events = (await capacity.OutboxAsync("CapacityAssessmentCompleted")).Where(p => p.Contains(id.ToString(), StringComparison.Ordinal))
            .Select(p => JsonDocument.Parse(p).RootElement).ToList();
        Assert.Equal([1, 2], events.Select(e => e.GetProperty("revision").GetInt32()));
        Assert.All(events, e => Assert.Equal(id, e.GetProperty("assessmentId").GetGuid()));
    }

    [Fact]
    public async Task An_organisation_has_one_assessment_of_each_kind_per_instrument_also_when_two_start_at_once()
    {
        var organization = await capacity.RegisterOrganizationAsync();
        var facilitator = await capacity.RegisterParticipantAsync();
        var body = new { organizationId = organization, instrument = "oca-cso", kind = "Baseline", facilitatorIds = new[] { facilitator } };

        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Team.PostAsJsonAsync("/api/capacity/assessments", body, Ct)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        await AssertConflictAsync(await Team.PostAsJsonAsync("/api/capacity/assessments", body, Ct), "assessment-kind-taken");
        // Another instrument, or another kind, is a new assessment.
        await capacity.PostAsync("/api/capacity/assessments", body with { instrument = "hrba-lsg" }, HttpStatusCode.Created);
        await capacity.PostAsync("/api/capacity/assessments", body with { kind = "Midline" }, HttpStatusCode.Created);
        Assert.Equal(3, await capacity.InDatabaseAsync(db => db.Assessments.CountAsync(a => a.OrganizationId == organization, Ct)));
    }

    [Fact]
    public async Task Two_validations_at_once_publish_one_event()
    {
        var id = await capacity.StartAssessmentAsync(await capacity.RegisterOrganizationAsync());
        await ReadJsonAsync(await Team.PutAsJsonAsync($"/api/capacity/assessments/{id}/scores", CapacityDevelopmentFixture.Scores(2), Ct), HttpStatusCode.OK);
        await capacity.PostAsync($"/api/capacity/assessments/{id}/submit", null);

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Team.PostAsync($"/api/capacity/assessments/{id}/validate", null, Ct)));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await capacity.OutboxAsync("CapacityAssessmentCompleted"), p => p.Contains(id.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field_and_stores_nothing()
    {
        var before = await capacity.InDatabaseAsync(db => db.Assessments.CountAsync(Ct));
        var response = await Team.PostAsJsonAsync("/api/capacity/assessments",
            new { organizationId = Guid.NewGuid(), instrument = "oca-cso", instrumentVersion = 42, facilitatorIds = new[] { Guid.NewGuid() } }, Ct);
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["facilitatorIds[0]", "instrumentVersion", "kind", "organizationId"],
            problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Equal(before, await capacity.InDatabaseAsync(db => db.Assessments.CountAsync(Ct)));

        var id = await capacity.StartAssessmentAsync(await capacity.RegisterOrganizationAsync());
        var scores = await ProblemAsync(await Team.PutAsJsonAsync($"/api/capacity/assessments/{id}/scores",
            new { scores = new object[] { new { subArea = "board", level = 4 }, new { subArea = "nowhere", level = 0 } } }, Ct), HttpStatusCode.BadRequest);
        Assert.Equal(["scores[0].evidence", "scores[0].justification", "scores[1].level", "scores[1].subArea"],
            scores.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var unchanged = await ReadJsonAsync(await Team.GetAsync($"/api/capacity/assessments/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal(0, unchanged.GetProperty("scores").GetArrayLength());
        await AssertConflictAsync(await Team.PostAsync($"/api/capacity/assessments/{id}/submit", null, Ct), "assessment-incomplete");
        await AssertFieldErrorAsync(await Team.GetAsync("/api/capacity/assessments?kind=Sometime&pageSize=500", Ct), "kind");
        Assert.Equal(HttpStatusCode.NotFound, (await Team.PostAsync($"/api/capacity/assessments/{Guid.NewGuid()}/validate", null, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_monitor_reads_assessments_without_who_took_part_and_writes_nothing()
    {
        var organization = await capacity.RegisterOrganizationAsync(municipality: "SJ-NINOTSMINDA");
        var id = await capacity.StartAssessmentAsync(organization);
        using var monitor = capacity.App.ClientFor(PlatformRoles.Monitor);

        var seen = await ReadJsonAsync(await monitor.GetAsync($"/api/capacity/assessments/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal(1, seen.GetProperty("facilitators").GetInt32());
        Assert.Equal(JsonValueKind.Null, seen.GetProperty("facilitatorIds").ValueKind);
        var listed = await ReadJsonAsync(await monitor.GetAsync("/api/capacity/assessments?municipality=SJ-NINOTSMINDA&status=Draft", Ct), HttpStatusCode.OK);
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PutAsJsonAsync($"/api/capacity/assessments/{id}/scores", CapacityDevelopmentFixture.Scores(2), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsJsonAsync("/api/capacity/assessments", new { organizationId = organization }, Ct)).StatusCode);
        var team = await ReadJsonAsync(await Team.GetAsync($"/api/capacity/assessments/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal(1, team.GetProperty("facilitatorIds").GetArrayLength());
    }
}
