using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace Platform.Gateway.Routing;

/// <summary>
/// Rate-limit budgets shared by every gateway replica: a fixed window counted in Redis (<c>ConnectionStrings:cache</c>),
/// so two replicas behind a load balancer give a client one budget, not one each. Redis holds only counters that may
/// be lost. When Redis does not answer, each replica counts on its own for a while (the same limits, per replica) and
/// says so in its log: a cache outage never turns into refused or failed requests. Without a cache connection
/// string every budget is local.
/// </summary>
public sealed partial class SharedRateLimits : IDisposable
{
    // How long a replica counts locally after Redis failed, before it asks Redis again: an outage costs one slow
    // request per period, not one per request.
    private static readonly TimeSpan LocalAfterFailure = TimeSpan.FromSeconds(5);

    private readonly Lazy<ConnectionMultiplexer>? _redis;
    private readonly string _keyPrefix;
    private readonly TimeProvider _clock;
    private readonly ILogger<SharedRateLimits> _logger;
    private long _redisRetryAt;

    public SharedRateLimits(IConfiguration configuration, GatewayOptions options, TimeProvider clock, ILogger<SharedRateLimits> logger)
    {
        _clock = clock;
        _logger = logger;
        _keyPrefix = options.RateLimitKeyPrefix;
        if (configuration.GetConnectionString("cache") is { Length: > 0 } connectionString)
        {
            var redis = ConfigurationOptions.Parse(connectionString);
            // Connect in the background and keep trying; a counter that takes longer than this is not worth waiting for.
            redis.AbortOnConnectFail = false;
            redis.ConnectTimeout = 2_000;
            redis.SyncTimeout = 500;
            redis.AsyncTimeout = 500;
            // While disconnected, a count fails at once (and the local limiter answers) instead of queueing.
            redis.BacklogPolicy = BacklogPolicy.FailFast;
            _redis = new(() => ConnectionMultiplexer.Connect(redis));
        }
    }

    /// <summary>Whether budgets are counted in Redis (when it answers) or only in this process.</summary>
    public bool Shared => _redis is not null;

    /// <summary>A budget of <paramref name="permits"/> per <paramref name="window"/> for one partition (a client, an address).</summary>
    public RateLimitPartition<string> FixedWindow(string partition, int permits, TimeSpan window) =>
        new(partition, key => new FailoverLimiter(this, key, permits, window));

    public void Dispose()
    {
        if (_redis is { IsValueCreated: true })
        {
            _redis.Value.Dispose();
        }
    }

    private bool RedisInUse => _redis is not null && _clock.GetTimestamp() >= Interlocked.Read(ref _redisRetryAt);

    private void RedisFailed(Exception exception)
    {
        var retryAt = _clock.GetTimestamp() + (long)(LocalAfterFailure.TotalSeconds * _clock.TimestampFrequency);
        // Logged once per period, by the request that opened it.
        if (Interlocked.Exchange(ref _redisRetryAt, retryAt) <= _clock.GetTimestamp())
        {
            LogRedisFailed(exception, LocalAfterFailure.TotalSeconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate limits could not be counted in Redis; each gateway replica counts its own for the next {Seconds} s")]
    private partial void LogRedisFailed(Exception exception, double seconds);

    /// <summary>The partition's counter in Redis, and a local one of the same size for when Redis does not answer.</summary>
    private sealed class FailoverLimiter : RateLimiter
    {
        private readonly SharedRateLimits _limits;
        private readonly RedisFixedWindowRateLimiter<string>? _shared;
        private readonly FixedWindowRateLimiter _local;

        public FailoverLimiter(SharedRateLimits limits, string partition, int permits, TimeSpan window)
        {
            _limits = limits;
            _local = new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 });
            if (limits._redis is { } redis)
            {
                _shared = new RedisFixedWindowRateLimiter<string>($"{limits._keyPrefix}:{partition}", new RedisFixedWindowRateLimiterOptions
                {
                    ConnectionMultiplexerFactory = () => redis.Value,
                    PermitLimit = permits,
                    Window = window,
                });
            }
        }

        public override TimeSpan? IdleDuration => _local.IdleDuration;

        public override RateLimiterStatistics? GetStatistics() => _local.GetStatistics();

        // Counting in Redis is asynchronous: a lease that is not acquired here sends the middleware to AcquireAsync.
        protected override RateLimitLease AttemptAcquireCore(int permitCount) =>
            _shared is not null && _limits.RedisInUse ? NotYetCounted.Instance : _local.AttemptAcquire(permitCount);

        protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
        {
            if (_shared is not null && _limits.RedisInUse)
            {
                try
                {
                    return await _shared.AcquireAsync(permitCount, cancellationToken);
                }
                catch (Exception ex) when (ex is RedisException or TimeoutException or ObjectDisposedException && !cancellationToken.IsCancellationRequested)
                {
                    _limits.RedisFailed(ex);
                }
            }

            return _local.AttemptAcquire(permitCount);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _shared?.Dispose();
                _local.Dispose();
            }

            base.Dispose(disposing);
        }
    }

    private sealed class NotYetCounted : RateLimitLease
    {
        public static readonly NotYetCounted Instance = new();

        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
