using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.IntegrationTests.Infrastructure;

/// <summary>Reads real access tokens and makes the false ones an attacker would try, byte by byte.</summary>
public static class Jwts
{
    public static JsonObject Header(string jwt) => Decode(jwt.Split('.')[0]);

    public static JsonObject Payload(string jwt) => Decode(jwt.Split('.')[1]);

    /// <summary>The same header and claims, signed RS256 by a key of our own (announced under <paramref name="keyId"/>).</summary>
    public static string SignedByOwnKey(string jwt, string keyId)
    {
        var header = Header(jwt);
        header["kid"] = keyId;
        var signingInput = $"{Encode(header)}.{Encode(Payload(jwt))}";
        using var rsa = RSA.Create(2048);
        var signature = rsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{signingInput}.{Base64Url(signature)}";
    }

    /// <summary>The same claims with <c>"alg":"none"</c> and no signature.</summary>
    public static string Unsigned(string jwt)
    {
        var header = Header(jwt);
        header["alg"] = "none";
        header.Remove("kid");
        return $"{Encode(header)}.{Encode(Payload(jwt))}.";
    }

    /// <summary>The real header and signature over claims changed by <paramref name="change"/>.</summary>
    public static string Tampered(string jwt, Action<JsonObject> change)
    {
        var parts = jwt.Split('.');
        var payload = Payload(jwt);
        change(payload);
        return $"{parts[0]}.{Encode(payload)}.{parts[2]}";
    }

    private static JsonObject Decode(string part) =>
        JsonNode.Parse(Convert.FromBase64String(part.Replace('-', '+').Replace('_', '/').PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=')))!.AsObject();

    private static string Encode(JsonObject json) => Base64Url(Encoding.UTF8.GetBytes(json.ToJsonString(new JsonSerializerOptions { WriteIndented = false })));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
