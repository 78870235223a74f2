using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.Capacity.Data;
using Platform.Capacity.Organizations;
using Platform.Contracts.Capacity;
using Platform.Contracts.ReferenceData;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Security;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.IntegrationTests.Faults;

/// <summary>
/// Capacity (the registry, which commits <c>OrganizationRegistered</c> to its outbox and dispatches it) and two
/// services that project organisations from its events, Media and Partnerships, each a separate OS process on its
/// own new database, against the run's PostgreSQL, RabbitMQ and Redis, trusting the run's token server.
/// </summary>
public sealed class FaultTestBed : IAsyncDisposable
{
    public const string ReplicaConsumer = "organization-replica";
    private readonly PlatformServers _servers;
    private readonly IdentityRelay _relay;

    private FaultTestBed(PlatformServers servers, IdentityRelay relay, ServiceProcess capacity, string capacityDb, IReadOnlyList<(ServiceProcess Process, string Database)> consumers)
    {
        _servers = servers;
        _relay = relay;
        Capacity = capacity;
        CapacityDatabase = capacityDb;
        Consumers = consumers;
    }

    public ServiceProcess Capacity { get; }

    public string CapacityDatabase { get; }

    public IReadOnlyList<(ServiceProcess Process, string Database)> Consumers { get; }

    public IEnumerable<ServiceProcess> Processes => Consumers.Select(c => c.Process).Prepend(Capacity);

