using System.Text.Json.Serialization;

namespace Platform.Identity.Api;

/// <summary>
/// The revocation request (RFC 7009), form-encoded. A public client (<c>platform-web</c>) names itself with
/// <c>client_id</c>; a machine client authenticates as at the token endpoint (Basic or <c>client_secret</c>).
/// </summary>
public sealed record RevocationForm(
    [property: JsonPropertyName("token")] string Token,
    [property: JsonPropertyName("token_type_hint")] string? TokenTypeHint = null,
    [property: JsonPropertyName("client_id")] string? ClientId = null,
    [property: JsonPropertyName("client_secret")] string? ClientSecret = null);
