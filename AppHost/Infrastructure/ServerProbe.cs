using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Platform.AppHost.Infrastructure;

/// <summary>
/// Health checks for the local servers, so that <c>WaitFor</c> holds the services back until a server
/// really serves (an open port alone is not enough: PostgreSQL and Redis refuse work while starting up).
/// The AppHost has no client libraries for them, so each probe speaks a few bytes of the wire protocol,
/// and ends its conversation politely so the servers' logs stay free of probe noise.
/// </summary>
internal abstract class ServerProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static ServerProbe Postgres { get; } = new PostgresProbe();
    public static ServerProbe RabbitMq { get; } = new ListeningProbe("RabbitMQ");
    public static ServerProbe Redis { get; } = new RedisProbe();

    public async Task<HealthCheckResult> CheckAsync(EndpointReference endpoint, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        var port = 0;
        try
        {
            // Resolved rather than read from EndpointReference.Port: that reports unproxied endpoints as unallocated.
            port = int.Parse(await endpoint.Property(EndpointProperty.Port).GetValueAsync(timeout.Token) ?? "", CultureInfo.InvariantCulture);
            return await ProbeAsync(port, timeout.Token)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy($"{Server} on port {port} is not ready yet.");
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException or FormatException)
        {
            return HealthCheckResult.Unhealthy($"{Server} on port {port} does not answer: {ex.Message}");
        }
    }

    protected abstract string Server { get; }

    protected abstract Task<bool> ProbeAsync(int port, CancellationToken cancellationToken);

    protected static async Task<NetworkStream> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>A startup message as user postgres (trust on loopback), read up to ReadyForQuery, then Terminate.</summary>
    private sealed class PostgresProbe : ServerProbe
    {
        protected override string Server => "PostgreSQL";

        protected override async Task<bool> ProbeAsync(int port, CancellationToken cancellationToken)
        {
            await using var stream = await ConnectAsync(port, cancellationToken);
            await stream.WriteAsync(StartupMessage(), cancellationToken);

            var header = new byte[5];
            while (true)
            {
                await stream.ReadExactlyAsync(header, cancellationToken);
                var body = new byte[BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(1)) - 4];
                await stream.ReadExactlyAsync(body, cancellationToken);
                switch ((char)header[0])
                {
                    case 'E': // e.g. 57P03 "the database system is starting up"
                        return false;
                    case 'Z': // ReadyForQuery
                        await stream.WriteAsync(new byte[] { (byte)'X', 0, 0, 0, 4 }, cancellationToken);
                        return true;
                }
            }
        }

        private static byte[] StartupMessage()
        {
            var parameters = Encoding.ASCII.GetBytes("user\0postgres\0database\0postgres\0application_name\0apphost-probe\0\0");
            var message = new byte[8 + parameters.Length];
            BinaryPrimitives.WriteInt32BigEndian(message, message.Length);
            BinaryPrimitives.WriteInt32BigEndian(message.AsSpan(4), 196608); // protocol 3.0
            parameters.CopyTo(message, 8);
            return message;
        }
    }

    /// <summary>PING, expecting +PONG (a server still loading its data answers -LOADING).</summary>
    private sealed class RedisProbe : ServerProbe
    {
        protected override string Server => "Redis";

        protected override async Task<bool> ProbeAsync(int port, CancellationToken cancellationToken)
        {
            await using var stream = await ConnectAsync(port, cancellationToken);
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
            var reply = new byte[7];
            await stream.ReadAtLeastAsync(reply, reply.Length, throwOnEndOfStream: false, cancellationToken);
            return reply.AsSpan().StartsWith("+PONG\r\n"u8);
        }
    }

    /// <summary>
    /// RabbitMQ opens its AMQP listener as the last step of booting, so a listening socket means ready.
    /// It is read from /proc/net/tcp rather than connected to: RabbitMQ logs a warning for every connection
    /// that closes before completing the AMQP handshake.
    /// </summary>
    private sealed class ListeningProbe(string server) : ServerProbe
    {
        private const string ListenState = "0A";

        protected override string Server => server;

        protected override async Task<bool> ProbeAsync(int port, CancellationToken cancellationToken)
        {
            var suffix = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
            foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
            {
                if (!File.Exists(table))
                {
                    continue;
                }

                foreach (var line in (await File.ReadAllLinesAsync(table, cancellationToken)).Skip(1))
                {
                    var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    if (columns.Length > 3 && columns[1].EndsWith(suffix, StringComparison.Ordinal) && columns[3] == ListenState)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
