using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Partnerships;

/// <summary>
/// The Alliance's recommendations through the API: the vote with its quorum, every step on the timeline, the events, and who
/// reads what. Tests of this class share one Alliance, so each counts the members it finds on the meeting's day.
/// </summary>
public sealed class RecommendationsApiTests(PartnershipsFixture partnerships) : IClassFixture<PartnershipsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => PartnershipsFixture.Today;

    private async Task<Guid> DraftAsync(params string[] municipalities) =>
        (await partnerships.PostAsync("/api/partnerships/recommendations", PartnershipsFixture.RecommendationBody(municipalities), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>Every organisation that is a member of the Alliance on <paramref name="day"/>.</summary>
    private async Task<List<Guid>> MembersOnAsync(DateOnly day) =>
        [.. (await partnerships.GetAsync($"/api/partnerships/alliance/members?on={day:yyyy-MM-dd}&pageSize=100")).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("organizationId").GetGuid())];

    [Fact]
    public async Task Endorsed_by_vote_submitted_adopted_and_implemented_every_step_on_the_timeline()
    {
        await partnerships.AllianceMembersAsync(3);
        var present = await MembersOnAsync(Today.AddDays(-1));
        var meetingId = await partnerships.HeldAllianceMeetingAsync(present);
        var id = await DraftAsync("KK-GARDABANI", "SJ-AKHALTSIKHE");
        var path = $"/api/partnerships/recommendations/{id}";

        var outOfOrder = await partnerships.Team.PostAsJsonAsync($"{path}/submit", new { submittedOn = Today, reference = "Letter 1" }, Ct);
        await AssertProblemAsync(outOfOrder, HttpStatusCode.Conflict, null);
        Assert.Equal("step-out-of-order", (await ReadJsonAsync(outOfOrder)).GetProperty("code").GetString());

        var votes = present.Select((o, i) => new { organizationId = o, choice = i == 0 ? "Against" : "For" }).ToArray();
        var vote = await partnerships.PostAsync($"{path}/vote", new { meetingId, votes, note = "Vote at the spring assembly" }, HttpStatusCode.OK);
        Assert.True(vote.GetProperty("endorsed").GetBoolean());
        Assert.Equal(present.Count, vote.GetProperty("present").GetInt32());
        Assert.Equal(present.Count - 1, vote.GetProperty("for").GetInt32());
        Assert.Equal("Endorsed", vote.GetProperty("recommendation").GetProperty("status").GetString());

        await partnerships.PostAsync($"{path}/submit", new { submittedOn = Today, reference = "Letter 14/2026", note = "Handed over in person" }, HttpStatusCode.OK);
        await partnerships.PostAsync($"{path}/answer", new { answer = "Adopted", reply = "The ministry will fund two teams.", answeredOn = Today }, HttpStatusCode.OK);
        var adopted = await partnerships.PublishedAsync("RecommendationAdopted", id);
        Assert.Equal("Adopted", adopted.GetProperty("outcome").GetString());
        Assert.Equal(["KK-GARDABANI", "SJ-AKHALTSIKHE"], adopted.GetProperty("municipalities").EnumerateArray().Select(e => e.GetString()).ToArray());
        Assert.Equal("Ministry of IDPs, Labour, Health and Social Affairs", adopted.GetProperty("authorityName").GetString());

        await partnerships.PostAsync($"{path}/progress", new { progressPercent = 40, evidence = new[] { "Ministerial order 55" }, recordedOn = Today }, HttpStatusCode.OK);
        var implemented = await partnerships.PostAsync($"{path}/progress", new { progressPercent = 100, evidence = new[] { "Teams hired: contracts 7 and 8" }, recordedOn = Today }, HttpStatusCode.OK);
        Assert.Equal("Implemented", implemented.GetProperty("status").GetString());
        await Eventually.HoldsAsync(async () => (await partnerships.OutboxAsync("RecommendationImplemented"))
                .Count(m => m.Payload.Contains(id.ToString(), StringComparison.Ordinal) && m.SentAt is not null) == 2,
            PartnershipsFixture.Propagation, "both progress updates to be published");
        var completed = await partnerships.PublishedAsync("RecommendationImplemented", id);
        Assert.True(completed.GetProperty("completed").GetBoolean());
        Assert.Equal(100, completed.GetProperty("progressPercent").GetInt32());

        var read = await partnerships.GetAsync(path);
        var timeline = read.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["Drafted", "Endorsed", "Submitted", "Adopted", "ProgressRecorded", "Implemented"], timeline.Select(t => t.GetProperty("name").GetString()).ToArray());
        Assert.All(timeline, t => Assert.False(string.IsNullOrEmpty(t.GetProperty("actor").GetString())));
        Assert.Equal("Handed over in person", timeline[2].GetProperty("note").GetString());
        Assert.Equal(present.Count, read.GetProperty("votes").GetArrayLength());
        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync($"{path}/progress", new { progressPercent = 100, evidence = new[] { "x" }, recordedOn = Today }, Ct),
            HttpStatusCode.Conflict, null);

        // The monitor reads it now that it is adopted, and figures count the adoption.
        using var monitor = partnerships.App.ClientFor(PlatformRoles.Monitor);
        Assert.Equal(HttpStatusCode.OK, (await monitor.GetAsync(path, Ct)).StatusCode);
        var figures = await ReadJsonAsync(await monitor.GetAsync($"/api/partnerships/figures?municipality=SJ-AKHALTSIKHE&quarter={Today.Year}Q{(Today.Month - 1) / 3 + 1}", Ct), HttpStatusCode.OK);
        var row = Assert.Single(figures.GetProperty("rows").EnumerateArray());
        Assert.True(row.GetProperty("recommendationsByStage").GetProperty("Adopted").GetInt32() >= 1);
        Assert.True(row.GetProperty("recommendationsByStage").GetProperty("Implemented").GetInt32() >= 1);
    }

    [Fact]
    public async Task Without_more_than_half_of_the_members_present_there_is_no_quorum_and_nothing_changes()
    {
        var members = await partnerships.AllianceMembersAsync(3);
        var meetingId = await partnerships.HeldAllianceMeetingAsync(members.Take(1));
        var id = await DraftAsync();

        var refused = await partnerships.Team.PostAsJsonAsync($"/api/partnerships/recommendations/{id}/vote",
            new { meetingId, votes = new[] { new { organizationId = members[0], choice = "For" } } }, Ct);

        await AssertProblemAsync(refused, HttpStatusCode.Conflict, null);
        Assert.Equal("no-quorum", (await ReadJsonAsync(refused)).GetProperty("code").GetString());
        var read = await partnerships.GetAsync($"/api/partnerships/recommendations/{id}");
        Assert.Equal("Drafted", read.GetProperty("status").GetString());
        Assert.Single(read.GetProperty("timeline").EnumerateArray());

        // A member absent from the meeting cannot vote; one that left is no longer counted.
        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync($"/api/partnerships/recommendations/{id}/vote",
            new { meetingId, votes = new[] { new { organizationId = members[1], choice = "For" } } }, Ct), HttpStatusCode.BadRequest, "votes[0].organizationId");
        var membership = (await partnerships.GetAsync("/api/partnerships/alliance/members?pageSize=100")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("organizationId").GetGuid() == members[2]);
        var left = await partnerships.PostAsync($"/api/partnerships/alliance/members/{membership.GetProperty("id").GetGuid()}/leave", new { leftOn = Today.AddDays(-5) }, HttpStatusCode.OK);
        Assert.False(left.GetProperty("current").GetBoolean());
        Assert.DoesNotContain(members[2], await MembersOnAsync(Today.AddDays(-1)));
        Assert.Contains(members[2], await MembersOnAsync(Today.AddDays(-6)));
        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync("/api/partnerships/alliance/members", new { organizationId = members[0], joinedOn = Today }, Ct),
            HttpStatusCode.Conflict, null);
    }

    [Fact]
    public async Task The_monitor_reads_only_adopted_recommendations_and_bad_drafts_name_their_fields()
    {
        var id = await DraftAsync();
        using var monitor = partnerships.App.ClientFor(PlatformRoles.Monitor);
        using var grantsTeam = partnerships.App.ClientFor(PlatformRoles.GrantsTeam);

        Assert.Equal(HttpStatusCode.NotFound, (await monitor.GetAsync($"/api/partnerships/recommendations/{id}", Ct)).StatusCode);
        Assert.DoesNotContain((await ReadJsonAsync(await monitor.GetAsync("/api/partnerships/recommendations?pageSize=100", Ct), HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.OK, (await grantsTeam.GetAsync($"/api/partnerships/recommendations/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await grantsTeam.PostAsJsonAsync("/api/partnerships/recommendations", PartnershipsFixture.RecommendationBody(), Ct)).StatusCode);

        var lsg = await partnerships.KnownOrganizationAsync(Platform.Contracts.Capacity.OrganizationType.Cso, "KK-MARNEULI");
        var problem = await ReadJsonAsync(await partnerships.Team.PostAsJsonAsync("/api/partnerships/recommendations", new
        {
            title = new { fr = "Soins" }, summary = new { en = "" }, evidence = Array.Empty<string>(), authorityOrganizationId = lsg, municipalities = new[] { "KK-NOWHERE" },
        }, Ct), HttpStatusCode.BadRequest);
        var fields = problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
        foreach (var field in new[] { "title.fr", "summary.en", "problem", "evidence", "proposedAction", "authorityOrganizationId", "municipalities[0]" })
        {
            Assert.Contains(field, fields);
        }

        await AssertProblemAsync(await partnerships.Team.PostAsJsonAsync($"/api/partnerships/recommendations/{id}/vote", new { votes = Array.Empty<object>() }, Ct),
            HttpStatusCode.BadRequest, "meetingId");
        await AssertProblemAsync(await partnerships.Team.GetAsync("/api/partnerships/recommendations?status=Approved", Ct), HttpStatusCode.BadRequest, "status");
    }
}
