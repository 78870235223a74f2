using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.IntegrationTests.Concurrency;
using Platform.ServiceDefaults.Idempotency;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Youth;

/// <summary>
/// An idempotent command's record lives in the service's database, commits with the command, and keeps nothing a
/// reader of the database could learn a person from; erasing the person deletes it.
/// </summary>
public sealed class IdempotentCommandsTests(YouthFixture youth) : IClassFixture<YouthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpRequestMessage Keyed(string key, object body) =>
        new(HttpMethod.Post, "/api/youth/people") { Content = JsonContent.Create(body), Headers = { { "Idempotency-Key", key } } };

    [Fact]
    public async Task The_same_key_sent_many_times_at_once_registers_one_person_and_gives_every_sender_that_person()
    {
        var key = Guid.NewGuid().ToString();
        var firstName = $"Lela-{Guid.NewGuid():N}"[..12];
        var body = YouthFixture.PersonBody(firstName: firstName);

        var answers = await AtOnce.RepeatAsync(8, () => youth.Team.SendAsync(Keyed(key, body), Ct));

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, $"every sender gets the one registration, got {(int)a.Status}: {a.Body}"));
        Assert.Single(answers.Select(a => a.Body.GetProperty("id").GetGuid()).Distinct());
        Assert.Equal(1, await youth.InDatabaseAsync(db => db.People.CountAsync(p => p.FirstName == firstName, Ct)));
    }

    [Fact]
    public async Task The_recorded_answer_is_sealed_replayed_to_its_sender_and_erased_with_the_person()
    {
        var key = Guid.NewGuid().ToString();
        var firstName = $"Tamar-{Guid.NewGuid():N}"[..12];
        var body = YouthFixture.PersonBody(firstName: firstName);

        using var first = await youth.Team.SendAsync(Keyed(key, body), Ct);
        var created = await ReadJsonAsync(first, HttpStatusCode.Created);
        var personId = created.GetProperty("id").GetGuid();

        var record = await youth.InDatabaseAsync(db => db.Set<IdempotencyRecord>().AsNoTracking().SingleAsync(r => r.ResourceId == personId, Ct));
        Assert.Equal(201, record.StatusCode);
        Assert.DoesNotContain(firstName, Encoding.UTF8.GetString(record.SealedBody!), StringComparison.Ordinal);
        Assert.DoesNotContain(key, record.KeyHash, StringComparison.Ordinal);

        using var repeat = await youth.Team.SendAsync(Keyed(key, body), Ct);
        Assert.Equal("true", Assert.Single(repeat.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal(created.GetRawText(), (await ReadJsonAsync(repeat, HttpStatusCode.Created)).GetRawText());
        Assert.Equal(first.Headers.Location, repeat.Headers.Location);

        using var erased = await youth.Team.DeleteAsync($"/api/youth/people/{personId}", Ct);
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        Assert.False(await youth.InDatabaseAsync(db => db.Set<IdempotencyRecord>().AnyAsync(r => r.ResourceId == personId, Ct)));
    }

    [Fact]
    public async Task A_refused_command_records_nothing_so_the_key_can_be_used_once_the_cause_is_fixed()
    {
        var key = Guid.NewGuid().ToString();
        var cohortId = await youth.OpenCohortAsync();
        var personId = await youth.RegisterPersonAsync();
        await youth.ApplyAsync(cohortId, personId);
        var before = await youth.InDatabaseAsync(db => db.Set<IdempotencyRecord>().CountAsync(Ct));

        // The person applied already: a 409 from a rule, raised inside the command's transaction.
        using var refused = await youth.Team.SendAsync(
            new HttpRequestMessage(HttpMethod.Post, $"/api/youth/cohorts/{cohortId}/applications")
            {
                Content = JsonContent.Create(new { personId }),
                Headers = { { "Idempotency-Key", key } },
            }, Ct);

        await AssertProblemAsync(refused, HttpStatusCode.Conflict, null);
        Assert.Equal(before, await youth.InDatabaseAsync(db => db.Set<IdempotencyRecord>().CountAsync(Ct)));
    }
}
