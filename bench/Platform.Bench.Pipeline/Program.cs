using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Bench.Pipeline;
using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Messaging;

// The producer of the event pipeline benchmark (bench/bench.sh; the consumer is Platform.Bench.Pipeline.Consumer):
//
//   Platform.Bench.Pipeline <outbox|raw> <consumer url> <events per second> <seconds> <warm-up seconds> <burst events>
//
//   outbox  each OrganizationRegistered is committed with a row of its own through the platform's outbox
//           (AddServiceDatabase + AddPlatformMessaging, as a service), one transaction per event; the
//           dispatcher publishes it. Latency runs from the commit's return to the consumer's inbox commit.
//   raw     the baseline: MassTransit publishes the same message (publisher confirms on, as the dispatcher's);
//           latency runs from the Publish call to the consumer's handler.
// Phase 1 sends <burst events> twice, as fast as 64 senders can: the first burst brings both processes to their
// steady state (the JIT compiles hot paths fully only after many calls; a cold process measured its compiler);
// over the second, the throughput is the events the consumer took from the first send to the last arrival.
// Phase 2 sends at a fixed rate (open loop), for the latency, after <warm-up seconds> at that rate.
// Prints: p50_ms p99_ms max_ms sent received lost duplicates achieved_rps burst_events burst_seconds burst_rps
// Configuration: ConnectionStrings:messaging, ConnectionStrings:bench-db (outbox only).
if (args is not [var mode and ("outbox" or "raw"), var consumerUrl, var rateText, var secondsText, var warmupText, var burstText])
{
    Console.Error.WriteLine("usage: Platform.Bench.Pipeline <outbox|raw> <consumer url> <rps> <seconds> <warm-up seconds> <burst events>");
    return 2;
}

var rate = int.Parse(rateText, CultureInfo.InvariantCulture);
var seconds = double.Parse(secondsText, CultureInfo.InvariantCulture);
var warmup = double.Parse(warmupText, CultureInfo.InvariantCulture);
var burst = int.Parse(burstText, CultureInfo.InvariantCulture);

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
var messaging = builder.Configuration.GetConnectionString(MessagingExtensions.ConnectionName)
    ?? throw new InvalidOperationException("ConnectionStrings:messaging is not set.");
if (mode == "outbox")
{
    var connectionString = builder.Configuration.GetConnectionString("bench-db")
        ?? throw new InvalidOperationException("ConnectionStrings:bench-db is not set.");
    await using (var schema = new ProducerDb(ProducerDb.OptionsFor(connectionString)))
    {
        await schema.Database.EnsureCreatedAsync();
    }

    builder.AddServiceDefaults();
    builder.AddServiceDatabase<ProducerDb>("bench-db");
    builder.AddPlatformMessaging<ProducerDb>("bench-producer");
}
else
{
    builder.Services.AddMassTransit(bus => bus.UsingRabbitMq((_, rabbit) =>
        rabbit.Host(new Uri(messaging), host => host.PublisherConfirmation = true)));
}

builder.Services.Configure<MassTransitHostOptions>(options => options.WaitUntilStarted = true);
using var host = builder.Build();
await host.StartAsync();

// One send: commit (outbox) or publish (raw); returns the instant the event counts as handed over (UTC ticks).
async Task<long> SendAsync(OrganizationRegistered message)
{
    if (mode == "outbox")
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProducerDb>();
        db.Registrations.Add(new Registration { Id = message.OrganizationId, Name = message.Name["en"] });
        db.AddIntegrationEvent(message);
        await db.SaveChangesAsync();
        return DateTime.UtcNow.Ticks;
    }

    var start = DateTime.UtcNow.Ticks;
    await host.Services.GetRequiredService<IBus>().Publish(message);
    return start;
}

static OrganizationRegistered NewEvent(long n) =>
    new(Guid.CreateVersion7(), new Dictionary<string, string> { ["en"] = $"Bench organisation {n}", ["ka"] = $"ორგანიზაცია {n}" }, OrganizationType.Cso, "KK-MARNEULI", 1);

using var consumer = new HttpClient { BaseAddress = new Uri(consumerUrl), Timeout = TimeSpan.FromSeconds(30) };

// --- phase 1: bursts ----------------------------------------------------------------------------------------
// The first burst is the warm-up and only counts for lost and duplicated events; the second is measured.
var (_, warmupArrivals, warmupLost, warmupDuplicates) = await BurstAsync(0);
var (burstTook, burstArrivals, burstLost, burstDuplicates) = await BurstAsync(burst);

// --- phase 2: a fixed rate --------------------------------------------------------------------------------
(await consumer.DeleteAsync("/received")).EnsureSuccessStatusCode();
var warmupCount = (long)(rate * warmup);
var total = warmupCount + (long)(rate * seconds);
var handedOver = new ConcurrentDictionary<Guid, long>();
var measured = new ConcurrentDictionary<Guid, bool>();
long sendErrors = 0;
var sends = new List<Task>();
using (var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1)))
{
    var begin = Stopwatch.GetTimestamp();
    for (long sent = 0; sent < total;)
    {
        var due = Math.Min(total, (long)(Stopwatch.GetElapsedTime(begin).TotalSeconds * rate) + 1);
        for (; sent < due; sent++)
        {
            var n = sent;
            sends.Add(Task.Run(async () =>
            {
                var message = NewEvent(2 * burst + n);
                try
                {
                    handedOver[message.EventId] = await SendAsync(message);
                    if (n >= warmupCount)
                    {
                        measured[message.EventId] = true;
                    }
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref sendErrors);
                    Console.Error.WriteLine($"send failed: {e.GetType().Name}: {e.Message}");
                }
            }));
        }

        await tick.WaitForNextTickAsync();
    }
}

