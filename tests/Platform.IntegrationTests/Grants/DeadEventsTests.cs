using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Grants;

/// <summary>
/// An event that fails for its own reason (its type no longer exists) is tried a few times, then left dead instead
/// of being retried forever; the programme admin lists it and, once it is repaired, re-drives it.
/// </summary>
[Collection(GrantsCollection.Name)]
public sealed class DeadEventsTests(GrantsFixture grants)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_unreadable_event_dies_after_its_attempts_is_listed_and_once_repaired_is_redriven()
    {
        // A real event to repair the broken one with later.
        var callId = await grants.OpenCallAsync(CallBody());
        var model = (await grants.StoredAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.EndsWith(".CallOpened")).ToListAsync(Ct)))
            .First(m => m.Payload.Contains(callId.ToString(), StringComparison.OrdinalIgnoreCase));
        var id = Guid.NewGuid();
        await ExecuteAsync(
            "INSERT INTO outbox_messages (id, message_type, payload, occurred_at, created_at, attempts, next_attempt_at) VALUES ($1, 'Platform.Contracts.Grants.RetiredEvent', '{}', now(), now(), 0, now())",
            id);

        var dead = await Eventually.ReturnsAsync(
            () => grants.StoredAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, Ct)),
            m => m.Attempts >= 5, TimeSpan.FromSeconds(90), "the broken event to use up its attempts");
        Assert.Null(dead.SentAt);
        Assert.NotNull(dead.LastError);

        using var admin = grants.App.ClientFor(PlatformRoles.ProgrammeAdmin);
        var listed = await ReadJsonAsync(await admin.GetAsync("/operations/outbox/dead", Ct), HttpStatusCode.OK);
        Assert.Contains(listed.EnumerateArray(), e => e.GetProperty("id").GetGuid() == id && e.GetProperty("lastError").GetString()!.Length > 0);
        using var team = await grants.Team.GetAsync("/operations/outbox/dead", Ct);
        Assert.Equal(HttpStatusCode.Forbidden, team.StatusCode);
        // Dead means dead: it is not tried again by itself.
        Assert.Equal(dead.Attempts, (await grants.StoredAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, Ct))).Attempts);

        await ExecuteAsync($"UPDATE outbox_messages SET message_type = $2, payload = (SELECT payload FROM outbox_messages WHERE id = $3) WHERE id = $1", id, model.MessageType, model.Id);
        var redriven = await ReadJsonAsync(await admin.PostAsync($"/operations/outbox/dead/redrive?id={id}", null, Ct), HttpStatusCode.OK);

        Assert.Equal(1, redriven.GetProperty("count").GetInt32());
        await Eventually.HoldsAsync(
            async () => (await grants.StoredAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id, Ct))).SentAt is not null,
            TimeSpan.FromSeconds(30), "the repaired event to be published after the re-drive");
    }

    private async Task ExecuteAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(grants.App.DatabaseConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        await command.ExecuteNonQueryAsync(Ct);
    }
}
