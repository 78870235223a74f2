using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.IntegrationTests.Concurrency;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Youth;

/// <summary>Changes to one camp, cohort or internship at once: never two winners, never a count that misses a change.</summary>
public sealed class RaceTests(YouthFixture youth) : IClassFixture<YouthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Attendance_recorded_while_the_camp_is_held_is_either_counted_or_refused()
    {
        const int sessions = 6;
        var start = YouthFixture.Today.AddDays(-10);
        var campId = (await youth.PostAsync("/api/youth/camps",
            new { audience = "Youth", name = $"Youth camp {Guid.NewGuid():N}", municipality = "KK-BOLNISI", startsOn = start, endsOn = start.AddDays(sessions) }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        var sessionIds = new List<Guid>();
        var people = new List<Guid>();
        for (var i = 0; i < sessions; i++)
        {
            sessionIds.Add((await youth.PostAsync($"/api/youth/camps/{campId}/sessions", new { date = start.AddDays(i), topic = $"Session {i}" }, HttpStatusCode.Created)).GetProperty("id").GetGuid());
            var person = await youth.RegisterPersonAsync("KK-BOLNISI", birthDate: start.AddYears(-17));
            await youth.PostAsync($"/api/youth/camps/{campId}/participants", new { personId = person }, HttpStatusCode.Created);
            people.Add(person);
        }

        var clients = Enumerable.Range(0, sessions + 1).Select(_ => youth.App.ClientFor(PlatformRoles.YouthTeam)).ToList();
        var answers = await AtOnce.SendAsync(
            [
                () => clients[0].PostAsync($"/api/youth/camps/{campId}/hold", null, Ct),
                .. sessionIds.Select((session, i) => (Func<Task<HttpResponseMessage>>)(() =>
                    clients[i + 1].PutAsJsonAsync($"/api/youth/camps/{campId}/sessions/{session}/attendance", new { personIds = new[] { people[i] } }, Ct))),
            ]);

        Assert.Equal(HttpStatusCode.OK, answers[0].Status);
        AtOnce.AssertLosersRefused(answers.Skip(1), "camp-not-planned", "invalid-transition", "camp-held", "concurrent-change");
        var recorded = answers.Skip(1).Count(a => a.Status == HttpStatusCode.OK);
        var held = answers[0].Body;
        var outbox = (await youth.OutboxAsync("CampHeld")).Single(m => m.Payload.Contains(campId.ToString(), StringComparison.Ordinal));
        // What was published and what is stored agree with what the answers said.
        Assert.Equal(recorded, held.GetProperty("attended").GetInt32());
        Assert.Equal(recorded, JsonDocument.Parse(outbox.Payload).RootElement.GetProperty("participants").GetInt32());
        var stored = await youth.InDatabaseAsync(db => db.Camps.AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == campId, Ct));
        Assert.Equal(recorded, stored.Participants.Count(p => p.SessionsAttended.Count > 0));
        clients.ForEach(c => c.Dispose());
    }

    [Fact]
    public async Task Cohort_transitions_at_once_happen_once()
    {
        var cohortId = await youth.OpenCohortAsync();
        await youth.ApplyAsync(cohortId, await youth.RegisterPersonAsync());
        var clients = Enumerable.Range(0, 6).Select(_ => youth.App.ClientFor(PlatformRoles.YouthTeam)).ToList();

        var answers = await AtOnce.SendAsync(clients.Select(c => (Func<Task<HttpResponseMessage>>)(() => c.PostAsync($"/api/youth/cohorts/{cohortId}/start-selection", null, Ct))).ToArray());

        Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        AtOnce.AssertLosersRefused(answers, "cohort-status", "concurrent-change");
        clients.ForEach(c => c.Dispose());
    }
}
