using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using Platform.Identity.Clients;
using Platform.Identity.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Tokens;

/// <summary>
/// What the token server says about a caller. Access tokens carry <c>sub</c>, <c>name</c>, one <c>role</c>
/// claim per role, <c>organization_id</c> (or, for a graduate, <c>participant_id</c>) for an applicant and <c>client_id</c>; the audience is
/// <c>platform-api</c> when that scope was granted. Identity tokens carry the profile only when asked for.
/// </summary>
public static class TokenIdentities
{
    /// <summary>The scopes a person's sign-in may grant (what the client asked for, within these).</summary>
    public static readonly ImmutableArray<string> PersonScopes =
        [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.Roles, Scopes.OfflineAccess, PlatformClaims.ApiScope];

    /// <summary>
    /// A person's identity. On a code or refresh token exchange, <paramref name="previous"/> is what the code or
    /// token carried (its authorization id among it): the person's claims are read again, so a changed role
    /// shows in the next token.
    /// </summary>
    public static ClaimsIdentity ForPerson(PlatformUser user, string clientId, IEnumerable<string> scopes, ClaimsPrincipal? previous = null)
    {
        var identity = previous is null ? NewIdentity() : new ClaimsIdentity(previous.Claims, "OpenIddict.Server.AspNetCore", Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.DisplayName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(PlatformClaims.ClientId, clientId)
            .SetClaims(Claims.Role, [user.Role])
            .SetClaim(PlatformClaims.OrganizationId, user.OrganizationId?.ToString())
            .SetClaim(PlatformClaims.ParticipantId, user.ParticipantId?.ToString());

        return Finish(identity, scopes.Intersect(PersonScopes, StringComparer.Ordinal));
    }

    /// <summary>A machine client acts as itself: its client id is also the subject.</summary>
    public static ClaimsIdentity ForClient(MachineClient client, IEnumerable<string> requestedScopes)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, client.ClientId)
            .SetClaim(Claims.Name, client.DisplayName)
            .SetClaim(PlatformClaims.ClientId, client.ClientId)
            .SetClaims(Claims.Role, [.. client.Roles]);
        if (client.OrganizationId is { } organizationId)
        {
            identity.SetClaim(PlatformClaims.OrganizationId, organizationId.ToString());
        }

        if (client.ParticipantId is { } participantId)
        {
            identity.SetClaim(PlatformClaims.ParticipantId, participantId.ToString());
        }

        // A client that names no scope gets the platform API: that is all a machine client may ask for.
        var scopes = requestedScopes.ToList();
        return Finish(identity, scopes.Count == 0 ? [PlatformClaims.ApiScope] : scopes);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(authenticationType: "OpenIddict.Server.AspNetCore", nameType: Claims.Name, roleType: Claims.Role);

    private static ClaimsIdentity Finish(ClaimsIdentity identity, IEnumerable<string> scopes)
    {
        var granted = scopes.Distinct(StringComparer.Ordinal).ToImmutableArray();
        identity.SetScopes(granted);
        if (granted.Contains(PlatformClaims.ApiScope))
        {
            identity.SetResources(PlatformClaims.ApiAudience);
        }

        identity.SetDestinations(claim => DestinationsOf(claim, granted));
        return identity;
    }

    private static IEnumerable<string> DestinationsOf(Claim claim, ImmutableArray<string> scopes)
    {
        var idToken = scopes.Contains(Scopes.OpenId);
        switch (claim.Type)
        {
            case Claims.Subject:
                yield return Destinations.AccessToken;
                if (idToken)
                {
                    yield return Destinations.IdentityToken;
                }

                yield break;

            case Claims.Name or Claims.Role or PlatformClaims.OrganizationId or PlatformClaims.ParticipantId:
                yield return Destinations.AccessToken;
                if (idToken && (scopes.Contains(Scopes.Profile) || (claim.Type == Claims.Role && scopes.Contains(Scopes.Roles))))
                {
                    yield return Destinations.IdentityToken;
                }

                yield break;

            // Personal data stays out of access tokens (services log and trace requests); the person's own client may have it.
            case Claims.Email:
                if (idToken && scopes.Contains(Scopes.Email))
                {
                    yield return Destinations.IdentityToken;
                }

                yield break;

            case PlatformClaims.ClientId:
                yield return Destinations.AccessToken;
                yield break;

            // Anything else (security stamps and the like) never leaves the server.
            default:
                yield break;
        }
    }
}