    /// <summary>One registration through Capacity's API, as its team, waiting up to <paramref name="timeout"/> for the answer.</summary>
    public async Task<(int Status, string? RetryAfter, string Body)> RegisterOnceAsync(TimeSpan timeout)
    {
        var token = await (await _servers.IdentityAsync()).Tokens.AccessTokenAsync(PlatformRoles.CapacityTeam);
        using var http = new HttpClient { BaseAddress = Capacity.BaseAddress, Timeout = timeout };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/capacity/organizations")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { name = new { en = $"Dmanisi outage probe {Guid.NewGuid():N}" }, type = "Cso", municipality = "KK-DMANISI" }),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, response.Headers.RetryAfter?.ToString(), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Whether a service's readiness check (<c>/health</c>: database, broker, cache) answers 200.</summary>
    public async Task<bool> IsHealthyAsync(ServiceProcess service)
    {
        using var http = new HttpClient { BaseAddress = service.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            using var response = await http.GetAsync("/health", TestContext.Current.CancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Asks each consumer's operator endpoint, as the programme admin, what waits in its <c>_error</c> queues: the
    /// organisation replica's queue is listed, with nothing in it. A team's token is refused there.
    /// </summary>
    public async Task AssertErrorQueuesEmptyThroughOperationsAsync()
    {
        var tokens = (await _servers.IdentityAsync()).Tokens;
        foreach (var (process, _) in Consumers)
        {
            using var http = new HttpClient { BaseAddress = process.BaseAddress };
            using var admin = new HttpRequestMessage(HttpMethod.Get, ErrorQueueOperations.Path);
            admin.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await tokens.AccessTokenAsync(PlatformRoles.ProgrammeAdmin));
            using var listed = await http.SendAsync(admin, TestContext.Current.CancellationToken);
            var body = await listed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(listed.IsSuccessStatusCode, $"{process.Name}: {(int)listed.StatusCode} {body}");
            using var json = System.Text.Json.JsonDocument.Parse(body);
            var queues = json.RootElement.EnumerateArray().ToDictionary(q => q.GetProperty("queue").GetString()!, q => q.GetProperty("messages").GetInt64());
            Assert.Equal(0, Assert.Contains($"{process.Name.ToLowerInvariant()}-{ReplicaConsumer}", queues));
            Assert.All(queues, q => Assert.Equal(0, q.Value));

            using var team = new HttpRequestMessage(HttpMethod.Post, ErrorQueueOperations.Path + "/redrive");
            team.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", await tokens.AccessTokenAsync(PlatformRoles.CapacityTeam));
            using var refused = await http.SendAsync(team, TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
        }
    }

    /// <param name="dispatchLoops">Capacity's <c>Messaging:Outbox:Workers</c>: how many batches its dispatcher sends at once.</param>
    public static async Task<FaultTestBed> StartAsync(PlatformServers servers, int dispatchLoops = 1)
    {
        var identity = await servers.IdentityAsync();
        var relay = await IdentityRelay.StartAsync(identity);
        var started = new List<ServiceProcess>();
        try
        {
            var capacityDb = await servers.CreateDatabaseAsync("faults_capacity");
            var capacitySettings = Settings(servers, relay, "capacity-db", capacityDb);
            capacitySettings["Messaging:Outbox:Workers"] = dispatchLoops.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var capacity = ServiceProcess.For("Capacity", capacitySettings);
            var consumers = new List<(ServiceProcess, string)>();
            foreach (var service in new[] { "Media", "Partnerships" })
            {
                var db = await servers.CreateDatabaseAsync($"faults_{service.ToLowerInvariant()}");
                consumers.Add((ServiceProcess.For(service, Settings(servers, relay, $"{service.ToLowerInvariant()}-db", db)), db));
            }

            started.Add(capacity);
            started.AddRange(consumers.Select(c => c.Item1));
            await Task.WhenAll(started.Select(p => p.StartAsync()));
            return new FaultTestBed(servers, relay, capacity, capacityDb, consumers);
        }
        catch
        {
            foreach (var process in started)
            {
                await process.DisposeAsync();
            }

            await relay.DisposeAsync();
            throw;
        }
    }

    /// <summary>Configuration as the AppHost gives it (quorum queues), with a short outbox poll so that a restarted dispatcher resumes promptly.</summary>
    private static Dictionary<string, string> Settings(PlatformServers servers, IdentityRelay relay, string databaseName, string database) => new()
    {
        [$"ConnectionStrings:{databaseName}"] = database,
        ["ConnectionStrings:messaging"] = servers.RabbitMqUri,
        ["ConnectionStrings:cache"] = servers.RedisConnectionString,
        ["Identity:Issuer"] = PlatformIdentity.Issuer,
        ["Identity:MetadataAddress"] = relay.MetadataAddress.AbsoluteUri,
        // As on a cluster (the container and external modes' default): the restart must not lose a quorum queue's messages.
        ["Messaging:QuorumQueues"] = "true",
    };

    /// <summary>A load of registrations through Capacity's API as its team, with a token fetched once.</summary>
    public async Task<RegistrationLoad> RegistrationsAsync(int count, int concurrency)
    {
        var token = await (await _servers.IdentityAsync()).Tokens.AccessTokenAsync(PlatformRoles.CapacityTeam);
        return new RegistrationLoad(Capacity.BaseAddress, () => Task.FromResult(token), count, concurrency);
    }

    /// <summary>
    /// Registers organisations the way Capacity's command handler does (<c>Organization.Register</c>, the event added to
    /// the outbox, one SaveChanges per batch), straight on its database: a backlog of thousands of events in seconds,
    /// which the running Capacity process's dispatcher finds on its next poll.
    /// </summary>
    public async Task<int> CommitRegistrationsAsync(int count, int batchSize)
    {
        var options = new DbContextOptionsBuilder<CapacityDbContext>().UseNpgsql(CapacityDatabase).UseSnakeCaseNamingConvention().Options;
        for (var committed = 0; committed < count; committed += batchSize)
        {
            await using var db = new CapacityDbContext(options);
            for (var i = committed; i < Math.Min(count, committed + batchSize); i++)
            {
                var name = $"Committed organisation {i:D5} {Guid.NewGuid():N}";
                var details = OrganizationDetails.Create(
                    new Dictionary<string, string?> { ["en"] = name }, OrganizationType.Cso, Municipality.All[i % Municipality.All.Count],
                    null, null, null, null, null, null, new ValidationErrors())!;
                var (organization, registered) = Organization.Register(details, DateTimeOffset.UtcNow);
                db.Organizations.Add(organization);
                db.AddIntegrationEvent(registered);
            }

            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        return count;
    }

    /// <summary>The ids of every event Capacity committed to its outbox, and of those not yet marked sent.</summary>
    public async Task<(HashSet<Guid> All, HashSet<Guid> Unsent)> OutboxAsync()
    {
        var all = new HashSet<Guid>();
        var unsent = new HashSet<Guid>();
        await using var connection = new NpgsqlConnection(CapacityDatabase);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, sent_at IS NULL FROM outbox_messages", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            all.Add(reader.GetGuid(0));
            if (reader.GetBoolean(1))
            {
                unsent.Add(reader.GetGuid(0));
            }
        }

        return (all, unsent);
    }

    /// <summary>The message ids a consumer's inbox holds for the organisation projection (one row per applied message).</summary>
    public static async Task<List<Guid>> InboxAsync(string database)
    {
        var ids = new List<Guid>();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT message_id FROM inbox_messages WHERE consumer = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = ReplicaConsumer });
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    /// <summary>Organisations as a database holds them: id → (English name, municipality, version).</summary>
    public static async Task<Dictionary<Guid, (string Name, string Municipality, int Version)>> OrganizationsAsync(string database)
    {
        var organizations = new Dictionary<Guid, (string, string, int)>();
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, name ->> 'en', municipality, version FROM organizations", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            organizations.Add(reader.GetGuid(0), (reader.GetString(1), reader.GetString(2), reader.GetInt32(3)));
        }

        return organizations;
    }

    /// <summary>Messages in a queue, asked of the broker; 0 when the queue does not exist (an <c>_error</c> queue before its first message).</summary>
    public async Task<uint> MessagesInQueueAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(_servers.RabbitMqUri) };
        await using var connection = await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: TestContext.Current.CancellationToken);
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue, TestContext.Current.CancellationToken)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }

    /// <summary>Waits (with a deadline) until the load has had <paramref name="acknowledged"/> registrations acknowledged.</summary>
    public static Task LoadReachesAsync(RegistrationLoad load, Task running, int acknowledged) =>
        Eventually.HoldsAsync(() =>
        {
            if (running.IsFaulted)
            {
                running.GetAwaiter().GetResult();
            }

            return Task.FromResult(load.AcknowledgedCount >= acknowledged);
        }, TimeSpan.FromSeconds(120), $"{acknowledged} registrations to be acknowledged");

    /// <summary>
    /// After the load: waits until every committed event is marked sent and applied by every consumer, then checks
    /// the no-loss promise: each consumer applied exactly the committed events (no id missing, none extra, none
    /// twice), its projection equals the registry, nothing went to an error queue, and every acknowledged
    /// registration is in the registry as it was sent.
    /// </summary>
    public async Task AssertEveryEventAppliedExactlyOnceAsync(RegistrationLoad load, int committedDirectly, ITestOutputHelper output)
    {
        var clock = Stopwatch.StartNew();
        await Eventually.HoldsAsync(async () =>
        {
            var (all, unsent) = await OutboxAsync();
            if (unsent.Count > 0)
            {
                return false;
            }

            foreach (var (_, database) in Consumers)
            {
                if ((await InboxAsync(database)).Count < all.Count)
                {
                    return false;
                }
            }

            return true;
        }, TimeSpan.FromSeconds(150), "every committed event to be sent and applied by every consumer");
        output.WriteLine($"Drained {clock.Elapsed.TotalSeconds:0.0} s after the load ended.");

        var (committed, _) = await OutboxAsync();
        var registry = await OrganizationsAsync(CapacityDatabase);
        Assert.Equal(registry.Count, committed.Count); // one OrganizationRegistered per organisation, nothing else in this run
        Assert.True(committed.Count >= load.Count + committedDirectly, $"{committed.Count} events committed for {load.Count} acknowledged registrations and {committedDirectly} committed directly");

        foreach (var acknowledged in load.Acknowledged)
        {
            Assert.True(registry.TryGetValue(acknowledged.Id, out var stored), $"acknowledged organisation {acknowledged.Id} is not in the registry");
            Assert.Equal((acknowledged.Name, acknowledged.Municipality), (stored.Name, stored.Municipality));
        }

        foreach (var (process, database) in Consumers)
        {
            var inbox = await InboxAsync(database);
            var distinct = inbox.ToHashSet();
            Assert.Equal(inbox.Count, distinct.Count);
            var missing = committed.Except(distinct).ToList();
            var extra = distinct.Except(committed).ToList();
            Assert.True(missing.Count == 0 && extra.Count == 0,
                $"{process.Name}: {missing.Count} committed events never applied ({string.Join(", ", missing.Take(5))}), {extra.Count} applied that were never committed");

            var replicas = await OrganizationsAsync(database);
            Assert.Equal(registry.Count, replicas.Count);
            foreach (var (id, organization) in registry)
            {
                Assert.True(replicas.TryGetValue(id, out var replica), $"{process.Name} has no copy of {id}");
                Assert.Equal(organization, replica);
            }

            var queue = $"{process.Name.ToLowerInvariant()}-{ReplicaConsumer}"; // the queue AddOrganizationReplica names
            Assert.Equal(0u, await MessagesInQueueAsync(queue + "_error"));
            Assert.Equal(0u, await MessagesInQueueAsync(queue + "_skipped"));
            output.WriteLine($"{process.Name}: {distinct.Count} of {committed.Count} committed events applied once each; projection equal to the registry.");
        }

        output.WriteLine($"{load.AcknowledgedCount} registrations acknowledged through the API ({load.FailedAttempts} attempts failed and were repeated), {committedDirectly} committed straight to the outbox; {committed.Count} events committed in all.");
    }

    public async ValueTask DisposeAsync()
    {
        await Capacity.DisposeAsync();
        foreach (var (process, _) in Consumers)
        {
            await process.DisposeAsync();
        }

        await _relay.DisposeAsync();
    }
}
