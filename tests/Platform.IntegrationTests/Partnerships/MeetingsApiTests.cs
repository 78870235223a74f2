using System.Net;
using System.Net.Http.Json;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Partnerships;

/// <summary>Meetings through the API: attendance counts, the minutes' lifecycle and lock, decisions and the overdue list.</summary>
public sealed class MeetingsApiTests(PartnershipsFixture partnerships) : IClassFixture<PartnershipsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => PartnershipsFixture.Today;

    [Fact]
    public async Task Approved_minutes_lock_the_meeting_and_attendance_is_counted_by_gender_and_sector()
    {
        var group = await partnerships.FormGroupAsync("KK-TETRITSKARO");
        var woman = await partnerships.RepresentativeAsync(group, group.CsoMemberId, "female", "Eka Tsereteli");
        var man = await partnerships.RepresentativeAsync(group, group.LsgMemberId, "male", "Giorgi Melikishvili");
        var meetingId = await partnerships.HeldGroupMeetingAsync(group, 3, woman, man);
        var path = $"/api/partnerships/meetings/{meetingId}";

        await AssertProblemAsync(await partnerships.Team.PostAsync($"{path}/minutes/circulate", null, Ct), HttpStatusCode.Conflict, null);
        await partnerships.PutAsync($"{path}/minutes", new { text = "The group agreed to map home-care needs." }, HttpStatusCode.OK);
        await partnerships.PostAsync($"{path}/minutes/circulate", null, HttpStatusCode.OK);
        await partnerships.PostAsync($"{path}/decisions", new { text = "Map home-care needs", ownerOrganizationId = group.CsoId, dueOn = Today.AddDays(20) }, HttpStatusCode.Created);
        var approved = await partnerships.PostAsync($"{path}/minutes/approve", null, HttpStatusCode.OK);

        Assert.True(approved.GetProperty("locked").GetBoolean());
        Assert.Equal("Approved", approved.GetProperty("minutesStatus").GetString());
        Assert.Equal(2, approved.GetProperty("attendees").GetInt32());
        Assert.Equal(1, approved.GetProperty("attendeesByGender").GetProperty("female").GetInt32());
        Assert.Equal(1, approved.GetProperty("attendeesBySector").GetProperty("LocalSelfGovernment").GetInt32());
        Assert.Equal(3, approved.GetProperty("agenda").GetArrayLength());
        foreach (var change in new[]
                 {
                     partnerships.Team.PutAsJsonAsync($"{path}/minutes", new { text = "Changed" }, Ct),
                     partnerships.Team.PutAsJsonAsync($"{path}/agenda", new { items = new[] { "New item" } }, Ct),
                     partnerships.Team.PutAsJsonAsync($"{path}/attendance", new { attendees = new[] { new { representativeId = woman } } }, Ct),
                     partnerships.Team.PostAsJsonAsync($"{path}/decisions", new { text = "Another", ownerOrganizationId = group.CsoId, dueOn = Today.AddDays(5) }, Ct),
                 })
        {
            var refused = await change;
            await AssertProblemAsync(refused, HttpStatusCode.Conflict, null);
            Assert.Equal("minutes-approved", (await ReadJsonAsync(refused)).GetProperty("code").GetString());
        }

        var read = await partnerships.GetAsync(path);
        Assert.Equal("The group agreed to map home-care needs.", read.GetProperty("minutes").GetString());
        Assert.Equal(2, read.GetProperty("attendance").GetArrayLength());
        Assert.Single(read.GetProperty("decisions").EnumerateArray());

        // A member organisation reads the meeting: who came, by organisation and counts, not by person.
        using var member = await partnerships.ApplicantForAsync(group.LsgId);
        var asMember = await ReadJsonAsync(await member.GetAsync(path, Ct), HttpStatusCode.OK);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, asMember.GetProperty("attendance").ValueKind);
        Assert.Equal(new[] { group.CsoId, group.LsgId }.Order(), asMember.GetProperty("organizationsPresent").EnumerateArray().Select(e => e.GetGuid()).Order());
        using var monitor = partnerships.App.ClientFor(PlatformRoles.Monitor);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.GetAsync(path, Ct)).StatusCode);
    }

    [Fact]
    public async Task Open_decisions_past_their_due_date_are_listed_as_overdue_until_done()
    {
        var group = await partnerships.FormGroupAsync("KK-GARDABANI");
        var representative = await partnerships.RepresentativeAsync(group, group.CsoMemberId, "female");
        var meetingId = await partnerships.HeldGroupMeetingAsync(group, 20, representative);
        var path = $"/api/partnerships/meetings/{meetingId}/decisions";
        var late = (await partnerships.PostAsync(path, new { text = "Publish the hearing schedule", ownerOrganizationId = group.LsgId, dueOn = Today.AddDays(-10) }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await partnerships.PostAsync(path, new { text = "Prepare the survey", ownerOrganizationId = group.CsoId, dueOn = Today.AddDays(10) }, HttpStatusCode.Created);
        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync(path, new { text = "", ownerOrganizationId = Guid.NewGuid(), dueOn = Today.AddDays(-30) }, Ct),
            HttpStatusCode.BadRequest, "ownerOrganizationId");

        var overdue = await partnerships.GetAsync($"/api/partnerships/decisions/overdue?groupId={group.Id}");
        var item = Assert.Single(overdue.GetProperty("items").EnumerateArray());
        Assert.Equal(late, item.GetProperty("id").GetGuid());
        Assert.True(item.GetProperty("overdue").GetBoolean());
        Assert.Equal("KK-GARDABANI", item.GetProperty("municipality").GetString());

        await partnerships.PostAsync($"/api/partnerships/meetings/{meetingId}/decisions/{late}/status", new { status = "Done" }, HttpStatusCode.OK);
        Assert.Equal(0, (await partnerships.GetAsync($"/api/partnerships/decisions/overdue?groupId={group.Id}")).GetProperty("total").GetInt64());
        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync($"/api/partnerships/meetings/{meetingId}/decisions/{late}/status", new { status = "Open" }, Ct),
            HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task Attendance_is_only_of_representatives_of_members_and_bad_meetings_are_refused()
    {
        var group = await partnerships.FormGroupAsync("KK-TSALKA");
        var stranger = await partnerships.FormGroupAsync("KK-BOLNISI");
        var outsider = await partnerships.RepresentativeAsync(stranger, stranger.CsoMemberId, "female");

        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync("/api/partnerships/meetings",
            new { body = "Group", groupId = Guid.NewGuid(), title = "T", date = Today }, Ct), HttpStatusCode.BadRequest, "groupId");
        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync("/api/partnerships/meetings",
            new { body = "Group", groupId = group.Id, title = "T", date = Today, agenda = new[] { " " } }, Ct), HttpStatusCode.BadRequest, "place");
        var meetingId = (await partnerships.PostAsync("/api/partnerships/meetings",
            new { body = "Group", groupId = group.Id, title = "T", date = Today.AddDays(-1), online = true }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await AssertProblemAsync(await partnerships.Team.PutAsJsonAsync($"/api/partnerships/meetings/{meetingId}/attendance",
            new { attendees = new[] { new { representativeId = outsider } } }, Ct), HttpStatusCode.BadRequest, "attendees[0].representativeId");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, (await partnerships.GetAsync($"/api/partnerships/meetings/{meetingId}")).GetProperty("heldOn").ValueKind);
        Assert.Equal(HttpStatusCode.NotFound, (await partnerships.Team.GetAsync($"/api/partnerships/meetings/{Guid.NewGuid()}", Ct)).StatusCode);
    }
}
