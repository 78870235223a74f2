using Platform.IntegrationTests.Infrastructure;

namespace Platform.IntegrationTests.Messaging;

/// <summary>
/// Inbox rows guard against a message delivered twice; past the broker's redelivery horizon
/// (<c>Messaging:Outbox:InboxRetention</c>, 7 days) no copy can arrive any more, and the row is deleted, so the table
/// does not grow for the life of the service.
/// </summary>
public sealed class InboxPruningTests(PlatformServers servers)
{
    [Fact]
    public async Task Inbox_rows_past_the_redelivery_horizon_are_deleted_and_recent_ones_kept()
    {
        var ct = TestContext.Current.CancellationToken;
        var connectionString = await MessagingTestHost.CreateDatabaseAsync(servers, "inbox_pruning");
        var old = Guid.NewGuid();
        var recent = Guid.NewGuid();
        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(ct);
            await using var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO inbox_messages (message_id, consumer, processed_at)
                VALUES ($1, 'pruning-test', now() - interval '8 days'), ($2, 'pruning-test', now() - interval '6 days')
                """, connection);
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = old });
            insert.Parameters.Add(new Npgsql.NpgsqlParameter { Value = recent });
            await insert.ExecuteNonQueryAsync(ct);
        }

        // The dispatcher's housekeeping prunes on its first round after start, then hourly.
        await using var host = await MessagingTestHost.StartAsync(servers, connectionString, $"it-{Guid.NewGuid():N}"[..15], new ConsumerProbe());

        await Eventually.HoldsAsync(
            async () => await host.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", old) == 0,
            TimeSpan.FromSeconds(60), "the inbox row past the horizon to be deleted");
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM inbox_messages WHERE message_id = $1", recent));
    }
}
