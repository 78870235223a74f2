using Microsoft.EntityFrameworkCore;
using Platform.Contracts;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>A service's DbContext that carries the outbox and inbox tables beside its own.</summary>
public interface IOutboxDbContext
{
    DbSet<OutboxMessage> OutboxMessages { get; }

    DbSet<InboxMessage> InboxMessages { get; }
}

public static class OutboxDbContextExtensions
{
    /// <summary>
    /// Queues an event to be published once the current <c>SaveChanges</c> (or transaction) commits; if it
    /// rolls back, the event is never sent.
    /// </summary>
    public static void AddIntegrationEvent(this IOutboxDbContext db, IIntegrationEvent integrationEvent, TimeProvider? clock = null) =>
        db.OutboxMessages.Add(OutboxMessage.For(integrationEvent, (clock ?? TimeProvider.System).GetUtcNow()));

    /// <summary>Maps the outbox and inbox tables; call it from the service's <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(outbox =>
        {
            outbox.ToTable(OutboxTable.Name);
            outbox.HasKey(m => m.Id);
            outbox.Property(m => m.Id).HasColumnName("id").ValueGeneratedNever();
            outbox.Property(m => m.MessageType).HasColumnName("message_type").HasMaxLength(300);
            outbox.Property(m => m.Payload).HasColumnName("payload").HasColumnType("jsonb");
            outbox.Property(m => m.OccurredAt).HasColumnName("occurred_at");
            outbox.Property(m => m.CreatedAt).HasColumnName("created_at");
            outbox.Property(m => m.TraceParent).HasColumnName("trace_parent").HasMaxLength(128);
            outbox.Property(m => m.TraceState).HasColumnName("trace_state").HasMaxLength(512);
            outbox.Property(m => m.SentAt).HasColumnName("sent_at");
            outbox.Property(m => m.Attempts).HasColumnName("attempts");
            outbox.Property(m => m.NextAttemptAt).HasColumnName("next_attempt_at");
            outbox.Property(m => m.LastError).HasColumnName("last_error").HasMaxLength(2000);
            // The dispatcher only ever looks at what is still to be sent: keep that index small.
            outbox.HasIndex(m => new { m.NextAttemptAt, m.CreatedAt })
                .HasDatabaseName("ix_outbox_messages_pending")
                .HasFilter("sent_at IS NULL");
            outbox.HasIndex(m => m.SentAt).HasDatabaseName("ix_outbox_messages_sent_at");
        });

        modelBuilder.Entity<InboxMessage>(inbox =>
        {
            inbox.ToTable(InboxTable.Name);
            inbox.HasKey(m => new { m.MessageId, m.Consumer });
            inbox.Property(m => m.MessageId).HasColumnName("message_id");
            inbox.Property(m => m.Consumer).HasColumnName("consumer").HasMaxLength(200);
            inbox.Property(m => m.ProcessedAt).HasColumnName("processed_at");
        });
        return modelBuilder;
    }
}

internal static class OutboxTable
{
    public const string Name = "outbox_messages";
}

internal static class InboxTable
{
    public const string Name = "inbox_messages";
}
