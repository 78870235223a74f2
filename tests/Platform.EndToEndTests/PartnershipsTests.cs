using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static Platform.EndToEndTests.Responses;

namespace Platform.EndToEndTests;

/// <summary>
/// Participatory governance end to end through the gateway: organisations registered in Capacity reach Partnerships by the
/// registry's events and form a group that meets; the Alliance endorses a recommendation by vote; the authority adopts it;
/// it is implemented; and the co-created service it led to is institutionalised in the municipal budget.
/// </summary>
public sealed class PartnershipsTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_group_meets_the_Alliance_endorses_a_recommendation_the_authority_adopts_it_and_the_service_it_led_to_is_institutionalised()
    {
        using var capacity = await platform.GatewayAsAsync("capacity-team");
        using var partnerships = await platform.GatewayAsAsync("partnerships-team");
        using var monitor = await platform.GatewayAsAsync("monitor");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        const string municipality = "KK-TSALKA";

        // Organisations registered in Capacity, known to Partnerships through the registry's events.
        var cso = await RegisterAsync(capacity, "Cso", municipality);
        var provider = await RegisterAsync(capacity, "SocialServiceProvider", "SJ-AKHALTSIKHE");
        var cityHall = await RegisterAsync(capacity, "LocalSelfGovernment", municipality);
        foreach (var id in new[] { cso, provider, cityHall })
        {
            await Eventually.GetAsync(
                async () => (await partnerships.GetAsync($"/api/partnerships/organizations/{id}", Ct)).StatusCode == HttpStatusCode.OK ? true : (bool?)null,
                EventTimeout, $"organisation {id} in Partnerships");
        }

        // The municipality's group is formed, becomes active and meets.
        var group = await Json(await partnerships.PostAsJsonAsync("/api/partnerships/groups", new
        {
            municipality,
            name = "Tsalka partnership group",
            termsOfReference = "Meets every two months; the chair convenes; minutes are approved at the next meeting.",
            formedOn = today.AddDays(-30),
            members = new object[] { new { organizationId = cso, role = "Chair" }, new { organizationId = cityHall, role = "Secretary" } },
        }, Ct), HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetGuid();
        var csoMember = group.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("organizationId").GetGuid() == cso).GetProperty("id").GetGuid();
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/groups/{groupId}/activate", new { activatedOn = today.AddDays(-30) }, Ct));
        var representative = (await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/groups/{groupId}/members/{csoMember}/representatives",
            new { name = "Manana Abashidze", gender = "female", contact = "manana@example.ge" }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var groupMeeting = await IdOfAsync(await partnerships.PostAsJsonAsync("/api/partnerships/meetings", new
        {
            body = "Group", groupId, title = "Home care in Tsalka's villages", date = today.AddDays(-7), place = "Tsalka city hall",
            agenda = new[] { "Findings of the needs assessment", "Co-design of a mobile home-care service" },
        }, Ct));
        await Json(await partnerships.PutAsJsonAsync($"/api/partnerships/meetings/{groupMeeting}/attendance", new { attendees = new[] { new { representativeId = representative } } }, Ct));
        await Json(await partnerships.PutAsJsonAsync($"/api/partnerships/meetings/{groupMeeting}/minutes", new { text = "The group asks the Alliance to recommend mobile home care." }, Ct));
        await Json(await partnerships.PostAsync($"/api/partnerships/meetings/{groupMeeting}/minutes/circulate", null, Ct));
        Assert.True((await Json(await partnerships.PostAsync($"/api/partnerships/meetings/{groupMeeting}/minutes/approve", null, Ct))).GetProperty("locked").GetBoolean());

        // The Alliance, with members from both regions, endorses a recommendation by a recorded vote of the members present.
        foreach (var member in new[] { cso, provider })
        {
            await Json(await partnerships.PostAsJsonAsync("/api/partnerships/alliance/members", new { organizationId = member, joinedOn = today.AddDays(-20) }, Ct), HttpStatusCode.Created);
        }

        var present = (await Json(await partnerships.GetAsync($"/api/partnerships/alliance/members?on={today.AddDays(-2):yyyy-MM-dd}&pageSize=100", Ct)))
            .GetProperty("items").EnumerateArray().Select(m => m.GetProperty("organizationId").GetGuid()).ToList();
        var allianceMeeting = await IdOfAsync(await partnerships.PostAsJsonAsync("/api/partnerships/meetings",
            new { body = "Alliance", title = "Alliance assembly", date = today.AddDays(-2), online = true, agenda = new[] { "Mobile home care" } }, Ct));
        await Json(await partnerships.PutAsJsonAsync($"/api/partnerships/meetings/{allianceMeeting}/attendance",
            new { attendees = present.Select(o => new { organizationId = o }).ToArray() }, Ct));
        var recommendationId = await IdOfAsync(await partnerships.PostAsJsonAsync("/api/partnerships/recommendations", new
        {
            title = new { en = "Mobile home care for Tsalka's villages", ka = "მობილური შინ მოვლა" },
            summary = new { en = "Fund a mobile home-care team for older people in remote villages." },
            problem = "Older people in remote villages receive no home care.",
            evidence = new[] { "Tsalka needs assessment 2026", $"Minutes of meeting {groupMeeting}" },
            proposedAction = "Fund a mobile home-care team from the municipal budget.",
            authorityOrganizationId = cityHall,
            municipalities = new[] { municipality },
        }, Ct));
        var vote = await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/recommendations/{recommendationId}/vote",
            new { meetingId = allianceMeeting, votes = present.Select(o => new { organizationId = o, choice = "For" }).ToArray() }, Ct));
        Assert.True(vote.GetProperty("endorsed").GetBoolean());

        // Submitted to the city hall, which adopts it; implemented step by step.
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/recommendations/{recommendationId}/submit", new { submittedOn = today.AddDays(-1), reference = "Letter 31/2026" }, Ct));
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/recommendations/{recommendationId}/answer",
            new { answer = "Adopted", reply = "The city hall will fund the team from next year's budget.", answeredOn = today }, Ct));
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/recommendations/{recommendationId}/progress",
            new { progressPercent = 100, evidence = new[] { "Mayor's order 12" }, recordedOn = today }, Ct));
        var recommendation = await Json(await monitor.GetAsync($"/api/partnerships/recommendations/{recommendationId}", Ct));
        Assert.Equal("Implemented", recommendation.GetProperty("status").GetString());
        Assert.Equal(["Drafted", "Endorsed", "Submitted", "Adopted", "Implemented"],
            recommendation.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToArray());

        // The service the recommendation led to: co-designed at the group's meeting, piloted, funded by the municipality.
        var serviceId = await IdOfAsync(await partnerships.PostAsJsonAsync("/api/partnerships/social-services", new
        {
            name = new { en = "Mobile home care" }, municipality, need = "Older people in remote villages live alone.", recommendationId,
        }, Ct));
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/social-services/{serviceId}/workshops", new { meetingId = groupMeeting }, Ct));
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/social-services/{serviceId}/design",
            new { concept = "A nurse and a social worker visit twice a week", targetGroup = "Older people living alone" }, Ct));
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/social-services/{serviceId}/pilot", new
        {
            startsOn = today.AddDays(-6), endsOn = today,
            peopleServedByGender = new Dictionary<string, int> { ["female"] = 14, ["male"] = 9 },
            peopleServedByAgeGroup = new Dictionary<string, int> { ["35-plus"] = 23 },
        }, Ct));
        var service = await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/social-services/{serviceId}/institutionalise",
            new { amount = 96_000m, currency = "GEL", budgetYear = today.Year + 1, decisionReference = "Sakrebulo decision 45", decidedOn = today }, Ct));
        Assert.Equal("Institutionalised", service.GetProperty("status").GetString());

        // The monitor reads the institutionalised service and the figures of the municipality this quarter; never the group's people.
        Assert.Equal(serviceId, (await Json(await monitor.GetAsync($"/api/partnerships/social-services/{serviceId}", Ct))).GetProperty("id").GetGuid());
        var figures = await Json(await monitor.GetAsync($"/api/partnerships/figures?municipality={municipality}&quarter={today.Year}Q{(today.Month - 1) / 3 + 1}", Ct));
        var row = Assert.Single(figures.GetProperty("rows").EnumerateArray());
        Assert.Equal(1, row.GetProperty("groupsActive").GetInt32());
        Assert.Equal(1, row.GetProperty("recommendationsByStage").GetProperty("Adopted").GetInt32());
        Assert.Equal(1m, row.GetProperty("adoptionRate").GetDecimal());
        Assert.Equal(1, row.GetProperty("servicesInstitutionalised").GetInt32());
        Assert.Equal(96_000m, row.GetProperty("municipalMoneyCommitted").GetProperty("GEL").GetDecimal());
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.GetAsync($"/api/partnerships/groups/{groupId}", Ct)).StatusCode);
        Assert.DoesNotContain("Abashidze", figures.GetRawText(), StringComparison.Ordinal);
    }

    private static async Task<Guid> RegisterAsync(HttpClient capacity, string type, string municipality) =>
        await IdOfAsync(await capacity.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"{type} {Guid.NewGuid():N}" }, type, municipality }, Ct));

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response) =>
        (await Json(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
}
