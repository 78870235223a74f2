using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Platform.Identity.Data;

namespace Platform.Identity.Keys;

/// <summary>
/// Loads the server's signing and encryption keys from the identity database, creating them on the very first
/// start. Several instances starting at once agree on one key of each kind (an advisory lock serialises the
/// check-and-create). Newest first, so that a key added later (rotation) signs while older ones still validate.
/// </summary>
public sealed partial class ServerKeyRing(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ServerKeyRing> logger)
{
    // Any constant shared by all instances of the identity service: the advisory lock that guards key creation.
    private const long CreateKeysLock = 0x1D_E471_7E45;

    private readonly Lock _gate = new();
    private (IReadOnlyList<SecurityKey> Signing, IReadOnlyList<SecurityKey> Encryption)? _keys;

    public IReadOnlyList<SecurityKey> SigningKeys => Load().Signing;

    public IReadOnlyList<SecurityKey> EncryptionKeys => Load().Encryption;

    private (IReadOnlyList<SecurityKey> Signing, IReadOnlyList<SecurityKey> Encryption) Load()
    {
        lock (_gate)
        {
            return _keys ??= LoadOrCreate();
        }
    }

    private (IReadOnlyList<SecurityKey>, IReadOnlyList<SecurityKey>) LoadOrCreate()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var keys = db.Database.CreateExecutionStrategy().Execute(() =>
        {
            using var transaction = db.Database.BeginTransaction();
            db.Database.ExecuteSql($"SELECT pg_advisory_xact_lock({CreateKeysLock})");
            var stored = db.ServerKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToList();
            foreach (var use in new[] { ServerKey.Signing, ServerKey.Encryption })
            {
                if (!stored.Any(k => k.Use == use))
                {
                    var key = ServerKey.Generate(use, clock.GetUtcNow());
                    db.ServerKeys.Add(key);
                    stored.Insert(0, key);
                    LogKeyCreated(use, key.Id);
                }
            }

            db.SaveChanges();
            transaction.Commit();
            db.ChangeTracker.Clear();
            return stored;
        });

        return (
            keys.Where(k => k.Use == ServerKey.Signing).Select(k => (SecurityKey)k.ToSecurityKey()).ToList(),
            keys.Where(k => k.Use == ServerKey.Encryption).Select(k => (SecurityKey)k.ToSecurityKey()).ToList());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created a new {Use} key {KeyId} for the token server (first start on this database)")]
    private partial void LogKeyCreated(string use, string keyId);
}

/// <summary>Hands the persisted keys to OpenIddict when its options are first built.</summary>
internal sealed class ServerKeyOptions(ServerKeyRing keyRing) : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        foreach (var key in keyRing.SigningKeys)
        {
            options.SigningCredentials.Add(new SigningCredentials(key, SecurityAlgorithms.RsaSha256));
        }

        foreach (var key in keyRing.EncryptionKeys)
        {
            options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}

/// <summary>Loads (or creates) the keys at start-up, after the migrations, so the first token request does not wait and a broken key fails the start.</summary>
internal sealed class ServerKeyLoader(ServerKeyRing keyRing) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.Run(() => _ = keyRing.SigningKeys, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
