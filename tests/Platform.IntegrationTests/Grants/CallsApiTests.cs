using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Grants;

[Collection(GrantsCollection.Name)]
public sealed class CallsApiTests(GrantsFixture grants)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_call_is_drafted_rewritten_opened_with_CallOpened_and_then_its_terms_are_fixed()
    {
        var draft = await ReadJsonAsync(await grants.Team.PostAsJsonAsync("/api/grants/calls", CallBody(), Ct), HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(100_000m, draft.GetProperty("remainingEnvelope").GetDecimal());

        var rewritten = await ReadJsonAsync(await grants.Team.PutAsJsonAsync($"/api/grants/calls/{id}", CallBody(envelope: 150_000m), Ct), HttpStatusCode.OK);
        Assert.Equal(150_000m, rewritten.GetProperty("envelope").GetDecimal());

        var opened = await ReadJsonAsync(await grants.Team.PostAsync($"/api/grants/calls/{id}/open", null, Ct), HttpStatusCode.OK);
        Assert.Equal("Open", opened.GetProperty("status").GetString());
        Assert.True(await grants.OutboxCountAsync("CallOpened", id) > 0,
            "CallOpened is in the outbox");

        await AssertConflictAsync(await grants.Team.PutAsJsonAsync($"/api/grants/calls/{id}", CallBody(envelope: 1_000_000m), Ct), "invalid-transition");
        await AssertConflictAsync(await grants.Team.PostAsync($"/api/grants/calls/{id}/open", null, Ct), "invalid-transition");
        var unchanged = await ReadJsonAsync(await grants.Team.GetAsync($"/api/grants/calls/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal(150_000m, unchanged.GetProperty("envelope").GetDecimal());
    }

    public static TheoryData<string, string> BadCalls => new()
    {
        // what is wrong, the field the problem names
        { "weights", "criteria" },
        { "currency", "currency" },
        { "municipality", "eligibleMunicipalities[1]" },
        { "range", "maximumAward" },
        { "deadline", "deadline" },
        { "criterion", "criteria[0].maxScore" },
        { "assessment", "requiresAssessment" },
        { "target", "targetGroup" },
    };

    [Theory]
    [MemberData(nameof(BadCalls))]
    public async Task A_bad_call_is_a_400_naming_the_field_and_stores_nothing(string wrong, string field)
    {
        var body = CallBody();
        switch (wrong)
        {
            case "weights":
                body["criteria"] = new object[] { new { code = "relevance", name = "Relevance", weight = 60, maxScore = 10 }, new { code = "cost", name = "Cost", weight = 30, maxScore = 10 } };
                break;
            case "currency":
                body["currency"] = "XYZ";
                break;
            case "municipality":
                body["eligibleMunicipalities"] = new[] { "KK-MARNEULI", "TBILISI" };
                break;
            case "range":
                body["minimumAward"] = 50_000m;
                body["maximumAward"] = 10_000m;
                break;
            case "deadline":
                body["deadline"] = DateTimeOffset.UtcNow.AddDays(-2);
                break;
            case "criterion":
                body["criteria"] = new object[] { new { code = "relevance", name = "Relevance", weight = 100, maxScore = 0 } };
                break;
            case "assessment":
                body["targetGroup"] = "ProgrammeGraduate";
                body["requiresAssessment"] = true;
                break;
            case "target":
                body["targetGroup"] = "Ministry";
                break;
        }

        var before = await grants.StoredAsync(db => db.Calls.CountAsync(Ct));
        await AssertFieldErrorAsync(await grants.Team.PostAsJsonAsync("/api/grants/calls", body, Ct), field);
        Assert.Equal(before, await grants.StoredAsync(db => db.Calls.CountAsync(Ct)));
    }

    [Fact]
    public async Task Applicants_do_not_see_drafts_the_monitor_reads_calls_but_cannot_write_and_lists_filter_by_status_and_municipality()
    {
        var draft = await ReadJsonAsync(await grants.Team.PostAsJsonAsync("/api/grants/calls", CallBody(municipalities: ["SJ-NINOTSMINDA"]), Ct), HttpStatusCode.Created);
        var draftId = draft.GetProperty("id").GetGuid();
        var openId = await grants.OpenCallAsync(CallBody(municipalities: ["SJ-NINOTSMINDA"]));
        var organization = await grants.RegisterOrganizationAsync(Contracts.Capacity.OrganizationType.Cso, "SJ-NINOTSMINDA");
        using var applicant = await grants.ApplicantForAsync(organization);
        using var monitor = grants.App.ClientFor(PlatformRoles.Monitor);

        Assert.Equal(HttpStatusCode.NotFound, (await applicant.GetAsync($"/api/grants/calls/{draftId}", Ct)).StatusCode);
        await ReadJsonAsync(await applicant.GetAsync($"/api/grants/calls/{openId}", Ct), HttpStatusCode.OK);
        var seen = await ReadJsonAsync(await applicant.GetAsync("/api/grants/calls?municipality=SJ-NINOTSMINDA&pageSize=100", Ct), HttpStatusCode.OK);
        var ids = seen.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(openId, ids);
        Assert.DoesNotContain(draftId, ids);

        await ReadJsonAsync(await monitor.GetAsync($"/api/grants/calls/{draftId}", Ct), HttpStatusCode.OK);
        var drafts = await ReadJsonAsync(await monitor.GetAsync("/api/grants/calls?status=Draft&municipality=SJ-NINOTSMINDA", Ct), HttpStatusCode.OK);
        Assert.All(drafts.GetProperty("items").EnumerateArray(), c => Assert.Equal("Draft", c.GetProperty("status").GetString()));
        Assert.Contains(drafts.GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == draftId);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsJsonAsync("/api/grants/calls", CallBody(), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"/api/grants/calls/{draftId}/open", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.GetAsync("/api/grants/applications", Ct)).StatusCode);

        await AssertFieldErrorAsync(await monitor.GetAsync("/api/grants/calls?status=Pending", Ct), "status");
        await AssertFieldErrorAsync(await monitor.GetAsync("/api/grants/calls?municipality=TBILISI", Ct), "municipality");
        Assert.Equal(HttpStatusCode.NotFound, (await grants.Team.GetAsync($"/api/grants/calls/{Guid.NewGuid()}", Ct)).StatusCode);
    }
}
