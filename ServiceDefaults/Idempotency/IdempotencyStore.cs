using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Platform.ServiceDefaults.Idempotency;

/// <summary>A command's recorded response, replayed byte for byte to a client that repeats its key.</summary>
internal sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, byte[] Body);

/// <summary>What Redis holds under one idempotency key: who claimed it (by request fingerprint) and, once done, the response.</summary>
internal sealed record IdempotencyRecord(string Fingerprint, StoredResponse? Response);

internal sealed class IdempotencyStore(IConnectionMultiplexer redis, IHostEnvironment environment, IOptions<IdempotencyOptions> options)
{
    private IDatabase Db => redis.GetDatabase();

    public RedisKey KeyFor(string scope, string key) => $"idempotency:{environment.ApplicationName}:{scope}:{key}";

    /// <summary>Claims the key for a new request; returns the existing record if someone claimed it first.</summary>
    public async Task<IdempotencyRecord?> TryClaimAsync(RedisKey key, string fingerprint)
    {
        var claim = JsonSerializer.Serialize(new IdempotencyRecord(fingerprint, null));
        if (await Db.StringSetAsync(key, claim, options.Value.InFlightTimeout, When.NotExists))
        {
            return null;
        }

        var existing = await Db.StringGetAsync(key);
        return existing.HasValue ? JsonSerializer.Deserialize<IdempotencyRecord>(existing.ToString()) : await TryClaimAsync(key, fingerprint);
    }

    public Task CompleteAsync(RedisKey key, string fingerprint, StoredResponse response) =>
        Db.StringSetAsync(key, JsonSerializer.Serialize(new IdempotencyRecord(fingerprint, response)), options.Value.Retention);

    public Task ReleaseAsync(RedisKey key) => Db.KeyDeleteAsync(key);
}
