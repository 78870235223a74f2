using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.ServiceDefaults.Data;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// Wakes the dispatchers of every instance of a service when events are committed, not only the instance that
/// committed them: a statement trigger on the outbox notifies (PostgreSQL delivers a NOTIFY only on commit, once
/// per transaction), and each instance LISTENs on a connection of its own. Without it (a lost connection, a
/// database without the trigger) the dispatcher's poll still finds every event.
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

/// <summary>Listens for <see cref="OutboxWakeUp.Channel"/> and wakes this instance's dispatcher.</summary>
internal sealed class OutboxListener<TDbContext>(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxListener<TDbContext>> logger)
    : DatabaseListener<TDbContext>(scopes, clock, logger)
    where TDbContext : DbContext
{
    protected override string Channel => OutboxWakeUp.Channel;

    protected override void OnNotification(int backend) => signal.NotifyFromDatabase(backend);

    protected override void OnListening() => signal.Notify(); // events committed while nobody listened
}
