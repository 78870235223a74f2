using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace Platform.Identity.Tokens;

/// <summary>
/// After OpenIddict has revoked the token sent to the revocation endpoint (RFC 7009): a refresh token ends its whole
/// session (the authorization, with every token of it), and an access token goes on the revocation list, so
/// the gateway and the services refuse it within seconds instead of at its <c>exp</c>.
/// </summary>
public sealed class ListRevokedToken(TokenRevoker revoker) : IOpenIddictServerHandler<HandleRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleRevocationRequestContext>()
            .UseScopedHandler<ListRevokedToken>()
            .SetOrder(OpenIddictServerHandlers.Revocation.RevokeToken.Descriptor.Order + 1_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(HandleRevocationRequestContext context)
    {
        if (context.GenericTokenPrincipal is not { } principal)
        {
            return;
        }

        var ct = context.CancellationToken;
        if (principal.HasTokenType(TokenTypeIdentifiers.RefreshToken) && principal.GetAuthorizationId() is { } authorizationId)
        {
            await revoker.EndSessionAsync(authorizationId, ct);
        }
        else if (principal.HasTokenType(TokenTypeIdentifiers.AccessToken) && principal.GetTokenId() is { } tokenId)
        {
            await revoker.RevokeAccessTokenAsync(tokenId, ct);
        }
    }
}

/// <summary>
/// RFC 7009 §2.1: a token issued to another client is not revoked and the caller is told so. OpenIddict refuses it
/// too, but as <c>invalid_token</c>, which its RFC 7009 normalisation turns into the 200 meant for unknown tokens:
/// the client would believe a token revoked that still works.
/// </summary>
public sealed class RefuseAnotherClientsToken : IOpenIddictServerHandler<ValidateRevocationRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateRevocationRequestContext>()
            .UseSingletonHandler<RefuseAnotherClientsToken>()
            .SetOrder(OpenIddictServerHandlers.Revocation.ValidateAuthorizedParty.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateRevocationRequestContext context)
    {
        if (context.GenericTokenPrincipal is { } principal && !string.IsNullOrEmpty(context.ClientId))
        {
            var presenters = principal.GetPresenters();
            if (presenters.Length > 0 && !presenters.Contains(context.ClientId, StringComparer.Ordinal)
                && !principal.GetAudiences().Contains(context.ClientId, StringComparer.Ordinal))
            {
                context.Reject(Errors.UnauthorizedClient, "The token was issued to another client: it has not been revoked.");
            }
        }

        return ValueTask.CompletedTask;
    }
}
