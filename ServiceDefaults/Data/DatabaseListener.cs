using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Platform.ServiceDefaults.Messaging;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// LISTENs on one channel of a service's database, on a connection of its own, and reconnects after a failure. A
/// trigger's <c>pg_notify</c> reaches every instance of the service, and only once the transaction commits, so an
/// instance learns of another's writes without polling for them. Subclasses say what a notification means and what
/// to do after (re)connecting: whatever was notified while nobody listened is caught up there.
/// </summary>
public abstract partial class DatabaseListener<TDbContext>(IServiceScopeFactory scopes, TimeProvider clock, ILogger logger) : BackgroundService
    where TDbContext : DbContext
{
    private static readonly TimeSpan ReconnectAfter = TimeSpan.FromSeconds(1);

    /// <summary>The channel, a plain identifier.</summary>
    protected abstract string Channel { get; }

    /// <summary>A notification, with the process id of the database backend whose transaction sent it.</summary>
    protected abstract void OnNotification(int backend);

    /// <summary>Listening (again): what was committed while nobody listened is to be looked for now.</summary>
    protected abstract void OnListening();

    /// <summary>The connection failed: until <see cref="OnListening"/> again, nothing is notified.</summary>
    protected virtual void OnLost()
    {
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        string connectionString;
        await using (var scope = scopes.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<TDbContext>().Database.GetConnectionString()!;
        }

        // Unpooled: the listening connection is held for good and must not count against the service's pool.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 };
        var failures = 0;
        var listening = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            using var untraced = MessagingDiagnostics.Untraced();
            try
            {
                await using var connection = new NpgsqlConnection(builder.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => OnNotification(e.PID);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                failures = 0;
                listening = true;
                OnListening();
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
                if (listening)
                {
                    listening = false;
                    OnLost();
                }

                if (failures++ == 0)
                {
                    LogListenFailed(logger, ex, Channel);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening on the database channel {Channel} failed; polling meanwhile, reconnecting")]
    private static partial void LogListenFailed(ILogger logger, Exception exception, string channel);
}
