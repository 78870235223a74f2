using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Partnerships;

/// <summary>Partnership groups through the API: forming from the registry copy, one per municipality, members, access to representatives.</summary>
public sealed class GroupsApiTests(PartnershipsFixture partnerships) : IClassFixture<PartnershipsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => PartnershipsFixture.Today;

    [Fact]
    public async Task A_formed_group_publishes_its_organisations_and_a_municipality_has_one_open_group()
    {
        var group = await partnerships.FormGroupAsync("KK-MARNEULI", activate: false);
        await partnerships.RepresentativeAsync(group, group.CsoMemberId, "female", "Tamar Lomidze");

        var formed = await partnerships.PublishedAsync("PartnershipGroupFormed", group.Id);
        Assert.Equal("KK-MARNEULI", formed.GetProperty("municipality").GetString());
        Assert.Equal(group.LsgId, formed.GetProperty("localSelfGovernmentId").GetGuid());
        Assert.Equal([group.CsoId, group.LsgId], formed.GetProperty("memberOrganizationIds").EnumerateArray().Select(e => e.GetGuid()).ToArray());
        Assert.DoesNotContain("Lomidze", formed.GetRawText(), StringComparison.Ordinal);

        var other = await partnerships.KnownOrganizationAsync(OrganizationType.Cso, "KK-MARNEULI");
        var lsg = await partnerships.KnownOrganizationAsync(OrganizationType.LocalSelfGovernment, "KK-MARNEULI");
        var second = new
        {
            municipality = "KK-MARNEULI", name = "Second group", formedOn = Today,
            members = new object[] { new { organizationId = other }, new { organizationId = lsg } },
        };
        var refused = await partnerships.Team.PostAsJsonAsync("/api/partnerships/groups", second, Ct);
        await AssertProblemAsync(refused, HttpStatusCode.Conflict, null);
        Assert.Equal("group-exists", (await ReadJsonAsync(refused)).GetProperty("code").GetString());

        // Once the group is closed (and PartnershipGroupClosed published), the municipality may form a new one.
        var closed = await partnerships.PostAsync($"/api/partnerships/groups/{group.Id}/close", new { closedOn = Today, reason = "Replaced by a wider group" }, HttpStatusCode.OK);
        Assert.Equal("Closed", closed.GetProperty("stage").GetString());
        Assert.Equal(Today.ToString("yyyy-MM-dd"), (await partnerships.PublishedAsync("PartnershipGroupClosed", group.Id)).GetProperty("closedOn").GetString());
        await partnerships.PostAsync("/api/partnerships/groups", second, HttpStatusCode.Created);
        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync($"/api/partnerships/groups/{group.Id}/members",
            new { organizationId = other, joinedOn = Today }, Ct), HttpStatusCode.Conflict, null);
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_forms_nothing()
    {
        var cso = await partnerships.KnownOrganizationAsync(OrganizationType.Cso, "KK-BOLNISI");
        var lsgElsewhere = await partnerships.KnownOrganizationAsync(OrganizationType.LocalSelfGovernment, "KK-TSALKA");
        var media = await partnerships.KnownOrganizationAsync(OrganizationType.MediaOutlet, "KK-BOLNISI");

        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync("/api/partnerships/groups", new
        {
            municipality = "KK-BOLNISI", name = "", formedOn = Today.AddDays(1),
            members = new object[] { new { organizationId = cso, role = "Chair" }, new { organizationId = lsgElsewhere }, new { organizationId = media }, new { organizationId = Guid.NewGuid() } },
        }, Ct), HttpStatusCode.BadRequest, "members[1].organizationId");
        var problem = await ReadJsonAsync(await partnerships.Team.PostAsJsonAsync("/api/partnerships/groups", new { municipality = "KK-NOWHERE", members = new object[] { new { organizationId = media } } }, Ct));
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        Assert.Contains("municipality", fields);
        Assert.Contains("name", fields);
        Assert.Contains("formedOn", fields);
        Assert.Contains("members[0].organizationId", fields);
        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync("/api/partnerships/groups", new { municipality = "KK-BOLNISI", members = new[] { new { role = "President" } } }, Ct),
            HttpStatusCode.BadRequest, "members[0].role");

        var none = await partnerships.GetAsync("/api/partnerships/groups?municipality=KK-BOLNISI");
        Assert.Equal(0, none.GetProperty("total").GetInt64());
        await AssertProblemAsync(await partnerships.Team.GetAsync("/api/partnerships/groups?stage=Sleeping&pageSize=101", Ct), HttpStatusCode.BadRequest, "stage");
    }

    [Fact]
    public async Task Members_read_their_own_group_without_personal_data_others_do_not_see_it()
    {
        var group = await partnerships.FormGroupAsync("SJ-NINOTSMINDA");
        var representative = await partnerships.RepresentativeAsync(group, group.LsgMemberId, "male", "Levan Kapanadze");

        var asTeam = await partnerships.GetAsync($"/api/partnerships/groups/{group.Id}");
        var lsgMember = asTeam.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == group.LsgMemberId);
        Assert.Equal("Levan Kapanadze", lsgMember.GetProperty("representatives")[0].GetProperty("name").GetString());
        Assert.Equal("Active", asTeam.GetProperty("stage").GetString());

        using var member = await partnerships.ApplicantForAsync(group.CsoId);
        var asMember = await ReadJsonAsync(await member.GetAsync($"/api/partnerships/groups/{group.Id}", Ct), HttpStatusCode.OK);
        Assert.DoesNotContain("Kapanadze", asMember.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(1, asMember.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == group.LsgMemberId).GetProperty("representativeCount").GetInt32());
        var mine = await ReadJsonAsync(await member.GetAsync("/api/partnerships/groups", Ct), HttpStatusCode.OK);
        Assert.Equal(group.Id, Assert.Single(mine.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(HttpStatusCode.Forbidden, (await member.PostAsJsonAsync($"/api/partnerships/groups/{group.Id}/close", new { closedOn = Today, reason = "x" }, Ct)).StatusCode);

        using var outsider = await partnerships.ApplicantForAsync(await partnerships.KnownOrganizationAsync(OrganizationType.Cso, "SJ-NINOTSMINDA"));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/partnerships/groups/{group.Id}", Ct)).StatusCode);
        Assert.Equal(0, (await ReadJsonAsync(await outsider.GetAsync("/api/partnerships/groups", Ct), HttpStatusCode.OK)).GetProperty("total").GetInt64());
        using var monitor = partnerships.App.ClientFor(PlatformRoles.Monitor);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.GetAsync($"/api/partnerships/groups/{group.Id}", Ct)).StatusCode);

        // Subject access for the team only; erasure removes the person's data, the representative's place stays, marked erased.
        var held = await partnerships.GetAsync($"/api/partnerships/groups/{group.Id}/representatives/{representative}");
        Assert.Equal("nino.beridze@example.ge", held.GetProperty("contact").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"/api/partnerships/groups/{group.Id}/representatives/{representative}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await partnerships.Team.DeleteAsync($"/api/partnerships/groups/{group.Id}/representatives/{representative}", Ct)).StatusCode);
        var erased = await partnerships.GetAsync($"/api/partnerships/groups/{group.Id}");
        Assert.DoesNotContain("Kapanadze", erased.GetRawText(), StringComparison.Ordinal);
        Assert.True(erased.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("id").GetGuid() == group.LsgMemberId)
            .GetProperty("representatives")[0].GetProperty("erased").GetBoolean());
    }

    [Fact]
    public async Task A_group_without_a_meeting_for_six_months_is_listed_as_dormant()
    {
        // Formed and activated seven months ago, never met since.
        var cso = await partnerships.KnownOrganizationAsync(OrganizationType.Cso, "KK-DMANISI");
        var lsg = await partnerships.KnownOrganizationAsync(OrganizationType.LocalSelfGovernment, "KK-DMANISI");
        var created = await partnerships.PostAsync("/api/partnerships/groups", new
        {
            municipality = "KK-DMANISI", name = "Dmanisi group", termsOfReference = "Meets quarterly.", formedOn = Today.AddMonths(-7),
            members = new object[] { new { organizationId = cso, role = "Chair" }, new { organizationId = lsg } },
        }, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await partnerships.PostAsync($"/api/partnerships/groups/{id}/activate", new { activatedOn = Today.AddMonths(-7) }, HttpStatusCode.OK);

        var dormant = await partnerships.GetAsync("/api/partnerships/groups?municipality=KK-DMANISI&stage=Dormant");
        Assert.Equal(id, Assert.Single(dormant.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal("Dormant", dormant.GetProperty("items")[0].GetProperty("stage").GetString());

        // A meeting wakes it.
        var group = new PartnershipsFixture.Group(id, cso, lsg, created.GetProperty("members")[0].GetProperty("id").GetGuid(), Guid.Empty);
        var representative = await partnerships.RepresentativeAsync(group, group.CsoMemberId, "female");
        await partnerships.HeldGroupMeetingAsync(group, 2, representative);
        Assert.Equal(0, (await partnerships.GetAsync("/api/partnerships/groups?municipality=KK-DMANISI&stage=Dormant")).GetProperty("total").GetInt64());
        Assert.Equal("Active", (await partnerships.GetAsync($"/api/partnerships/groups/{id}")).GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Two_CSOs_leaving_at_once_cannot_leave_the_group_without_a_CSO()
    {
        var group = await partnerships.FormGroupAsync("KK-GARDABANI");
        var second = await partnerships.KnownOrganizationAsync(OrganizationType.Cso, "KK-GARDABANI");
        var joined = await partnerships.PostAsync($"/api/partnerships/groups/{group.Id}/members", new { organizationId = second, joinedOn = Today.AddDays(-3) }, HttpStatusCode.OK);
        var secondMember = joined.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("organizationId").GetGuid() == second).GetProperty("id").GetGuid();

        var answers = await Task.WhenAll(
            partnerships.Team.PostAsJsonAsync($"/api/partnerships/groups/{group.Id}/members/{group.CsoMemberId}/leave", new { leftOn = Today }, Ct),
            partnerships.Team.PostAsJsonAsync($"/api/partnerships/groups/{group.Id}/members/{secondMember}/leave", new { leftOn = Today }, Ct));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        var refused = Assert.Single(answers, a => a.StatusCode != HttpStatusCode.OK);
        await AssertProblemAsync(refused, HttpStatusCode.Conflict, null);
        Assert.Contains((await ReadJsonAsync(refused)).GetProperty("code").GetString(), new[] { "group-needs-cso-and-lsg", "concurrent-change" });
        var read = await partnerships.GetAsync($"/api/partnerships/groups/{group.Id}");
        Assert.Single(read.GetProperty("members").EnumerateArray(), m => m.GetProperty("organizationType").GetString() == "Cso" && m.GetProperty("leftOn").ValueKind == JsonValueKind.Null);
    }
}
