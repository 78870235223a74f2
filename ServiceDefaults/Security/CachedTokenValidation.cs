using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.Tokens;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// Tokens validated once, kept until they expire. Checking an RS256 signature is the largest cost of a request
/// through the gateway (profiled: about a sixth of its CPU), and a client sends the same access token with every
/// request for its lifetime. Only valid tokens are kept, keyed by their SHA-256 hash (the token itself is never
/// stored), each until its own <c>exp</c> and never beyond: an expired token misses the cache, is validated in
/// full and refused. Bounded: at most <see cref="MaxEntries"/> tokens; when full, older entries are evicted and
/// a token that finds no room is simply validated every time.
/// </summary>
public sealed class TokenValidationCache : IDisposable
{
    public const int MaxEntries = 10_000;

    private readonly MemoryCache _cache;
    private readonly TimeProvider _clock;

    public TokenValidationCache(TimeProvider clock)
    {
        _clock = clock;
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = MaxEntries });
    }

    internal bool TryGet(string token, out TokenValidationResult result)
    {
        if (_cache.TryGetValue(KeyOf(token), out CachedToken? cached) && cached is not null && cached.ExpiresAt > _clock.GetUtcNow())
        {
            result = cached.NewResult();
            return true;
        }

        result = null!;
        return false;
    }

    internal void Add(string token, TokenValidationResult result)
    {
        // A token without an expiry (ValidTo unset) is not kept: it would have to be kept for ever.
        if (!result.IsValid || result.ClaimsIdentity is null || result.SecurityToken is not { ValidTo: var validTo } || validTo == DateTime.MinValue)
        {
            return;
        }

        var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc));
        if (expiresAt <= _clock.GetUtcNow())
        {
            return; // Accepted within the clock skew, already past its exp: validate it in full each time.
        }

        _cache.Set(KeyOf(token), new CachedToken(result, expiresAt), new MemoryCacheEntryOptions { AbsoluteExpiration = expiresAt, Size = 1 });
    }

    public void Dispose() => _cache.Dispose();

    private static string KeyOf(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(token.Length);
        var bytes = length <= 4096 ? stackalloc byte[length] : new byte[length];
        var written = Encoding.UTF8.GetBytes(token, bytes);
        SHA256.HashData(bytes[..written], hash);
        return Convert.ToHexString(hash);
    }

    private sealed class CachedToken(TokenValidationResult result, DateTimeOffset expiresAt)
    {
        public DateTimeOffset ExpiresAt { get; } = expiresAt;

        /// <summary>A result of its own for each request: a claims identity is mutable, so no two requests share one.</summary>
        public TokenValidationResult NewResult() => new()
        {
            IsValid = true,
            ClaimsIdentity = (ClaimsIdentity)result.ClaimsIdentity.Clone(),
            SecurityToken = result.SecurityToken,
            Issuer = result.Issuer,
            TokenType = result.TokenType,
        };
    }
}

/// <summary>Answers from the cache what it can and validates the rest with the handler it wraps.</summary>
internal sealed class CachingTokenHandler(TokenHandler inner, TokenValidationCache cache) : TokenHandler
{
    public override int MaximumTokenSizeInBytes
    {
        get => inner.MaximumTokenSizeInBytes;
        set => inner.MaximumTokenSizeInBytes = value;
    }

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (cache.TryGet(token, out var cached))
        {
            return cached;
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        cache.Add(token, result);
        return result;
    }

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);
}
