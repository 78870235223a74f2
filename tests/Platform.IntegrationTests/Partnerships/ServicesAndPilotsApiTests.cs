using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Capacity;
using Platform.Contracts.Grants;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Partnerships;

/// <summary>Co-created social services and participatory pilot initiatives through the API, Grants' awards by their event, and the figures.</summary>
public sealed class ServicesAndPilotsApiTests(PartnershipsFixture partnerships) : IClassFixture<PartnershipsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => PartnershipsFixture.Today;

    private static string ThisQuarter => $"{Today.Year}Q{(Today.Month - 1) / 3 + 1}";

    [Fact]
    public async Task A_service_from_a_group_decision_is_co_designed_piloted_and_institutionalised_in_the_municipal_budget()
    {
        var group = await partnerships.FormGroupAsync("KK-BOLNISI");
        var representative = await partnerships.RepresentativeAsync(group, group.CsoMemberId, "female");
        var meetingId = await partnerships.HeldGroupMeetingAsync(group, 5, representative);
        var decisionId = (await partnerships.PostAsync($"/api/partnerships/meetings/{meetingId}/decisions",
            new { text = "Co-design a day centre for children with disabilities", ownerOrganizationId = group.CsoId, dueOn = Today.AddDays(60) }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync("/api/partnerships/social-services",
            new { name = new { en = "Day centre" }, municipality = "KK-MARNEULI", need = "n", decisionId }, Ct), HttpStatusCode.BadRequest, "decisionId");
        var id = (await partnerships.PostAsync("/api/partnerships/social-services", new
        {
            name = new { en = "Day centre for children with disabilities", ka = "დღის ცენტრი" },
            municipality = "KK-BOLNISI",
            need = "Families travel to Tbilisi for day care.",
            decisionId,
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var path = $"/api/partnerships/social-services/{id}";

        var early = await partnerships.Team.PostAsJsonAsync($"{path}/institutionalise", new { amount = 1000, currency = "GEL", budgetYear = Today.Year, decisionReference = "D-1", decidedOn = Today }, Ct);
        await AssertProblemAsync(early, HttpStatusCode.Conflict, null);
        Assert.Equal("step-out-of-order", (await ReadJsonAsync(early)).GetProperty("code").GetString());
        await partnerships.PostAsync($"{path}/workshops", new { meetingId }, HttpStatusCode.OK);
        await partnerships.PostAsync($"{path}/design", new { concept = "Five days a week, transport included", targetGroup = "Children with disabilities aged 3-17" }, HttpStatusCode.OK);
        await partnerships.PostAsync($"{path}/pilot", new
        {
            startsOn = Today.AddMonths(-2), endsOn = Today.AddDays(-1),
            peopleServedByGender = new Dictionary<string, int> { ["female"] = 9, ["male"] = 11 },
            peopleServedByAgeGroup = new Dictionary<string, int> { ["under-18"] = 20 },
        }, HttpStatusCode.OK);
        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync($"{path}/institutionalise", new { amount = -5, currency = "USD", decidedOn = Today.AddDays(3) }, Ct),
            HttpStatusCode.BadRequest, "currency");
        var institutionalised = await partnerships.PostAsync($"{path}/institutionalise",
            new { amount = 120_000.00m, currency = "GEL", budgetYear = Today.Year + 1, decisionReference = "Sakrebulo decision 77", decidedOn = Today }, HttpStatusCode.OK);

        Assert.Equal("Institutionalised", institutionalised.GetProperty("status").GetString());
        var launched = await partnerships.PublishedAsync("SocialServiceLaunched", id);
        Assert.Equal(120_000.00m, launched.GetProperty("municipalFunding").GetDecimal());
        Assert.Equal(20, launched.GetProperty("peopleServedInPilot").GetInt32());
        Assert.Equal(20, launched.GetProperty("peopleServedByAgeGroup").GetProperty("under-18").GetInt32());

        using var monitor = partnerships.App.ClientFor(PlatformRoles.Monitor);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync(path, Ct)).StatusCode);
        var figures = await ReadJsonAsync(await monitor.GetAsync($"/api/partnerships/figures?municipality=KK-BOLNISI&quarter={ThisQuarter}", Ct), HttpStatusCode.OK);
        var row = Assert.Single(figures.GetProperty("rows").EnumerateArray());
        Assert.Equal(1, row.GetProperty("groupsActive").GetInt32());
        Assert.Equal(1, row.GetProperty("servicesInstitutionalised").GetInt32());
        Assert.Equal(120_000.00m, row.GetProperty("municipalMoneyCommitted").GetProperty("GEL").GetDecimal());
        Assert.Equal(0m, row.GetProperty("municipalMoneyCommitted").GetProperty("EUR").GetDecimal());
        if (Today.AddDays(-5) >= new DateOnly(Today.Year, (Today.Month - 1) / 3 * 3 + 1, 1))
        {
            Assert.Equal(1, row.GetProperty("meetingsHeld").GetInt32());
            // One person attended: the monitor sees the cell suppressed, the team sees it exactly (docs/figures.md).
            Assert.Equal(JsonValueKind.Null, row.GetProperty("attendanceByGender").GetProperty("female").ValueKind);
            Assert.True(row.GetProperty("suppressed").GetBoolean());
            var exact = Assert.Single((await partnerships.GetAsync($"/api/partnerships/figures?municipality=KK-BOLNISI&quarter={ThisQuarter}")).GetProperty("rows").EnumerateArray());
            Assert.Equal(1, exact.GetProperty("attendanceByGender").GetProperty("female").GetInt32());
        }
    }

    [Fact]
    public async Task A_pilot_financed_by_a_grant_links_the_award_known_from_Grants_event_and_completion_is_published()
    {
        var cso = await partnerships.KnownOrganizationAsync(OrganizationType.Cso, "SJ-AKHALTSIKHE");
        var lsg = await partnerships.KnownOrganizationAsync(OrganizationType.LocalSelfGovernment, "SJ-AKHALTSIKHE");
        var awardId = Guid.NewGuid();
        var body = new { kind = "PublicHearing", title = "Hearing on the 2027 social budget", csoOrganizationId = cso, localSelfGovernmentId = lsg,
            startsOn = Today.AddDays(-3), endsOn = Today, awardId };

        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync("/api/partnerships/pilots", body, Ct), HttpStatusCode.BadRequest, "awardId");
        await partnerships.App.Services.GetRequiredService<IBus>().Publish(
            new GrantAwarded(awardId, Guid.NewGuid(), Guid.NewGuid(), TargetGroup.Cso, cso, null, "SJ-AKHALTSIKHE", 25_000m, "GEL"), Ct);
        await Eventually.HoldsAsync(() => partnerships.InDatabaseAsync(db => db.GrantAwards.AnyAsync(a => a.AwardId == awardId, Ct)),
            PartnershipsFixture.Propagation, "the award to reach Partnerships");
        var id = (await partnerships.PostAsync("/api/partnerships/pilots", body, HttpStatusCode.Created)).GetProperty("id").GetGuid();

        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync($"/api/partnerships/pilots/{id}/complete", new
        {
            participantsByGender = new Dictionary<string, int> { ["female"] = 30, ["male"] = 25 },
            participantsByAgeGroup = new Dictionary<string, int> { ["35-plus"] = 50, ["unknown"] = 1 },
            outcome = "o", followUp = "f",
        }, Ct), HttpStatusCode.BadRequest, "participantsByAgeGroup.unknown");
        var completed = await partnerships.PostAsync($"/api/partnerships/pilots/{id}/complete", new
        {
            participantsByGender = new Dictionary<string, int> { ["female"] = 30, ["male"] = 25 },
            participantsByAgeGroup = new Dictionary<string, int> { ["18-24"] = 5, ["35-plus"] = 50 },
            outcome = "Three proposals went into the draft budget.",
            followUp = "The council reports back at the next hearing.",
        }, HttpStatusCode.OK);

        Assert.Equal("Completed", completed.GetProperty("status").GetString());
        var published = await partnerships.PublishedAsync("PilotInitiativeCompleted", id);
        Assert.Equal(awardId, published.GetProperty("awardId").GetGuid());
        Assert.Equal(55, published.GetProperty("participants").GetInt32());
        Assert.Equal(30, published.GetProperty("participantsByGender").GetProperty("female").GetInt32());
        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync($"/api/partnerships/pilots/{id}/complete", new
        {
            participantsByGender = new Dictionary<string, int>(), participantsByAgeGroup = new Dictionary<string, int>(), outcome = "o", followUp = "f",
        }, Ct), HttpStatusCode.Conflict, null);

        var figures = await partnerships.GetAsync($"/api/partnerships/figures?municipality=SJ-AKHALTSIKHE&quarter={ThisQuarter}");
        var row = Assert.Single(figures.GetProperty("rows").EnumerateArray());
        Assert.Equal(1, row.GetProperty("pilotsCompleted").GetInt32());
        Assert.Equal(55, row.GetProperty("pilotParticipants").GetInt32());
        Assert.Equal(5, row.GetProperty("pilotParticipantsByAgeGroup").GetProperty("18-24").GetInt32());
        await AssertProblemAsync(await partnerships.Team.GetAsync("/api/partnerships/figures?quarter=2026Q5&municipality=KK-X", Ct), HttpStatusCode.BadRequest, "quarter");
    }
}
