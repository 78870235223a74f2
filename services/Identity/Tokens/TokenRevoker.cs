using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using static OpenIddict.Abstractions.OpenIddictConstants;
using Platform.Identity.Data;

namespace Platform.Identity.Tokens;

/// <summary>
/// Revokes in the token server's own store (so no refresh token or code of it works again) and lists on the
/// revocation list (so the gateway and the services, following it, refuse its access tokens within a second). Runs inside the
/// caller's transaction when there is one.
/// </summary>
public sealed class TokenRevoker(
    IdentityDbContext db, IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations, TokenServerSettings settings, RevocationFeed feed, TimeProvider clock)
{
    /// <summary>
    /// A person deactivated, a machine client's secret rotated or the client removed: everything it holds. Listed
    /// twice over: the subject, refusing tokens issued in any earlier second, and each token it holds now by id, which
    /// covers the tokens of this very second. JWTs date themselves in whole seconds: a cut-off alone could not tell
    /// a token from just before from one issued just after (with a new secret, or after a quick reactivation).
    /// </summary>
    public async Task RevokeSubjectAsync(string subject, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var live = await db.Set<OpenIddictEntityFrameworkCoreToken>().AsNoTracking()
            .Where(t => t.Subject == subject && t.Status == Statuses.Valid && (t.ExpirationDate == null || t.ExpirationDate > now.UtcDateTime))
            .Select(t => t.Id!)
            .ToListAsync(ct);
        await authorizations.RevokeBySubjectAsync(subject, ct);
        await tokens.RevokeBySubjectAsync(subject, ct);
        await ListAsync([Revocation.OfSubject(subject, now, settings.AccessTokenLifetime), .. live.Select(id => Revocation.OfToken(id, now, settings.AccessTokenLifetime))], ct);
    }

    /// <summary>A sign-in session ends (sign-out, its refresh token revoked): its authorization, refresh and access tokens.</summary>
    public async Task EndSessionAsync(string authorizationId, CancellationToken ct)
    {
        if (await authorizations.FindByIdAsync(authorizationId, ct) is { } authorization)
        {
            await authorizations.TryRevokeAsync(authorization, ct);
        }

        await tokens.RevokeByAuthorizationIdAsync(authorizationId, ct);
        await ListAsync(Revocation.OfSession(authorizationId, clock.GetUtcNow(), settings.AccessTokenLifetime), ct);
    }

    /// <summary>One access token revoked (RFC 7009); OpenIddict has marked its entry already.</summary>
    public Task RevokeAccessTokenAsync(string tokenId, CancellationToken ct) =>
        ListAsync(Revocation.OfToken(tokenId, clock.GetUtcNow(), settings.AccessTokenLifetime), ct);

    private Task ListAsync(Revocation revocation, CancellationToken ct) => ListAsync([revocation], ct);

    private async Task ListAsync(List<Revocation> revocations, CancellationToken ct)
    {
        // Pruned here, not on the validators' reads: the table grows only when someone is revoked.
        var now = clock.GetUtcNow();
        await db.Revocations.Where(r => r.ExpiresAt <= now).ExecuteDeleteAsync(ct);
        db.Revocations.AddRange(revocations);
        await db.SaveChangesAsync(ct);
        // Read at once when there is no transaction around; otherwise the database's notification of the commit reads it.
        feed.Changed();
    }
}
