using System.Diagnostics;
using Npgsql;

[assembly: AssemblyFixture(typeof(Platform.IntegrationTests.Infrastructure.PlatformServers))]

namespace Platform.IntegrationTests.Infrastructure;

/// <summary>
/// Real PostgreSQL, RabbitMQ and Redis servers shared by the whole test run: containers when a Docker engine
/// answers, otherwise the Debian server binaries started on loopback in a throwaway directory.
/// Each test class asks for its own database with <see cref="CreateDatabaseAsync"/>; the token server
/// (<see cref="IdentityAsync"/>) is one for the whole run.
/// </summary>
public sealed class PlatformServers : IAsyncLifetime
{
    private readonly Lazy<Task<PlatformIdentity>> _identity;
    private IServerSet? _servers;

    public PlatformServers()
    {
        _identity = new(() => PlatformIdentity.StartAsync(this));
    }

    /// <summary>Which kind of servers this run uses: <c>containers</c> or <c>local</c>.</summary>
    public string Mode => Servers.Mode;

    public string RabbitMqUri => Servers.RabbitMqUri;

    public string RedisConnectionString => Servers.RedisConnectionString;

    private IServerSet Servers => _servers ?? throw new InvalidOperationException("The servers have not been started.");

    public string PostgresConnectionString(string database) => Servers.PostgresConnectionString(database);

    /// <summary>A new, empty database with a unique name that starts with <paramref name="prefix"/>; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 63)];
        await using (var connection = new NpgsqlConnection(PostgresConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        return PostgresConnectionString(name);
    }

    /// <summary>The token server of the run, on its own database: started by the first caller, shared by all.</summary>
    public Task<PlatformIdentity> IdentityAsync() => _identity.Value;

    /// <summary>Stops the broker (cleanly); its data stays, so <see cref="StartRabbitMqAsync"/> brings back the same queues on the same port.</summary>
    public Task StopRabbitMqAsync() => Servers.StopRabbitMqAsync();

    public Task StartRabbitMqAsync() => Servers.StartRabbitMqAsync();

    public bool RabbitMqRunning => Servers.RabbitMqRunning;

    /// <summary>Stops PostgreSQL (a fast shutdown: every session is cut); its data stays, <see cref="StartPostgresAsync"/> brings it back on the same port.</summary>
    public async Task StopPostgresAsync()
    {
        await Servers.StopPostgresAsync();
        NpgsqlConnection.ClearAllPools();
    }

    /// <summary>
    /// Starts PostgreSQL again. The test process's own pooled connections died with the server: they are dropped, or the
    /// next test to create a database takes one and fails with 57P01 ("terminating connection due to administrator command").
    /// </summary>
    public async Task StartPostgresAsync()
    {
        await Servers.StartPostgresAsync();
        NpgsqlConnection.ClearAllPools();
    }

    public bool PostgresRunning => Servers.PostgresRunning;

    public async ValueTask InitializeAsync()
    {
        _servers = await DockerEngineAnswersAsync()
            ? await ContainerServers.StartAsync()
            : await LocalServers.StartAsync(RepositoryRoot());
    }

    public async ValueTask DisposeAsync()
    {
        if (_identity.IsValueCreated && _identity.Value.IsCompletedSuccessfully)
        {
            await (await _identity.Value).DisposeAsync();
        }

        if (_servers is not null)
        {
            await _servers.DisposeAsync();
        }
    }

    /// <summary>The directory holding Platform.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Platform.sln not found above {AppContext.BaseDirectory}.");
    }

    private static async Task<bool> DockerEngineAnswersAsync()
    {
        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (docker is null)
            {
                return false;
            }

            _ = docker.StandardOutput.ReadToEndAsync();
            _ = docker.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await docker.WaitForExitAsync(timeout.Token);
                return docker.ExitCode == 0;
            }
            catch (OperationCanceledException)
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no docker client at all
        }
    }
}

internal interface IServerSet : IAsyncDisposable
{
    string Mode { get; }

    string RabbitMqUri { get; }

    string RedisConnectionString { get; }

    bool RabbitMqRunning { get; }

    string PostgresConnectionString(string database);

    Task StopRabbitMqAsync();

    Task StartRabbitMqAsync();

    bool PostgresRunning { get; }

    Task StopPostgresAsync();

    Task StartPostgresAsync();
}
