using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Platform.Identity.Keys;

/// <summary>
/// An RSA key of the token server, kept in its database so that tokens signed (or encrypted) before a restart
/// still validate after it. <see cref="Use"/> is <c>sig</c> (signs access and identity tokens, published in
/// the JWKS) or <c>enc</c> (encrypts authorization codes and refresh tokens, never published).
/// </summary>
public sealed class ServerKey
{
    public const string Signing = "sig";
    public const string Encryption = "enc";

    private ServerKey()
    {
    }

    /// <summary>The key id (<c>kid</c>) tokens name.</summary>
    public string Id { get; private set; } = "";

    public string Use { get; private set; } = "";

    /// <summary>PKCS#8, unencrypted: the identity database is as secret as the key (see the README).</summary>
    public byte[] PrivateKey { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public static ServerKey Generate(string use, DateTimeOffset now)
    {
        using var rsa = RSA.Create(2048);
        return new ServerKey
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            Use = use,
            PrivateKey = rsa.ExportPkcs8PrivateKey(),
            CreatedAt = now,
        };
    }

    public RsaSecurityKey ToSecurityKey()
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(PrivateKey, out _);
        return new RsaSecurityKey(rsa) { KeyId = Id };
    }
}
