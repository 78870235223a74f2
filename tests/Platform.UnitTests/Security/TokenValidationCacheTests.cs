using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Platform.ServiceDefaults.Security;

namespace Platform.UnitTests.Security;

/// <summary>
/// A token's signature is checked once and the result reused until the token's exp, never beyond; what fails
/// validation is never kept, and no two requests share a claims identity.
/// </summary>
public sealed class TokenValidationCacheTests : IDisposable
{
    private const string Issuer = "http://127.0.0.1:8080/api/identity/";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "k1" };
    private readonly ManualClock _clock = new(Now);
    private readonly TokenValidationCache _cache;
    private readonly CountingHandler _inner = new();
    private readonly CachingTokenHandler _handler;

    public TokenValidationCacheTests()
    {
        _cache = new TokenValidationCache(_clock);
        _handler = new CachingTokenHandler(_inner, _cache);
    }

    [Fact]
    public async Task A_valid_token_is_validated_once_and_then_answered_from_the_cache()
    {
        var token = Token(expires: Now.AddMinutes(15));

        var first = await _handler.ValidateTokenAsync(token, Parameters());
        var second = await _handler.ValidateTokenAsync(token, Parameters());

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Validations);
        Assert.Equal("capacity-team", second.ClaimsIdentity.FindFirst("role")?.Value);
        Assert.Equal("bench-client", second.ClaimsIdentity.FindFirst("sub")?.Value);
    }

    [Fact]
    public async Task Each_request_gets_its_own_claims_identity()
    {
        var token = Token(expires: Now.AddMinutes(15));
        await _handler.ValidateTokenAsync(token, Parameters());

        var one = await _handler.ValidateTokenAsync(token, Parameters());
        one.ClaimsIdentity.AddClaim(new Claim("role", "programme-admin"));
        var two = await _handler.ValidateTokenAsync(token, Parameters());

        Assert.NotSame(one.ClaimsIdentity, two.ClaimsIdentity);
        Assert.DoesNotContain(two.ClaimsIdentity.FindAll("role"), c => c.Value == "programme-admin");
    }

    [Fact]
    public async Task A_token_is_not_answered_from_the_cache_after_its_exp_and_is_then_refused()
    {
        var token = Token(expires: Now.AddMinutes(15));
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);

        _clock.Now = Now.AddMinutes(15).AddSeconds(31); // past exp and the 30 s clock skew
        var late = await _handler.ValidateTokenAsync(token, Parameters());

        Assert.False(late.IsValid);
        Assert.IsType<SecurityTokenInvalidLifetimeException>(late.Exception);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task A_token_that_fails_validation_is_not_kept()
    {
        var forged = Token(expires: Now.AddMinutes(15), key: new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" });

        Assert.False((await _handler.ValidateTokenAsync(forged, Parameters())).IsValid);
        Assert.False((await _handler.ValidateTokenAsync(forged, Parameters())).IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    [Fact]
    public async Task A_token_accepted_only_within_the_clock_skew_is_validated_every_time()
    {
        var token = Token(expires: Now.AddSeconds(-10));

        Assert.True((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.True((await _handler.ValidateTokenAsync(token, Parameters())).IsValid);
        Assert.Equal(2, _inner.Validations);
    }

    public void Dispose() => _cache.Dispose();

    private TokenValidationParameters Parameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = PlatformClaims.ApiAudience,
        IssuerSigningKey = _key,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        ValidTypes = ["at+jwt"],
        ClockSkew = TimeSpan.FromSeconds(30),
        RoleClaimType = "role",
        NameClaimType = "name",
        // The lifetime by the test's clock; the rest exactly as the services validate.
        LifetimeValidator = (notBefore, expires, _, parameters) =>
            expires is { } exp && exp.Add(parameters.ClockSkew) > _clock.GetUtcNow().UtcDateTime,
    };

    private string Token(DateTimeOffset expires, RsaSecurityKey? key = null) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = Issuer,
        Audience = PlatformClaims.ApiAudience,
        TokenType = "at+jwt",
        IssuedAt = expires.AddMinutes(-20).UtcDateTime,
        NotBefore = expires.AddMinutes(-20).UtcDateTime,
        Expires = expires.UtcDateTime,
        Claims = new Dictionary<string, object> { ["sub"] = "bench-client", ["role"] = "capacity-team" },
        SigningCredentials = new SigningCredentials(key ?? _key, SecurityAlgorithms.RsaSha256),
    });

    private sealed class CountingHandler : TokenHandler
    {
        private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

        public int Validations { get; private set; }

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Validations++;
            return _handler.ValidateTokenAsync(token, validationParameters);
        }
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
