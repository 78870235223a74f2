using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Platform.IntegrationTests.Capacity;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.BadInput;

/// <summary>A service under the sweep: its routing table, a client allowed to write everywhere in it, and its database.</summary>
public sealed class SweepTarget(string service, IServiceProvider services, HttpClient client, string connectionString, Func<ValueTask> dispose) : IAsyncDisposable
{
    public string Service => service;

    public IServiceProvider Services => services;

    public HttpClient Client => client;

    public string ConnectionString => connectionString;

    /// <summary>A platform service (in memory, on its own new database <c>{service}-db</c>) called as the programme admin.</summary>
    public static async Task<SweepTarget> ServiceAsync<TEntryPoint>(PlatformServers servers, string service) where TEntryPoint : class
    {
        var app = new ServiceApp<TEntryPoint>(servers, $"{service}-db", await servers.CreateDatabaseAsync($"sweep_{service}"));
        await app.StartAsync();
        var client = app.ClientFor(PlatformRoles.ProgrammeAdmin);
        return new SweepTarget(service, app.Services, client, app.DatabaseConnectionString, async () =>
        {
            client.Dispose();
            await app.DisposeAsync();
        });
    }

    /// <summary>
    /// The token server's admin API, on a token server of its own (the run's one is shared by tests running in
    /// parallel, so its tables change under them), called as its first programme admin.
    /// </summary>
    public static async Task<SweepTarget> IdentityAsync(PlatformServers servers)
    {
        var options = new IdentityAppOptions(PlatformIdentity.Issuer, "admin@sweep.test",
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('/', '_').Replace('+', '-'));
        var app = new IdentityApp(servers, await servers.CreateDatabaseAsync("sweep_identity"), options);
        await app.StartAsync();
        // Signing in writes the server's own records: done here, before the sweep takes its snapshot.
        var token = await new PlatformTokens(app).AccessTokenAsync(PlatformRoles.ProgrammeAdmin);
        var client = app.CreateBrowser();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new SweepTarget("identity", app.Services, client, app.DatabaseConnectionString, async () =>
        {
            client.Dispose();
            await app.DisposeAsync();
        });
    }

    public ValueTask DisposeAsync() => dispose();
}

public sealed record SweepResult(int Cases, IReadOnlyList<string> Failures, IReadOnlyList<string> FieldsNotNamed, IReadOnlyList<string> DataChanges);

/// <summary>
/// Sends every generated bad request to every POST and PUT of a service and checks each answer: a 4xx with
/// <c>application/problem+json</c>, never a 5xx or a success; afterwards the service's database is as it was.
/// </summary>
public static class BadInputSweep
{
    private const int Parallelism = 4;

    public static async Task<SweepResult> RunAsync(SweepTarget target, ITestOutputHelper output, CancellationToken ct)
    {
        var (endpoints, skipped) = SweptEndpoint.Discover(target.Services.GetRequiredService<EndpointDataSource>());
        output.WriteLine($"{target.Service}: {endpoints.Count} POST/PUT endpoints swept: {string.Join(", ", endpoints.Select(e => $"{e.Method} {e.Route}{(e.BodyType is null ? " (no body: wrong ids only)" : "")}"))}");
        if (skipped.Count > 0)
        {
            output.WriteLine($"{target.Service}: not swept (no JSON body and no route id: protocol and form endpoints): {string.Join(", ", skipped)}");
        }

        if (endpoints.Count == 0)
        {
            return new SweepResult(0, [], [], []); // nothing to sweep in this service (yet)
        }

        var seeds = await SeedAsync(target, endpoints, output, ct);
        await OutboxDrainedAsync(target.ConnectionString);
        // From here on only the sweep's requests may write: other tests' events (organisations registered, graduates)
        // would otherwise reach this instance's projections on its own queues while the sweep runs.
        if (target.Services.GetService<IBusControl>() is { } bus)
        {
            await bus.StopAsync(ct);
        }

        var before = await DatabaseSnapshot.TakeAsync(target.ConnectionString, ct);

        var cases = endpoints.SelectMany(e => SweepCases.For(e, RouteValuesFor(e, seeds))).ToList();
        var failures = new List<string>();
        var fieldsNotNamed = new List<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (sweepCase, token) =>
        {
            using var request = sweepCase.ToRequest();
            using var response = await target.Client.SendAsync(request, token);
            var status = (int)response.StatusCode;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            var text = await response.Content.ReadAsStringAsync(token);
            lock (failures)
            {
                if (status is < 400 or >= 500 || mediaType != "application/problem+json")
                {
                    failures.Add($"{sweepCase.Name} -> {status} {mediaType}: {Truncate(text)}");
                }
                else if (status == 400 && sweepCase.Field is { } field && !NamesField(text, field))
                {
                    fieldsNotNamed.Add($"{sweepCase.Name} -> {Truncate(text)}");
                }
            }
        });

