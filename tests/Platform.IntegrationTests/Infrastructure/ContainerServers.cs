using System.Net;
using System.Net.Sockets;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;
using Testcontainers.Redis;

namespace Platform.IntegrationTests.Infrastructure;

/// <summary>The three servers as Testcontainers, for machines with a Docker engine.</summary>
internal sealed class ContainerServers : IServerSet
{
    private readonly PostgreSqlContainer _postgres;
    private readonly RabbitMqContainer _rabbit;
    private readonly RedisContainer _redis;
    private readonly int _rabbitPort;
    private readonly int _postgresPort;
    private bool _rabbitRunning;
    private bool _postgresRunning;

    private ContainerServers(int rabbitPort, int postgresPort)
    {
        _rabbitPort = rabbitPort;
        _postgresPort = postgresPort;
        // Fixed host ports: after a stop and start a server must come back where the clients expect it.
        _postgres = new PostgreSqlBuilder("postgres:17-alpine")
            .WithCommand("-c", "fsync=off", "-c", "max_connections=500")
            .WithPortBinding(postgresPort, PostgreSqlBuilder.PostgreSqlPort)
            .Build();
        _rabbit = new RabbitMqBuilder("rabbitmq:3.13-alpine")
            .WithUsername("guest")
            .WithPassword("guest")
            .WithPortBinding(rabbitPort, RabbitMqBuilder.RabbitMqPort)
            .Build();
        _redis = new RedisBuilder("redis:7-alpine").Build();
    }

    public string Mode => "containers";

    public string RabbitMqUri => $"amqp://guest:guest@{_rabbit.Hostname}:{_rabbitPort}";

    public string RedisConnectionString => _redis.GetConnectionString();

    public bool RabbitMqRunning => _rabbitRunning;

    public bool PostgresRunning => _postgresRunning;

    public string PostgresConnectionString(string database) =>
        $"Host={_postgres.Hostname};Port={_postgresPort};Username=postgres;Password=postgres;Database={database};Include Error Detail=true";

    public static async Task<ContainerServers> StartAsync()
    {
        var servers = new ContainerServers(FreePort(), FreePort());
        await Task.WhenAll(servers._postgres.StartAsync(), servers._redis.StartAsync(), servers._rabbit.StartAsync());
        servers._rabbitRunning = servers._postgresRunning = true;
        return servers;
    }

    public async Task StopRabbitMqAsync()
    {
        await _rabbit.StopAsync();
        _rabbitRunning = false;
    }

    public async Task StartRabbitMqAsync()
    {
        await _rabbit.StartAsync();
        _rabbitRunning = true;
    }

    public async Task StopPostgresAsync()
    {
        await _postgres.StopAsync();
        _postgresRunning = false;
    }

    public async Task StartPostgresAsync()
    {
        await _postgres.StartAsync();
        _postgresRunning = true;
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(_postgres.DisposeAsync().AsTask(), _rabbit.DisposeAsync().AsTask(), _redis.DisposeAsync().AsTask());
    }

    private static int FreePort()
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
