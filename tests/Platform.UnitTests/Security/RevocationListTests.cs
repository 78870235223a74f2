using System.Security.Claims;
using Platform.ServiceDefaults.Security;

namespace Platform.UnitTests.Security;

/// <summary>
/// What a validator refuses from its copy of the token server's revocation list: a deactivated subject's tokens
/// issued before the cut-off (not those issued after a reactivation), an ended session's and a revoked token's,
/// each only while the entry lives; an empty list refuses nothing.
/// </summary>
public sealed class RevocationListTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
    private readonly ManualClock _clock = new(Now);
    private readonly RevocationList _list;

    public RevocationListTests() => _list = new RevocationList(_clock);

    [Fact]
    public void An_empty_list_refuses_nothing() => Assert.False(_list.IsRevoked(Principal("person-1", Now.AddMinutes(-1))));

    [Fact]
    public void A_subjects_tokens_from_before_the_cut_off_are_refused_and_later_ones_are_not()
    {
        _list.Replace([new RevokedEntry(RevokedKinds.Subject, RevocationList.Hash("person-1"), Now, Now.AddMinutes(16))], Now);

        Assert.True(_list.IsRevoked(Principal("person-1", Now.AddMinutes(-10))));
        Assert.False(_list.IsRevoked(Principal("person-1", Now.AddSeconds(5))));
        Assert.False(_list.IsRevoked(Principal("person-2", Now.AddMinutes(-10))));
    }

    [Fact]
    public void A_token_without_an_issue_time_of_a_listed_subject_is_refused() =>
        AssertRefusedWhileLive(RevokedKinds.Subject, "person-1", new ClaimsPrincipal(new ClaimsIdentity([new Claim(PlatformClaims.Subject, "person-1")], "test")));

    [Fact]
    public void A_session_or_a_token_listed_is_refused_whatever_its_subject() =>
        Assert.Multiple(
            () => AssertRefusedWhileLive(RevokedKinds.Session, "authorization-7", Principal("person-3", Now.AddMinutes(-1), authorizationId: "authorization-7")),
            () => AssertRefusedWhileLive(RevokedKinds.Token, "token-9", Principal("client-a", Now.AddMinutes(-1), tokenId: "token-9")));

    [Fact]
    public void A_subject_listed_twice_is_cut_off_at_the_latest_deactivation()
    {
        _list.Replace(
        [
            new RevokedEntry(RevokedKinds.Subject, RevocationList.Hash("person-1"), Now.AddMinutes(-5), Now.AddMinutes(11)),
            new RevokedEntry(RevokedKinds.Subject, RevocationList.Hash("person-1"), Now, Now.AddMinutes(16)),
        ], Now);

        Assert.True(_list.IsRevoked(Principal("person-1", Now.AddMinutes(-2))));
    }

    private void AssertRefusedWhileLive(string kind, string value, ClaimsPrincipal principal)
    {
        _clock.Now = Now;
        _list.Replace([new RevokedEntry(kind, RevocationList.Hash(value), null, Now.AddMinutes(16))], Now);
        Assert.True(_list.IsRevoked(principal));

        // Past the entry's expiry no token it could refuse is valid anyway: it no longer refuses.
        _clock.Now = Now.AddMinutes(17);
        Assert.False(_list.IsRevoked(principal));
    }

    private static ClaimsPrincipal Principal(string subject, DateTimeOffset issuedAt, string? authorizationId = null, string? tokenId = null)
    {
        var claims = new List<Claim> { new(PlatformClaims.Subject, subject), new("iat", issuedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (authorizationId is not null)
        {
            claims.Add(new Claim(RevokedKinds.AuthorizationIdClaim, authorizationId));
        }

        if (tokenId is not null)
        {
            claims.Add(new Claim(RevokedKinds.TokenIdClaim, tokenId));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
