using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Wakes the dispatchers of every instance of a service when events are committed, not only the instance that
/// committed them: a statement trigger on the outbox notifies (PostgreSQL delivers a NOTIFY only on commit, once
/// per transaction), and each instance LISTENs on a connection of its own. Without it (a lost connection, a
/// database without the trigger) the one-second poll still finds every event.
/// </summary>
public static class OutboxWakeUp
{
    public const string Channel = "outbox_messages";

    /// <summary>Idempotent DDL, run after the migrations: it lives beside the outbox table every service has.</summary>
    internal const string EnsureTriggerSql = """
        CREATE OR REPLACE FUNCTION platform_outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('outbox_messages', '');
            RETURN NULL;
        END $$;
        CREATE OR REPLACE TRIGGER outbox_messages_notify AFTER INSERT ON outbox_messages
            FOR EACH STATEMENT EXECUTE FUNCTION platform_outbox_notify();
        """;
}

/// <summary>Listens for <see cref="OutboxWakeUp.Channel"/> and wakes this instance's dispatcher; reconnects after a failure.</summary>
internal sealed partial class OutboxListener<TDbContext>(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxListener<TDbContext>> logger)
    : BackgroundService
    where TDbContext : DbContext
{
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<TDbContext>().Database.GetConnectionString()!;
        }

        // Its own small pool: the listening connection is held for good and must not count against the service's.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var untraced = MessagingDiagnostics.Untraced();
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => signal.NotifyFromDatabase(e.PID);
                await using (var listen = new NpgsqlCommand($"LISTEN {OutboxWakeUp.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                failures = 0;
                signal.Notify(); // events committed while nobody listened
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                if (failures++ == 0)
                {
                    LogListenFailed(ex);
                }

                try
                {
                    await Task.Delay(ReconnectAfter, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for outbox commits failed; the poll finds events meanwhile, reconnecting")]
    private partial void LogListenFailed(Exception exception);
}
