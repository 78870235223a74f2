using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Messaging;

namespace Platform.IntegrationTests.Messaging;

/// <summary>A service's database in miniature: its own data (notes), what its consumer applied, and the outbox and inbox.</summary>
public sealed class TestDbContext(DbContextOptions<TestDbContext> options) : DbContext(options), IOutboxDbContext
{
    public DbSet<Note> Notes => Set<Note>();

    public DbSet<AppliedEvent> AppliedEvents => Set<AppliedEvent>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

    /// <summary>The options the platform gives the service (snake_case names), for creating the schema before the host starts.</summary>
    public static DbContextOptions<TestDbContext> OptionsFor(string connectionString) =>
        new DbContextOptionsBuilder<TestDbContext>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(note =>
        {
            note.ToTable("notes");
            note.HasKey(n => n.Id);
            note.Property(n => n.Id).ValueGeneratedNever();
        });
        // No unique key on (event_id, consumer) on purpose: only the inbox may keep a second application out.
        modelBuilder.Entity<AppliedEvent>(applied =>
        {
            applied.ToTable("applied_events");
            applied.HasKey(a => a.Id);
            applied.HasIndex(a => a.EventId);
        });
        modelBuilder.AddOutboxAndInbox();
    }
}

public sealed class Note
{
    public Guid Id { get; set; }

    public string Text { get; set; } = "";
}

public sealed class AppliedEvent
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    public string Consumer { get; set; } = "";

    public Guid OrganizationId { get; set; }
}
