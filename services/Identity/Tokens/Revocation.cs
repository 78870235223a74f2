namespace Platform.Identity.Tokens;

/// <summary>
/// One line of the revocation list the gateway and the services poll (<see cref="RevokedEntry"/>): a person or
/// client cut off (tokens issued before <see cref="IssuedBefore"/> refused), a session ended or one access token
/// revoked. Its value is kept only as a SHA-256 hash. It lives as long as an access token issued before it could:
/// the access token lifetime and the validators' clock skew; after that it is pruned.
/// </summary>
public sealed class Revocation
{
    /// <summary>The validators accept tokens up to 30 s past their <c>exp</c> (<c>ClockSkew</c>): entries outlive them by as much.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private Revocation()
    {
    }

    public long Id { get; private set; }

    public string Kind { get; private set; } = "";

    public string Hash { get; private set; } = "";

    public DateTimeOffset? IssuedBefore { get; private set; }

    public DateTimeOffset RevokedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>
    /// Every token of this subject issued in an earlier second than now is refused; those of this second are listed
    /// by id beside it (<see cref="TokenRevoker.RevokeSubjectAsync"/>), so a token issued a moment later is not.
    /// </summary>
    public static Revocation OfSubject(string subject, DateTimeOffset now, TimeSpan accessTokenLifetime) =>
        New(RevokedKinds.Subject, subject, DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds()), now, accessTokenLifetime);

    /// <summary>Every access token of this sign-in session (OpenIddict authorization) is refused.</summary>
    public static Revocation OfSession(string authorizationId, DateTimeOffset now, TimeSpan accessTokenLifetime) =>
        New(RevokedKinds.Session, authorizationId, null, now, accessTokenLifetime);

    /// <summary>This access token (its OpenIddict token id) is refused.</summary>
    public static Revocation OfToken(string tokenId, DateTimeOffset now, TimeSpan accessTokenLifetime) =>
        New(RevokedKinds.Token, tokenId, null, now, accessTokenLifetime);

    public RevokedEntry ToEntry() => new(Kind, Hash, IssuedBefore, ExpiresAt);

    private static Revocation New(string kind, string value, DateTimeOffset? issuedBefore, DateTimeOffset now, TimeSpan accessTokenLifetime) => new()
    {
        Kind = kind,
        Hash = RevocationList.Hash(value),
        IssuedBefore = issuedBefore,
        RevokedAt = now,
        ExpiresAt = now + accessTokenLifetime + ClockSkew + TimeSpan.FromSeconds(1),
    };
}
