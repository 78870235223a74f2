using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Capacity;
using Platform.IntegrationTests.Infrastructure;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Grants;

[Collection(GrantsCollection.Name)]
public sealed class ApplicationsApiTests(GrantsFixture grants)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_eligible_CSO_drafts_rewrites_and_submits_and_ApplicationSubmitted_is_published()
    {
        var callId = await grants.OpenCallAsync(CallBody(requiresAssessment: true));
        var organization = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-MARNEULI");
        await grants.CompleteAssessmentAsync(organization);
        using var applicant = await grants.ApplicantForAsync(organization);

        var draft = await ReadJsonAsync(await applicant.PostAsJsonAsync("/api/grants/applications", ApplicationBody(callId), Ct), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(organization, draft.GetProperty("organizationId").GetGuid());

        var rewritten = await ReadJsonAsync(await applicant.PutAsJsonAsync($"/api/grants/applications/{id}", ApplicationBody(callId, requested: 12_000m), Ct), HttpStatusCode.OK);
        Assert.Equal(12_000m, rewritten.GetProperty("requestedAmount").GetDecimal());

        var submitted = await ReadJsonAsync(await applicant.PostAsync($"/api/grants/applications/{id}/submit", null, Ct), HttpStatusCode.OK);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.True(submitted.GetProperty("eligible").GetBoolean(), submitted.ToString());
        Assert.Empty(submitted.GetProperty("eligibilityFailures").EnumerateArray());
        Assert.True(await grants.OutboxCountAsync("ApplicationSubmitted", id) > 0);

        await AssertConflictAsync(await applicant.PostAsync($"/api/grants/applications/{id}/submit", null, Ct), "invalid-transition");
        await AssertConflictAsync(await applicant.PutAsJsonAsync($"/api/grants/applications/{id}", ApplicationBody(callId), Ct), "invalid-transition");
    }

    [Fact]
    public async Task An_ineligible_application_is_recorded_with_every_reason()
    {
        var callId = await grants.OpenCallAsync(CallBody(requiresAssessment: true, coFundingShare: 0.2m));
        // A social-service provider from Tsalka, asking too much, with too little co-funding, for a project outside the call's municipalities.
        var organization = await grants.RegisterOrganizationAsync(OrganizationType.SocialServiceProvider, "KK-TSALKA");
        using var applicant = await grants.ApplicantForAsync(organization);

        var submitted = await grants.ApplyAsync(applicant, callId, requested: 40_000m, coFunding: 1_000m, municipality: "KK-DMANISI");

        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.False(submitted.GetProperty("eligible").GetBoolean());
        var codes = submitted.GetProperty("eligibilityFailures").EnumerateArray().Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Equal(["organization-type", "assessment-missing", "municipality", "municipality", "amount-out-of-range", "co-funding-too-low"], codes);
        Assert.All(submitted.GetProperty("eligibilityFailures").EnumerateArray(), f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("message").GetString())));
    }

    public static TheoryData<string, string> BadApplications => new()
    {
        { "line currency", "budgetLines[1].currency" },
        { "line amount", "budgetLines[1].amount" },
        { "sum", "budgetLines" },
        { "currency", "currency" },
        { "municipality", "municipality" },
        { "call", "callId" },
    };

    [Theory]
    [MemberData(nameof(BadApplications))]
    public async Task A_bad_application_is_a_400_naming_the_field_and_stores_nothing(string wrong, string field)
    {
        var callId = await grants.OpenCallAsync(CallBody());
        var organization = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-GARDABANI");
        using var applicant = await grants.ApplicantForAsync(organization);
        object body = wrong switch
        {
            "line currency" => Body(callId, lines: [new { description = "Rent", amount = 9_000m, currency = "GEL" }, new { description = "Travel", amount = 1_000m, currency = "EUR" }]),
            "line amount" => Body(callId, lines: [new { description = "Rent", amount = 9_000m, currency = "GEL" }, new { description = "Travel", amount = -1_000m, currency = "GEL" }]),
            "sum" => Body(callId, lines: [new { description = "Rent", amount = 9_000m, currency = "GEL" }, new { description = "Travel", amount = 500m, currency = "GEL" }]),
            "currency" => ApplicationBody(callId, currency: "EUR"),
            "municipality" => ApplicationBody(callId, municipality: "TBILISI"),
            "call" => ApplicationBody(Guid.NewGuid()),
            _ => throw new ArgumentOutOfRangeException(nameof(wrong)),
        };

        var before = await grants.StoredAsync(db => db.Applications.CountAsync(Ct));
        await AssertFieldErrorAsync(await applicant.PostAsJsonAsync("/api/grants/applications", body, Ct), field);
        Assert.Equal(before, await grants.StoredAsync(db => db.Applications.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_applicant_of_organisation_A_gets_404_for_organisation_B_s_application_and_lists_only_its_own()
    {
        var callId = await grants.OpenCallAsync(CallBody());
        var a = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-MARNEULI");
        var b = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-GARDABANI");
        using var applicantA = await grants.ApplicantForAsync(a);
        using var applicantB = await grants.ApplicantForAsync(b);
        var ofB = (await grants.ApplyAsync(applicantB, callId, municipality: "KK-GARDABANI")).GetProperty("id").GetGuid();
        var ofA = (await grants.ApplyAsync(applicantA, callId)).GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.NotFound, (await applicantA.GetAsync($"/api/grants/applications/{ofB}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicantA.PostAsync($"/api/grants/applications/{ofB}/withdraw", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await applicantA.PutAsJsonAsync($"/api/grants/applications/{ofB}", ApplicationBody(callId), Ct)).StatusCode);
        await ReadJsonAsync(await applicantA.GetAsync($"/api/grants/applications/{ofA}", Ct), HttpStatusCode.OK);

        var listed = await ReadJsonAsync(await applicantA.GetAsync($"/api/grants/applications?callId={callId}", Ct), HttpStatusCode.OK);
        Assert.Equal(1, listed.GetProperty("total").GetInt64());
        Assert.Equal(ofA, listed.GetProperty("items")[0].GetProperty("id").GetGuid());

        var all = await ReadJsonAsync(await grants.Team.GetAsync($"/api/grants/applications?callId={callId}&municipality=KK-GARDABANI", Ct), HttpStatusCode.OK);
        Assert.Equal(1, all.GetProperty("total").GetInt64());
        Assert.Equal(ofB, all.GetProperty("items")[0].GetProperty("id").GetGuid());

        var withdrawn = await ReadJsonAsync(await applicantB.PostAsync($"/api/grants/applications/{ofB}/withdraw", null, Ct), HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        // The grants team manages calls, it does not apply.
        Assert.Equal(HttpStatusCode.Forbidden, (await grants.Team.PostAsJsonAsync("/api/grants/applications", ApplicationBody(callId), Ct)).StatusCode);
    }

    [Fact]
    public async Task After_the_deadline_by_the_server_s_clock_a_submission_is_a_409_and_the_draft_stays_a_draft()
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(4);
        var callId = await grants.OpenCallAsync(CallBody(deadline: deadline));
        var organization = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-MARNEULI");
        using var applicant = await grants.ApplicantForAsync(organization);
        var late = await ReadJsonAsync(await applicant.PostAsJsonAsync("/api/grants/applications", ApplicationBody(callId), Ct), HttpStatusCode.Created);
        var id = late.GetProperty("id").GetGuid();

        await Eventually.HoldsAsync(() => Task.FromResult(DateTimeOffset.UtcNow > deadline.AddMilliseconds(200)), TimeSpan.FromSeconds(30), "the deadline to pass");

        await AssertConflictAsync(await applicant.PostAsync($"/api/grants/applications/{id}/submit", null, Ct), "deadline-passed");
        var still = await ReadJsonAsync(await applicant.GetAsync($"/api/grants/applications/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal("Draft", still.GetProperty("status").GetString());
        await AssertConflictAsync(await applicant.PostAsJsonAsync("/api/grants/applications", ApplicationBody(callId), Ct), "call-not-open");
    }

    private static object Body(Guid callId, object[] lines) => new
    {
        callId,
        projectTitle = "Legal aid desk",
        summary = "Free legal advice twice a week.",
        municipality = "KK-GARDABANI",
        requestedAmount = 10_000m,
        coFunding = 2_000m,
        currency = "GEL",
        budgetLines = lines,
    };
}
