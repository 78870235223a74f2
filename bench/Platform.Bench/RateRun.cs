using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Platform.Bench;

/// <summary>
/// Requests start on a fixed schedule whether or not earlier ones have answered (up to 512 connections), so a
/// slow response does not hold back the next request. Each latency runs from the moment the request is sent
/// to the end of its response body. Warm-up requests are sent at the same rate and not recorded. A request
/// succeeds with any 2xx status.
/// </summary>
internal static class RateRun
{
    public static async Task<int> MainAsync(string[] args)
    {
        var positional = new List<string>();
        var headers = new List<(string Name, string Value)>();
        string? body = null;
        var idempotencyKey = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--header" when i + 1 < args.Length && args[i + 1].IndexOf(':') > 0:
                    var header = args[++i];
                    var colon = header.IndexOf(':');
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "--post" when i + 1 < args.Length:
                    body = args[++i];
                    break;
                case "--idempotency-key":
                    idempotencyKey = true;
                    break;
                default:
                    positional.Add(args[i]);
                    break;
            }
        }

        if (positional is not [var url, var rateText, var secondsText, ..] || positional.Count > 4)
        {
            Console.Error.WriteLine("usage: Platform.Bench rate <url> <rps> <seconds> [warm-up] [--header 'N: v']... [--post <json>] [--idempotency-key]");
            return 2;
        }

        var rate = int.Parse(rateText, CultureInfo.InvariantCulture);
        var seconds = double.Parse(secondsText, CultureInfo.InvariantCulture);
        var warmup = positional.Count > 3 ? double.Parse(positional[3], CultureInfo.InvariantCulture) : 0;
        if (rate <= 0 || seconds <= 0 || warmup < 0)
        {
            Console.Error.WriteLine("rate and seconds must be positive");
            return 2;
        }

        using var client = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 512,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        {
            Timeout = TimeSpan.FromSeconds(10),
        };

        var runId = Guid.NewGuid().ToString("N")[..8];
        HttpRequestMessage RequestFor(long n)
        {
            var request = new HttpRequestMessage(body is null ? HttpMethod.Get : HttpMethod.Post, url);
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (body is not null)
            {
                request.Content = new StringContent(body.Replace("{n}", $"{runId}-{n}", StringComparison.Ordinal), Encoding.UTF8, "application/json");
            }

            if (idempotencyKey)
            {
                request.Headers.Add("Idempotency-Key", $"bench-{runId}-{n}");
            }

            return request;
        }

        // A check before the run: the URL must answer 2xx, or every figure would measure an error page.
        using (var probeRequest = RequestFor(-1))
        using (var probe = await client.SendAsync(probeRequest))
        {
            if (!probe.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"{url} answered {(int)probe.StatusCode}, not 2xx: {await probe.Content.ReadAsStringAsync()}");
                return 1;
            }
        }

        var warmupCount = (long)(rate * warmup);
        var measuredCount = (long)(rate * seconds);
        var total = warmupCount + measuredCount;
        var latencies = new long[measuredCount];
        long recorded = 0, ok = 0, errors = 0;
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        var inFlight = new List<Task>((int)Math.Min(total, 1_000_000));

        async Task SendAsync(long index)
        {
            var start = Stopwatch.GetTimestamp();
            var success = false;
            string outcome;
            try
            {
                using var request = RequestFor(index);
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                success = response.IsSuccessStatusCode;
                outcome = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                outcome = e.GetType().Name;
            }

            var elapsed = Stopwatch.GetTimestamp() - start;
            if (index < warmupCount)
            {
                return;
            }

            Interlocked.Increment(ref success ? ref ok : ref errors);
            if (success)
            {
                latencies[Interlocked.Increment(ref recorded) - 1] = elapsed;
            }
            else
            {
                statuses.AddOrUpdate(outcome, 1, (_, count) => count + 1);
            }
        }

        // Open loop: every millisecond, send what is due by the schedule, whether or not earlier answers came back.
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(1));
        var begin = Stopwatch.GetTimestamp();
        long measuredBegin = 0;
        long sent = 0;
        while (sent < total)
        {
            var elapsedSeconds = Stopwatch.GetElapsedTime(begin).TotalSeconds;
            var due = Math.Min(total, (long)(elapsedSeconds * rate) + 1);
            for (; sent < due; sent++)
            {
                if (sent == warmupCount)
                {
                    measuredBegin = Stopwatch.GetTimestamp();
                }

                inFlight.Add(SendAsync(sent));
            }

            await tick.WaitForNextTickAsync();
        }

        await Task.WhenAll(inFlight);
        var measuredSeconds = Stopwatch.GetElapsedTime(measuredBegin).TotalSeconds;

        var samples = latencies.AsSpan(0, (int)recorded);
        samples.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Percentile(samples, 0.50):F3} {Percentile(samples, 0.99):F3} {Percentile(samples, 1.0):F3} {measuredCount} {ok} {errors} {ok / measuredSeconds:F0}"));
        if (errors > 0)
        {
            Console.Error.WriteLine($"failures by status: {string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}"))}");
        }

        return errors == 0 ? 0 : 1;
    }

    internal static double Percentile(Span<long> sorted, double p) =>
        sorted.Length == 0 ? double.NaN
        : Stopwatch.GetElapsedTime(0, sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]).TotalMilliseconds;
}
