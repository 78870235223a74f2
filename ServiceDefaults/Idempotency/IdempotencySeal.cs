using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Platform.ServiceDefaults.Idempotency;

/// <summary>
/// The keys derived from one client's <c>Idempotency-Key</c> in one scope (caller and route): a lookup hash that is
/// stored, and a sealing key that is not. The optional server secret (<c>Idempotency:Secret</c>) keeps a guessable
/// key from opening a record even to someone who reads the database.
/// </summary>
internal sealed class IdempotencySeal
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    private IdempotencySeal(byte[] lookup, byte[] key) =>
        (KeyHash, LockId, _key) = (Convert.ToHexString(lookup), BinaryPrimitives.ReadInt64BigEndian(lookup), key);

    public string KeyHash { get; }

    /// <summary>The key's advisory lock in PostgreSQL (64 bits of the lookup hash: two keys sharing one only wait for each other).</summary>
    public long LockId { get; }

    public static IdempotencySeal For(string secret, string scope, string key)
    {
        var material = Encoding.UTF8.GetBytes($"{scope}\n{key}");
        var serverKey = SHA256.HashData(Encoding.UTF8.GetBytes("idempotency\n" + secret));
        var lookup = HMACSHA256.HashData(serverKey, (byte[])[.. "lookup\n"u8, .. material]);
        var sealing = HMACSHA256.HashData(serverKey, (byte[])[.. "seal\n"u8, .. material]);
        return new IdempotencySeal(lookup, sealing);
    }

    /// <summary>The request body's fingerprint, keyed too: a hash of a small body must not be a way to guess it.</summary>
    public string Fingerprint(byte[] body) => Convert.ToHexString(HMACSHA256.HashData(_key, body));

    public byte[] Seal(byte[] plain)
    {
        var sealedBody = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealedBody.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, plain, sealedBody.AsSpan(NonceSize + TagSize), sealedBody.AsSpan(NonceSize, TagSize));
        return sealedBody;
    }

    public byte[] Open(byte[] sealedBody)
    {
        var plain = new byte[sealedBody.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedBody.AsSpan(0, NonceSize), sealedBody.AsSpan(NonceSize + TagSize), sealedBody.AsSpan(NonceSize, TagSize), plain);
        return plain;
    }
}
