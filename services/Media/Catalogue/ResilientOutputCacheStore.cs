using Microsoft.AspNetCore.OutputCaching;
using StackExchange.Redis;

namespace Platform.Media.Catalogue;

/// <summary>
/// The catalogue's Redis output cache, made optional: Redis holds only what may be lost, so when it cannot be reached
/// the catalogue is served uncached and a command that evicts it still succeeds (its change is committed already).
/// After a failure Redis is left alone for <see cref="Pause"/>, so that requests meanwhile do not each wait for a
/// connection attempt. Entries cached before an outage are not evicted during it; they expire by their lifetime.
/// </summary>
internal sealed class ResilientOutputCacheStore(IOutputCacheStore redis, TimeProvider clock, ILogger<ResilientOutputCacheStore> logger) : IOutputCacheStore
{
    internal static readonly TimeSpan Pause = TimeSpan.FromSeconds(15);

    /// <summary>Redis answers in a millisecond; a call that takes longer than this is treated as Redis being away.</summary>
    internal static readonly TimeSpan Budget = TimeSpan.FromSeconds(1);
    private long _skipUntilTicks;

    public ValueTask EvictByTagAsync(string tag, CancellationToken cancellationToken) =>
        TryAsync(async () => await redis.EvictByTagAsync(tag, cancellationToken));

    public async ValueTask<byte[]?> GetAsync(string key, CancellationToken cancellationToken)
    {
        byte[]? value = null;
        await TryAsync(async () => value = await redis.GetAsync(key, cancellationToken));
        return value;
    }

    public ValueTask SetAsync(string key, byte[] value, string[]? tags, TimeSpan validFor, CancellationToken cancellationToken) =>
        TryAsync(async () => await redis.SetAsync(key, value, tags, validFor, cancellationToken));

    private async ValueTask TryAsync(Func<Task> call)
    {
        if (clock.GetUtcNow().UtcTicks < Interlocked.Read(ref _skipUntilTicks))
        {
            return;
        }

        try
        {
            await call().WaitAsync(Budget);
        }
        catch (Exception ex) when (ex is RedisException or ObjectDisposedException or TimeoutException)
        {
            Interlocked.Exchange(ref _skipUntilTicks, (clock.GetUtcNow() + Pause).UtcTicks);
            logger.LogWarning(ex, "The catalogue cache (Redis) cannot be reached; serving uncached for {Pause} s", Pause.TotalSeconds);
        }
    }

    /// <summary>Wraps the registered store (Redis) in this one.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IOutputCacheStore));
        services.Remove(registered);
        services.AddSingleton<IOutputCacheStore>(provider => new ResilientOutputCacheStore(
            registered.ImplementationInstance as IOutputCacheStore
                ?? registered.ImplementationFactory?.Invoke(provider) as IOutputCacheStore
                ?? (IOutputCacheStore)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ResilientOutputCacheStore>>()));
    }
}
