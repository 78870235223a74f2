using System.Diagnostics;
using System.Globalization;
using System.Net;

// A fixed-rate (open-loop) HTTP load generator for the gateway benchmark:
//
//   Platform.Bench rate <url> <requests per second> <seconds> [warm-up seconds]
//
// Requests start on a fixed schedule whether or not earlier ones have answered (up to 512 in flight), so a
// slow response does not hold back the next request. Each latency runs from the moment the request is sent
// to the end of its response body. Prints one line: p50_ms p99_ms max_ms sent ok errors achieved_rps.
// Warm-up requests are sent at the same rate and not recorded.
if (args is not ["rate", var url, var rateText, var secondsText, ..])
{
    Console.Error.WriteLine("usage: Platform.Bench rate <url> <requests per second> <seconds> [warm-up seconds]");
    return 2;
}

var rate = int.Parse(rateText, CultureInfo.InvariantCulture);
var seconds = double.Parse(secondsText, CultureInfo.InvariantCulture);
var warmup = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 0;
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

// A check before the run: the URL must answer 200, or every figure would measure an error page.
using (var probe = await client.GetAsync(url))
{
    if (probe.StatusCode != HttpStatusCode.OK)
    {
        Console.Error.WriteLine($"{url} answered {(int)probe.StatusCode}, not 200");
        return 1;
    }
}

var warmupCount = (long)(rate * warmup);
var measuredCount = (long)(rate * seconds);
var total = warmupCount + measuredCount;
var latencies = new long[measuredCount];
long recorded = 0, ok = 0, errors = 0;
var inFlight = new List<Task>((int)Math.Min(total, 1_000_000));

async Task SendAsync(long index)
{
    var start = Stopwatch.GetTimestamp();
    var success = false;
    try
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseContentRead);
        success = response.StatusCode == HttpStatusCode.OK;
    }
    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
    {
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
double Percentile(Span<long> sorted, double p) =>
    sorted.Length == 0 ? double.NaN
    : Stopwatch.GetElapsedTime(0, sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)]).TotalMilliseconds;

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{Percentile(samples, 0.50):F3} {Percentile(samples, 0.99):F3} {Percentile(samples, 1.0):F3} {measuredCount} {ok} {errors} {ok / measuredSeconds:F0}"));
return errors == 0 ? 0 : 1;
