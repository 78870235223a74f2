using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Platform.Contracts.Capacity;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Messaging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.IntegrationTests.Messaging;

/// <summary>
/// A minimal service wired exactly as the real ones are: <c>AddServiceDatabase</c> and <c>AddPlatformMessaging</c>
/// over the shared servers, with the consumers of this assembly on queues named after <see cref="ServiceName"/>.
/// </summary>
public sealed class MessagingTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private MessagingTestHost(IHost host, string serviceName, string connectionString, ConsumerProbe probe)
    {
        _host = host;
        ServiceName = serviceName;
        ConnectionString = connectionString;
        Probe = probe;
    }

    public string ServiceName { get; }

    public string ConnectionString { get; }

    public ConsumerProbe Probe { get; }

    public IServiceProvider Services => _host.Services;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    /// <summary>The queue of a consumer, as the platform's endpoint name formatter names it.</summary>
    public string QueueOf<TConsumer>() where TConsumer : class, IConsumer =>
        _host.Services.GetRequiredService<IEndpointNameFormatter>().Consumer<TConsumer>();

    /// <summary>A new database with the test schema (the test context has no migrations, so the schema is created here).</summary>
    public static async Task<string> CreateDatabaseAsync(PlatformServers servers, string prefix)
    {
        var connectionString = await servers.CreateDatabaseAsync(prefix);
        await using var db = new TestDbContext(TestDbContext.OptionsFor(connectionString));
        await db.Database.EnsureCreatedAsync();
        return connectionString;
    }

    public static Task<MessagingTestHost> StartAsync(
        PlatformServers servers, string connectionString, string serviceName, ConsumerProbe probe, IDictionary<string, string?>? settings = null) =>
        HostStartGate.RunAsync(async () =>
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                EnvironmentName = Environments.Development,
                ApplicationName = serviceName,
                ContentRootPath = AppContext.BaseDirectory,
            });
            var configuration = new Dictionary<string, string?>
            {
                ["ConnectionStrings:test-db"] = connectionString,
                ["ConnectionStrings:messaging"] = servers.RabbitMqUri,
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                configuration[key] = value;
            }

            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Services.AddSingleton(probe);
            builder.AddServiceDatabase<TestDbContext>("test-db");
            builder.AddPlatformMessaging<TestDbContext>(serviceName);
            // Start returns once the consumers' queues exist and are bound, so nothing published next is missed.
            builder.Services.Configure<MassTransitHostOptions>(options =>
            {
                options.WaitUntilStarted = true;
                options.StartTimeout = TimeSpan.FromSeconds(60);
                options.StopTimeout = TimeSpan.FromSeconds(10);
            });

            var host = builder.Build();
            await host.StartAsync();
            var testHost = new MessagingTestHost(host, serviceName, connectionString, probe);
            await Eventually.HoldsAsync(
                () => Task.FromResult(host.Services.GetRequiredService<IBusControl>().CheckHealth().Status == BusHealthStatus.Healthy),
                TimeSpan.FromSeconds(60), $"the bus of {serviceName} to be healthy");
            return testHost;
        });

    public static OrganizationRegistered NewEvent(string name = "Test organisation") =>
        new(Guid.NewGuid(), new Dictionary<string, string> { ["en"] = name }, OrganizationType.Cso, "KK-MARNEULI", 1);

    /// <summary>Commits a note and the event in one SaveChanges, as a service's command handler does.</summary>
    public async Task CommitAsync(params OrganizationRegistered[] events)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        foreach (var e in events)
        {
            db.Notes.Add(new Note { Id = e.OrganizationId, Text = e.Name["en"] });
            db.AddIntegrationEvent(e);
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async Task<long> ScalarAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = p });
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) ?? 0L);
    }

    /// <summary>How many times an effect exists for an event (written by <see cref="InboxConsumer"/> or a test's own consumer name).</summary>
    public Task<long> AppliedCountAsync(Guid eventId) =>
        ScalarAsync("SELECT count(*) FROM applied_events WHERE event_id = $1", eventId);

    /// <summary>How many times a consumer's effect exists for an event.</summary>
    public Task<long> AppliedCountAsync(Guid eventId, string consumer) =>
        ScalarAsync("SELECT count(*) FROM applied_events WHERE event_id = $1 AND consumer = $2", eventId, consumer);

    public async Task<OutboxRow?> OutboxRowAsync(Guid eventId)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT sent_at, attempts, last_error FROM outbox_messages WHERE id = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = eventId });
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        if (!await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            return null;
        }

        return new OutboxRow(
            reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0),
            reader.GetInt32(1),
            reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    /// <summary>How many messages wait in a queue, asked of the broker itself; 0 if the queue was never created.</summary>
    public async Task<uint> MessagesInQueueAsync(PlatformServers servers, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(servers.RabbitMqUri) };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue, TestContext.Current.CancellationToken);
            return declared.MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0; // MassTransit creates an _error queue only when it first moves a message there
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

public sealed record OutboxRow(DateTimeOffset? SentAt, int Attempts, string? LastError);
