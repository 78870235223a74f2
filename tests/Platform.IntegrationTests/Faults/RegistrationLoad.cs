using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Contracts.ReferenceData;

namespace Platform.IntegrationTests.Faults;

/// <summary>An organisation the registry acknowledged with 201: what was sent and the id it was given.</summary>
public sealed record Acknowledged(Guid Id, string Name, string Municipality);

/// <summary>
/// Registers <c>count</c> organisations through Capacity's API, <c>concurrency</c> at a time, as a client would: a
/// request that fails (connection refused while the service is down, a 5xx) is sent again after a short pause, until
/// it is acknowledged or its deadline passes. Only 201s count as acknowledged.
/// </summary>
public sealed class RegistrationLoad(Uri capacity, Func<Task<string>> token, int count, int concurrency)
{
    private static readonly TimeSpan PerRequestDeadline = TimeSpan.FromSeconds(180);
    private readonly ConcurrentBag<Acknowledged> _acknowledged = [];
    private readonly ConcurrentQueue<string> _failures = new();
    private int _failedAttempts;
    private int _given;

    public IReadOnlyCollection<Acknowledged> Acknowledged => _acknowledged;

    public int AcknowledgedCount => _acknowledged.Count;

    /// <summary>Attempts that got no 201 (and were repeated): the requests the faults hit.</summary>
    public int FailedAttempts => Volatile.Read(ref _failedAttempts);

    public int Count => count;

    /// <summary>What each failed attempt got: its status code (<c>503</c>, or <c>500: {body}</c> for any other 5xx), or <c>no answer: {exception}</c>.</summary>
    public IReadOnlyCollection<string> Failures => _failures;

    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(() => WorkAsync(cancellationToken), cancellationToken)));

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = capacity,
            Timeout = TimeSpan.FromSeconds(20),
        };
        while (Interlocked.Increment(ref _given) is var n && n <= count)
        {
            var name = $"Fault test organisation {n:D5} {Guid.NewGuid():N}";
            var municipality = Municipality.All[n % Municipality.All.Count];
            var deadline = DateTimeOffset.UtcNow + PerRequestDeadline;
            var pause = TimeSpan.FromMilliseconds(50);
            while (true)
            {
                if (await TryRegisterAsync(http, name, municipality, cancellationToken) is { } id)
                {
                    _acknowledged.Add(new Acknowledged(id, name, municipality));
                    break;
                }

                Interlocked.Increment(ref _failedAttempts);
                if (DateTimeOffset.UtcNow > deadline)
                {
                    throw new TimeoutException($"Registering '{name}' was not acknowledged within {PerRequestDeadline.TotalSeconds} s.");
                }

                // A retry policy's backoff, not a wait for an effect: the service is down or restarting.
                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromMilliseconds(Math.Min(pause.TotalMilliseconds * 2, 500));
            }
        }
    }

    private async Task<Guid?> TryRegisterAsync(HttpClient http, string name, string municipality, CancellationToken cancellationToken)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/capacity/organizations")
            {
                Content = JsonContent.Create(new { name = new Dictionary<string, string> { ["en"] = name, ["ka"] = name }, type = "Cso", municipality }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await token());
            using var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                var status = (int)response.StatusCode;
                _failures.Enqueue(status is >= 500 and not 503 ? $"{status}: {await response.Content.ReadAsStringAsync(cancellationToken)}" : status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                return null;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            return body.RootElement.GetProperty("id").GetGuid();
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            _failures.Enqueue($"no answer: {ex.GetType().Name}");
            return null; // the connection was refused or cut: the service died or is not up yet
        }
    }
}
