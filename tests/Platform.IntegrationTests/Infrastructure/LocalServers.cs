using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using Npgsql;
using RabbitMQ.Client;

namespace Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The Debian server binaries, each run in the foreground by the repository's <c>infra/local/*.sh</c> script on
/// free loopback ports, with their data in one throwaway temp directory.
/// </summary>
internal sealed class LocalServers : IServerSet
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    private readonly string _root;
    private readonly string _tempDir;
    private readonly int _postgresPort;
    private readonly int _redisPort;
    private readonly int _rabbitPort;
    private readonly int _rabbitDistPort;
    private readonly int _rabbitEpmdPort;
    private ServerProcess? _postgres;
    private ServerProcess? _redis;
    private ServerProcess? _rabbit;

    private LocalServers(string root, string tempDir, int[] ports)
    {
        _root = root;
        _tempDir = tempDir;
        (_postgresPort, _redisPort, _rabbitPort, _rabbitDistPort, _rabbitEpmdPort) = (ports[0], ports[1], ports[2], ports[3], ports[4]);
    }

    public string Mode => "local";

    public string RabbitMqUri => $"amqp://guest:guest@127.0.0.1:{_rabbitPort}";

    public string RedisConnectionString => $"127.0.0.1:{_redisPort}";

    public bool RabbitMqRunning => _rabbit is { HasExited: false };

    public bool PostgresRunning => _postgres is { HasExited: false };

    public string PostgresConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_postgresPort};Username=postgres;Database={database};Include Error Detail=true";

    public static async Task<LocalServers> StartAsync(string root)
    {
        RequireBinaries();
        var tempDir = Path.Combine(Path.GetTempPath(), $"platform-it-{Guid.NewGuid():N}");
        Directory.CreateDirectory(tempDir); // mode 0755: the postgres user must be able to reach its data directory
        var servers = new LocalServers(root, tempDir, FreePorts(5));
        try
        {
            await Task.WhenAll(servers.StartPostgresServerAsync(), servers.StartRedisAsync(), servers.StartRabbitMqAsync());
            return servers;
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }
    }

    public async Task StartRabbitMqAsync()
    {
        if (RabbitMqRunning)
        {
            return;
        }

        _rabbit?.Dispose();
        _rabbit = ServerProcess.Start("rabbitmq", Script("rabbitmq.sh"), new Dictionary<string, string>
        {
            ["PORT"] = _rabbitPort.ToString(),
            ["DIST_PORT"] = _rabbitDistPort.ToString(),
            ["EPMD_PORT"] = _rabbitEpmdPort.ToString(),
            ["DATA_DIR"] = Path.Combine(_tempDir, "rabbitmq"),
        });
        var factory = new ConnectionFactory { Uri = new Uri(RabbitMqUri), RequestedConnectionTimeout = TimeSpan.FromSeconds(2) };
        await WaitUntilReadyAsync(_rabbit, async ct =>
        {
            await using var connection = await factory.CreateConnectionAsync(ct);
        });
    }

    public async Task StopRabbitMqAsync()
    {
        if (_rabbit is not null)
        {
            await _rabbit.StopAsync(StopTimeout);
        }
    }

    /// <summary>A fast shutdown (<c>pg_ctl -m fast</c>: sessions are cut, the data stays); started again on the same port.</summary>
    public async Task StopPostgresAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.StopAsync(StopTimeout);
        }
    }

    public async Task StartPostgresAsync()
    {
        if (!PostgresRunning)
        {
            _postgres?.Dispose();
            await StartPostgresServerAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        var stops = new[] { _rabbit, _redis, _postgres }.Where(p => p is not null).Select(p => p!.StopAsync(StopTimeout));
        await Task.WhenAll(stops);
        foreach (var process in new[] { _rabbit, _redis, _postgres })
        {
            process?.Dispose();
        }

        try
        {
            Directory.Delete(_tempDir, recursive: true);
        }
        catch (IOException)
        {
            // A server that refused to die may still hold a file; the directory is in /tmp either way.
        }
    }

    private async Task StartPostgresServerAsync()
    {
        _postgres = ServerProcess.Start("postgres", Script("postgres.sh"), new Dictionary<string, string>
        {
            ["PORT"] = _postgresPort.ToString(),
            ["DATA_DIR"] = Path.Combine(_tempDir, "postgres"),
            // Throwaway data: durability costs only time here. Every test host keeps its own connection pools.
            ["PG_OPTS"] = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=500",
        });
        var connectionString = PostgresConnectionString("postgres") + ";Timeout=2;Pooling=false";
        await WaitUntilReadyAsync(_postgres, async ct =>
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(ct);
        });
    }

    private async Task StartRedisAsync()
    {
        _redis = ServerProcess.Start("redis", Script("redis.sh"), new Dictionary<string, string>
        {
            ["PORT"] = _redisPort.ToString(),
            ["DATA_DIR"] = Path.Combine(_tempDir, "redis"),
        });
        await WaitUntilReadyAsync(_redis, async ct =>
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, _redisPort, ct);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), ct);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, ct);
            if (!Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("Redis is not answering PING yet.");
            }
        });
    }

    private string Script(string name) => Path.Combine(_root, "infra", "local", name);

    /// <summary>Polls <paramref name="probe"/> until it succeeds, the server process dies, or the deadline passes.</summary>
    private static async Task WaitUntilReadyAsync(ServerProcess server, Func<CancellationToken, Task> probe)
    {
        var started = Stopwatch.StartNew();
        Exception? last = null;
        while (started.Elapsed < StartTimeout)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"{server.Name} exited with code {server.ExitCode} before it accepted connections:\n{server.Output}");
            }

            using var attempt = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await probe(attempt.Token);
                return;
            }
            catch (Exception ex)
            {
                last = ex;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }

        throw new TimeoutException($"{server.Name} did not accept connections within {StartTimeout.TotalSeconds} s (last error: {last?.Message}):\n{server.Output}");
    }

    private static void RequireBinaries()
    {
        var missing = new List<string>();
        if (!Directory.Exists("/usr/lib/postgresql") || !Directory.EnumerateFiles("/usr/lib/postgresql", "pg_ctl", SearchOption.AllDirectories).Any())
        {
            missing.Add("PostgreSQL (/usr/lib/postgresql/*/bin/pg_ctl)");
        }

        if (!File.Exists("/usr/lib/rabbitmq/bin/rabbitmq-server"))
        {
            missing.Add("RabbitMQ (/usr/lib/rabbitmq/bin/rabbitmq-server)");
        }

        if (!OnPath("redis-server"))
        {
            missing.Add("Redis (redis-server)");
        }

        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"No Docker engine answers and the local server binaries are missing: {string.Join(", ", missing)}. " +
                "Run ./platform.sh install (it installs postgresql, rabbitmq-server and redis-server), then run the tests again.");
        }
    }

    private static bool OnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
        .Any(dir => File.Exists(Path.Combine(dir, executable)));

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}

/// <summary>One server script running in the foreground; stopped with SIGTERM so that it shuts its server down cleanly.</summary>
internal sealed class ServerProcess : IDisposable
{
    private const int SigTerm = 15;
    private const int MaxOutputLines = 200;
    private readonly Process _process;
    private readonly Queue<string> _output = new();

    private ServerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

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

    public static ServerProcess Start(string name, string script, IReadOnlyDictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("bash", [script])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var server = new ServerProcess(name, process);
        process.OutputDataReceived += (_, e) => server.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => server.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    /// <summary>SIGTERM, then wait for the script to stop its server and exit; kill the tree only if it hangs.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        if (_process.HasExited)
        {
            return;
        }

        _ = Kill(_process.Id, SigTerm);
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public void Dispose() => _process.Dispose();

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

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
