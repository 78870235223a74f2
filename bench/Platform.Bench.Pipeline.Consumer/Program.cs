using System.Collections.Concurrent;
using System.Text;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Bench.Pipeline.Consumer;
using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Messaging;

// The consumer of the event pipeline benchmark, a second process with its own database:
//
//   Platform.Bench.Pipeline.Consumer <inbox|raw>
//
//   inbox  OrganizationRegistered is applied once through the platform's inbox (AddServiceDatabase +
//          AddPlatformMessaging, as a service): a replica row and the inbox row in one transaction.
//   raw    the baseline: a bare MassTransit handler on the same broker, same prefetch, nothing else.
// GET /received lists "event-id utc-ticks" per delivery taken (after the inbox commit); DELETE /received clears it.
// Configuration: ConnectionStrings:messaging, ConnectionStrings:bench-db (inbox only), Messaging:PrefetchCount (32).
if (args is not [var mode and ("inbox" or "raw")])
{
    Console.Error.WriteLine("usage: Platform.Bench.Pipeline.Consumer <inbox|raw>");
    return 2;
}

var builder = WebApplication.CreateBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.AddSingleton<Deliveries>();
var prefetch = builder.Configuration.GetValue("Messaging:PrefetchCount", 32);
if (mode == "inbox")
{
    var connectionString = builder.Configuration.GetConnectionString("bench-db")
        ?? throw new InvalidOperationException("ConnectionStrings:bench-db is not set.");
    await using (var schema = new ConsumerDb(ConsumerDb.OptionsFor(connectionString)))
    {
        await schema.Database.EnsureCreatedAsync();
    }

    builder.AddServiceDefaults();
    builder.AddServiceDatabase<ConsumerDb>("bench-db");
    builder.Configuration["Messaging:PrefetchCount"] = prefetch.ToString(System.Globalization.CultureInfo.InvariantCulture);
    builder.AddPlatformMessaging<ConsumerDb>("bench-consumer");
}
else
{
    var messaging = builder.Configuration.GetConnectionString(MessagingExtensions.ConnectionName)
        ?? throw new InvalidOperationException("ConnectionStrings:messaging is not set.");
    builder.Services.AddMassTransit(bus => bus.UsingRabbitMq((context, rabbit) =>
    {
        rabbit.Host(new Uri(messaging));
        // Gone with the process, so that it collects nothing of the outbox run that follows.
        rabbit.ReceiveEndpoint("bench-raw", endpoint =>
        {
            endpoint.Durable = false;
            endpoint.AutoDelete = true;
            endpoint.PrefetchCount = prefetch;
            var deliveries = context.GetRequiredService<Deliveries>();
            endpoint.Handler<OrganizationRegistered>(message =>
            {
                deliveries.Add(message.Message.EventId);
                return Task.CompletedTask;
            });
        });
    }));
}

// The web server listens only after the bus has started and bound its queue: nothing published after is missed.
builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);

var app = builder.Build();
app.MapGet("/received", (Deliveries deliveries) => Results.Text(deliveries.Describe()));
app.MapDelete("/received", (Deliveries deliveries) =>
{
    deliveries.Clear();
    return Results.NoContent();
});
app.Run();
return 0;

namespace Platform.Bench.Pipeline.Consumer
{
    /// <summary>Every delivery taken, with the instant it was taken (UTC ticks).</summary>
    public sealed class Deliveries
    {
        private ConcurrentQueue<(Guid EventId, long At)> _taken = new();

        public void Add(Guid eventId) => _taken.Enqueue((eventId, DateTime.UtcNow.Ticks));

        public void Clear() => _taken = new();

        public string Describe()
        {
            var text = new StringBuilder();
            foreach (var (eventId, at) in _taken)
            {
                text.Append(eventId).Append(' ').Append(at).Append('\n');
            }

            return text.ToString();
        }
    }

    /// <summary>Applies each OrganizationRegistered once, as a service's projection consumer does.</summary>
    public sealed class OrganizationRegisteredConsumer(Inbox<ConsumerDb> inbox, Deliveries deliveries) : IConsumer<OrganizationRegistered>
    {
        public async Task Consume(ConsumeContext<OrganizationRegistered> context)
        {
            var message = context.Message;
            var applied = await inbox.ApplyOnceAsync(message, "bench-organization-replica", (db, _) =>
            {
                db.Replicas.Add(new Replica { Id = message.OrganizationId, Name = message.Name["en"], Version = message.Version });
                return Task.CompletedTask;
            }, context.CancellationToken);
            if (applied)
            {
                deliveries.Add(message.EventId);
            }
        }
    }

    /// <summary>The consuming service's database: its replica of organisations and the inbox.</summary>
    public sealed class ConsumerDb(DbContextOptions<ConsumerDb> options) : DbContext(options), IOutboxDbContext
    {
        public DbSet<Replica> Replicas => Set<Replica>();

        public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

        public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

        public static DbContextOptions<ConsumerDb> OptionsFor(string connectionString) =>
            new DbContextOptionsBuilder<ConsumerDb>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options;

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Replica>(r =>
            {
                r.ToTable("organization_replicas");
                r.HasKey(x => x.Id);
                r.Property(x => x.Id).ValueGeneratedNever();
            });
            modelBuilder.AddOutboxAndInbox();
        }
    }

    public sealed class Replica
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = "";

        public int Version { get; set; }
    }
}
