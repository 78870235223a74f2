using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Sockets;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// The <c>_error</c> queues of this service's consumers: MassTransit moves a message there when its consumer failed
/// every retry. Counts them for the gauge <c>platform.messaging.error_queue.messages</c> (tag <c>queue</c>, the
/// consumer's queue) and moves them back to their queue after a fix. Asks the broker over AMQP (a passive queue
/// declare), so it needs no management plugin. The gauge never waits for the broker: it reports the last reading
/// and, when that is older than <c>Messaging:ErrorQueues:ReadingInterval</c> (20 s), takes a new one in the
/// background; with no metrics exporter nothing is read at all.
/// </summary>
public sealed class ErrorQueues : IEndpointConfigurationObserver, IAsyncDisposable
{
    public const string GaugeName = "platform.messaging.error_queue.messages";
    private const string ErrorSuffix = "_error";

    private readonly ConcurrentDictionary<string, byte> _queues = new(StringComparer.Ordinal);
    private readonly ConnectionFactory _factory;
    private readonly QueueNames _names;
    private readonly TimeSpan _readingInterval;
    private readonly TimeProvider _clock;
    private readonly ILogger<ErrorQueues> _logger;
    private readonly SemaphoreSlim _connectionLock = new(1, 1);
    private IConnection? _connection;
    private volatile IReadOnlyDictionary<string, long> _reading = new Dictionary<string, long>();
    private long _readAtTicks = long.MinValue;
    private int _refreshing;

    public ErrorQueues(IConfiguration configuration, QueueNames names, TimeProvider clock, IMeterFactory meters, ILogger<ErrorQueues> logger)
    {
        var uri = configuration.GetConnectionString(MessagingExtensions.ConnectionName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{MessagingExtensions.ConnectionName} is not set.");
        _factory = new ConnectionFactory
        {
            Uri = new Uri(uri),
            ClientProvidedName = $"{names.Prefix} error queues",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            AutomaticRecoveryEnabled = false, // a closed connection is replaced on the next use
        };
        _names = names;
        _readingInterval = configuration.GetValue("Messaging:ErrorQueues:ReadingInterval", TimeSpan.FromSeconds(20));
        _clock = clock;
        _logger = logger;
        meters.Create(MessagingMetrics.MeterName).CreateObservableGauge(
            GaugeName, Observe, "{message}", "Messages in a consumer's _error queue: they failed every retry and wait for an operator to re-drive them.");
    }

    /// <summary>The queues of this service's consumers (not their <c>_error</c> queues), as MassTransit configured them.</summary>
    public IReadOnlyCollection<string> Queues => _queues.Keys.Order(StringComparer.Ordinal).ToList();

    public sealed record ErrorQueue(string Queue, string ErrorQueueName, long Messages);

    /// <summary>Reads every <c>_error</c> queue now (an absent one, never used yet, holds 0).</summary>
    public async Task<IReadOnlyList<ErrorQueue>> ReadAsync(CancellationToken ct)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var connection = await ConnectionAsync(ct);
        IChannel? channel = null;
        try
        {
            foreach (var queue in Queues)
            {
                channel ??= await connection.CreateChannelAsync(cancellationToken: ct);
                try
                {
                    counts[queue] = (await channel.QueueDeclarePassiveAsync(queue + ErrorSuffix, ct)).MessageCount;
                }
                catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
                {
                    counts[queue] = 0; // MassTransit creates it with the first failed message; the 404 closed the channel
                    await channel.DisposeAsync();
                    channel = null;
                }
            }
        }
        finally
        {
            if (channel is not null)
            {
                await channel.DisposeAsync();
            }
        }

        _reading = counts;
        Interlocked.Exchange(ref _readAtTicks, _clock.GetTimestamp());
        return counts.Select(c => new ErrorQueue(c.Key, c.Key + ErrorSuffix, c.Value)).ToList();
    }

    /// <summary>
    /// Moves what waits in <c>{queue}_error</c> back to <c>{queue}</c>, one message at a time: get it (unacknowledged),
    /// publish it to the queue with a publisher confirm, then acknowledge it. A failure between the two leaves the
    /// message in both queues, never in neither: the consumer's inbox applies it once. Moves at most what the queue
    /// held when the move began, so a message that fails again is not moved round in a loop. MassTransit's fault
    /// headers are dropped: the consumer sees the message as first sent.
    /// </summary>
    public async Task<int> RedriveAsync(string queue, CancellationToken ct)
    {
        if (!_queues.ContainsKey(queue))
        {
            throw new ArgumentException($"'{queue}' is not a queue of this service.", nameof(queue));
        }

        var connection = await ConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        uint waiting;
        try
        {
            waiting = (await channel.QueueDeclarePassiveAsync(queue + ErrorSuffix, ct)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }

        var moved = 0;
        while (moved < waiting && await channel.BasicGetAsync(queue + ErrorSuffix, autoAck: false, ct) is { } message)
        {
            var properties = new BasicProperties(message.BasicProperties)
            {
                Headers = message.BasicProperties.Headers?
                    .Where(h => !h.Key.StartsWith("MT-Fault-", StringComparison.Ordinal) && h.Key != "MT-Reason")
                    .ToDictionary(h => h.Key, h => h.Value),
            };
            // mandatory: a queue that is gone returns the message, which fails the publish and leaves it in _error.
            await channel.BasicPublishAsync(string.Empty, queue, mandatory: true, properties, message.Body, ct);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
            moved++;
        }

        _logger.LogInformation("Re-drove {Count} messages from {ErrorQueue} to {Queue}", moved, queue + ErrorSuffix, queue);
        Interlocked.Exchange(ref _readAtTicks, long.MinValue); // the next observation reads again
        return moved;
    }

    /// <summary>True for the failures that mean the broker cannot be reached now (a 503 for an operator).</summary>
    public static bool IsBrokerUnavailable(Exception ex) =>
        ex is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or SocketException or IOException or TimeoutException;

    void IEndpointConfigurationObserver.EndpointConfigured<T>(T configurator)
    {
        // The consumers' endpoints are named {prefix}-{consumer}; the bus's own temporary endpoint is not one of them.
        var queue = configurator.InputAddress.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        if (queue is not null && queue.StartsWith(_names.Prefix + "-", StringComparison.Ordinal))
        {
            _queues.TryAdd(queue, 0);
        }
    }

    private IEnumerable<Measurement<long>> Observe()
    {
        var readAt = Interlocked.Read(ref _readAtTicks);
        if ((readAt == long.MinValue || _clock.GetElapsedTime(readAt) >= _readingInterval) && !_queues.IsEmpty
            && Interlocked.CompareExchange(ref _refreshing, 1, 0) == 0)
        {
            _ = Task.Run(RefreshAsync);
        }

        return _reading.Select(r => new Measurement<long>(r.Value, new KeyValuePair<string, object?>("queue", r.Key)));
    }

    private async Task RefreshAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await ReadAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            // The broker is down or restarting: the gauge keeps its last reading, and the next observation tries again.
            _logger.LogDebug(ex, "Could not read the _error queues");
            Interlocked.Exchange(ref _readAtTicks, _clock.GetTimestamp());
        }
        finally
        {
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private async Task<IConnection> ConnectionAsync(CancellationToken ct)
    {
        await _connectionLock.WaitAsync(ct);
        try
        {
            if (_connection is { IsOpen: true })
            {
                return _connection;
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }

            _connection = await _factory.CreateConnectionAsync(ct);
            return _connection;
        }
        finally
        {
            _connectionLock.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _connectionLock.Dispose();
    }
}
