using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Platform.IntegrationTests.Infrastructure;

/// <summary>
/// A platform service run as the AppHost runs it: its own OS process (<c>dotnet Platform.X.dll</c> from its build
/// output), configured by environment variables, listening on a loopback port. <see cref="Kill"/> is abrupt
/// (SIGKILL of the process tree: no shutdown, no flushing, open transactions die with their connections);
/// <see cref="StartAsync"/> starts it again on the same port with the same configuration.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private const int MaxOutputLines = 300;
    // Generous: on a shared, overloaded machine a service has been seen to take over 90 s to start listening.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Queue<string> _output = new();
    private Process? _process;

    private ServiceProcess(string name, string dll, int port, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        _dll = dll;
        Port = port;
        _environment = environment;
    }

    public string Name { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public bool Running => _process is { HasExited: false };

    /// <summary>The last lines the process wrote, for a failure message.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return string.Join('\n', _output);
            }
        }
    }

    /// <summary>
    /// The service <c>services/{service}</c> (assembly <c>Platform.{service}</c>) as built beside these tests;
    /// <paramref name="settings"/> are configuration keys (<c>ConnectionStrings:capacity-db</c>), passed as environment variables.
    /// </summary>
    public static ServiceProcess For(string service, IReadOnlyDictionary<string, string> settings)
    {
        // tests/Platform.IntegrationTests/bin/{Configuration}/{tfm}/: the services are built in the same configuration.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testOutput.Parent!.Name;
        var dll = Path.Combine(PlatformServers.RepositoryRoot(), "services", service, "bin", configuration, testOutput.Name, $"Platform.{service}.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the integration tests (they build the services they run) first.");
        }

        var port = FreePort();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_gcServer"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Error",
            ["MASSTRANSIT_USAGE_TELEMETRY"] = "false", // no calls to the internet from a test
        };
        foreach (var (key, value) in settings)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return new ServiceProcess(service, dll, port, environment);
    }

    /// <summary>Starts the process and waits until <c>/health</c> (database, broker, cache) answers 200.</summary>
    public async Task StartAsync()
    {
        if (Running)
        {
            throw new InvalidOperationException($"{Name} is running already.");
        }

        _process?.Dispose();
        var info = new ProcessStartInfo("dotnet", [_dll])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(_dll)!,
        };
        foreach (var (key, value) in _environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        string? last = null;
        while (clock.Elapsed < StartTimeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} while starting:\n{Output}");
            }

            try
            {
                using var health = await http.GetAsync("/health");
                if (health.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"{(int)health.StatusCode} {await health.Content.ReadAsStringAsync()}";
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                last = ex.Message;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"{Name} was not healthy within {StartTimeout.TotalSeconds} s (last answer: {last}):\n{Output}");
    }

    /// <summary>SIGKILL, the whole process tree, and wait for it to be gone.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Enqueue(line);
            while (_output.Count > MaxOutputLines)
            {
                _output.Dequeue();
            }
        }
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