        var after = await DatabaseSnapshot.TakeAsync(target.ConnectionString, ct);
        var changes = after.DifferencesFrom(before);
        output.WriteLine($"{target.Service}: {cases.Count} bad requests sent; {failures.Count} not answered with a 4xx problem; {changes.Count} tables changed.");
        foreach (var change in changes)
        {
            output.WriteLine($"{target.Service}: changed by the sweep: {change}");
        }

        return new SweepResult(cases.Count, failures, fieldsNotNamed, changes);
    }

    /// <summary>
    /// Creates one record per POST collection with the generated valid body, so that a PUT has something to update and
    /// the sweep reaches the checks behind "not found". Done before the snapshot: only the sweep itself must change nothing.
    /// </summary>
    private static async Task<Dictionary<string, JsonElement>> SeedAsync(SweepTarget target, IReadOnlyList<SweptEndpoint> endpoints, ITestOutputHelper output, CancellationToken ct)
    {
        var seeds = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var endpoint in endpoints.Where(e => e is { Method: "POST", HasRouteParameters: false, BodyType: not null }))
        {
            var body = FieldShape.Of(endpoint.BodyType!).Valid() ?? new JsonObject();
            using var response = await target.Client.PostAsync(endpoint.Route, new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            output.WriteLine($"{target.Service}: seed POST {endpoint.Route} with the generated valid body -> {(int)response.StatusCode}" +
                (response.IsSuccessStatusCode ? "" : $" (the PUTs get an id nothing has): {Truncate(text)}"));
            if (response.IsSuccessStatusCode && text.Length > 0)
            {
                seeds[endpoint.Route.TrimEnd('/')] = JsonDocument.Parse(text).RootElement.Clone();
            }
        }

        return seeds;
    }

    /// <summary>The seeds' events are marked sent by the dispatcher in the background: let it finish before the snapshot.</summary>
    private static async Task OutboxDrainedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass('outbox_messages') IS NOT NULL", connection);
        if (await exists.ExecuteScalarAsync(TestContext.Current.CancellationToken) is not true)
        {
            return;
        }

        await Eventually.HoldsAsync(async () =>
        {
            await using var pending = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", connection);
            return (long)(await pending.ExecuteScalarAsync(TestContext.Current.CancellationToken))! == 0;
        }, TimeSpan.FromSeconds(30), "the seeds' events to be published");
    }

    private static Dictionary<string, string> RouteValuesFor(SweptEndpoint endpoint, Dictionary<string, JsonElement> seeds)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in endpoint.RouteParameters)
        {
            values[parameter] = seeds.TryGetValue(endpoint.CollectionOf(parameter), out var seed)
                && (seed.TryGetProperty(parameter, out var value) || seed.TryGetProperty("id", out value))
                ? value.ToString()
                : Guid.NewGuid().ToString();
        }

        return values;
    }

    /// <summary>Whether a validation problem names the probed field, its parent, or one of its children.</summary>
    private static bool NamesField(string problem, string field)
    {
        using var json = JsonDocument.Parse(problem);
        if (!json.RootElement.TryGetProperty("errors", out var errors) || errors.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        return errors.EnumerateObject().Any(e =>
            string.Equals(e.Name, field, StringComparison.OrdinalIgnoreCase)
            || field.StartsWith(e.Name + ".", StringComparison.OrdinalIgnoreCase) || field.StartsWith(e.Name + "[", StringComparison.OrdinalIgnoreCase)
            || e.Name.StartsWith(field + ".", StringComparison.OrdinalIgnoreCase) || e.Name.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase));
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "...";
}

/// <summary>Writes the number of cases per service to the file named by <c>PLATFORM_SWEEP_REPORT</c>, for the benchmark report.</summary>
internal static class SweepReport
{
    public const string Variable = "PLATFORM_SWEEP_REPORT";
    private static readonly Lock Gate = new();

    public static void Record(string service, int cases)
    {
        var path = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(path))
        {
            return;
        }

        lock (Gate)
        {
            var report = File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject existing ? existing : new JsonObject();
            report[service] = cases;
            File.WriteAllText(path, report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
    }
}