await Task.WhenAll(sends);
var arrivals = await ArrivalsAsync(handedOver.Keys.ToHashSet(), TimeSpan.FromSeconds(60));
var latencies = measured.Keys
    .Where(arrivals.ContainsKey)
    .Select(id => arrivals[id].First - handedOver[id])
    .Order()
    .ToArray();
var lost = handedOver.Keys.Count(id => !arrivals.ContainsKey(id)) + warmupLost + burstLost;
var duplicates = arrivals.Values.Sum(a => a.Count - 1) + warmupDuplicates + burstDuplicates;
var measuredWindow = measured.Keys.Where(arrivals.ContainsKey).Select(id => arrivals[id].First).DefaultIfEmpty().ToArray();
var achieved = latencies.Length / Math.Max(1e-9, TimeSpan.FromTicks(measuredWindow.Max() - measured.Keys.Min(id => handedOver[id])).TotalSeconds);

await host.StopAsync();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{Ms(Percentile(latencies, 0.5)):F3} {Ms(Percentile(latencies, 0.99)):F3} {Ms(Percentile(latencies, 1)):F3} {total + 2 * burst} {arrivals.Count + burstArrivals.Count + warmupArrivals.Count} {lost + sendErrors} {duplicates} {achieved:F0} {burst} {burstTook:F3} {burstArrivals.Count / burstTook:F0}"));
return lost + sendErrors + duplicates == 0 ? 0 : 1;

// Sends <burst> events as fast as 64 senders can and waits for them: (seconds from the first send to the last arrival,
// arrivals, lost, duplicated).
async Task<(double Seconds, Dictionary<Guid, (long First, int Count)> Arrivals, int Lost, int Duplicates)> BurstAsync(int offset)
{
    (await consumer.DeleteAsync("/received")).EnsureSuccessStatusCode();
    var events = Enumerable.Range(offset, burst).Select(i => NewEvent(i)).ToArray();
    var next = -1;
    var start = DateTime.UtcNow.Ticks;
    await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => Task.Run(async () =>
    {
        for (var i = Interlocked.Increment(ref next); i < burst; i = Interlocked.Increment(ref next))
        {
            await SendAsync(events[i]);
        }
    })));
    var arrivals = await ArrivalsAsync(events.Select(e => e.EventId).ToHashSet(), TimeSpan.FromSeconds(120));
    var seconds = arrivals.Count == 0 ? double.NaN : TimeSpan.FromTicks(arrivals.Values.Max(a => a.First) - start).TotalSeconds;
    return (seconds, arrivals, events.Count(e => !arrivals.ContainsKey(e.EventId)), arrivals.Values.Sum(a => a.Count - 1));
}

// Polls the consumer until it has taken every expected event or the deadline passes: id -> (first arrival ticks,
// deliveries) of the expected events (anything else the consumer took is not this run's).
async Task<Dictionary<Guid, (long First, int Count)>> ArrivalsAsync(HashSet<Guid> expected, TimeSpan deadline)
{
    var waited = Stopwatch.StartNew();
    while (true)
    {
        var text = await consumer.GetStringAsync("/received");
        var arrivals = new Dictionary<Guid, (long First, int Count)>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split(' ');
            var id = Guid.Parse(parts[0]);
            if (!expected.Contains(id))
            {
                continue;
            }

            var at = long.Parse(parts[1], CultureInfo.InvariantCulture);
            arrivals[id] = arrivals.TryGetValue(id, out var seen) ? (Math.Min(seen.First, at), seen.Count + 1) : (at, 1);
        }

        if (arrivals.Count >= expected.Count || waited.Elapsed > deadline)
        {
            return arrivals;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(200));
    }
}

static long Percentile(long[] sorted, double p) =>
    sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

static double Ms(long ticks) => TimeSpan.FromTicks(ticks).TotalMilliseconds;

namespace Platform.Bench.Pipeline
{
    /// <summary>The producing service's database: its own rows and the outbox.</summary>
    public sealed class ProducerDb(DbContextOptions<ProducerDb> options) : DbContext(options), IOutboxDbContext
    {
        public DbSet<Registration> Registrations => Set<Registration>();

        public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

        public DbSet<InboxMessage> InboxMessages => Set<InboxMessage>();

        public static DbContextOptions<ProducerDb> OptionsFor(string connectionString) =>
            new DbContextOptionsBuilder<ProducerDb>().UseNpgsql(connectionString).UseSnakeCaseNamingConvention().Options;

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Registration>(r =>
            {
                r.ToTable("registrations");
                r.HasKey(x => x.Id);
                r.Property(x => x.Id).ValueGeneratedNever();
            });
            modelBuilder.AddOutboxAndInbox();
        }
    }

    public sealed class Registration
    {
        public Guid Id { get; set; }

        public string Name { get; set; } = "";
    }
}
