using System.Collections.Frozen;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// What the token server has revoked while access tokens it issued earlier may still be unexpired: a person or
/// client (<see cref="RevokedKinds.Subject"/>: every token issued before <see cref="IssuedBefore"/>), a sign-in
/// session (<see cref="RevokedKinds.Session"/>, the authorization id) or one token (<see cref="RevokedKinds.Token"/>).
/// Values are SHA-256 hashes (<see cref="RevocationList.Hash"/>), so the list says nothing about anyone to
/// whoever reads it; an entry is dropped once no token it could refuse can still be valid (<see cref="ExpiresAt"/>).
/// </summary>
public sealed record RevokedEntry(string Kind, string Hash, DateTimeOffset? IssuedBefore, DateTimeOffset ExpiresAt);

/// <summary>The token server's answer at <c>GET /api/identity/connect/revocations</c>: every entry still live, each time.</summary>
public sealed record RevocationListResponse(IReadOnlyList<RevokedEntry> Entries);

public static class RevokedKinds
{
    public const string Subject = "subject";
    public const string Session = "session";
    public const string Token = "token";

    /// <summary>The private claims OpenIddict puts in its access tokens: the session (authorization) and the token entry.</summary>
    public const string AuthorizationIdClaim = "oi_au_id";
    public const string TokenIdClaim = "oi_tkn_id";
}

/// <summary>
/// The local copy of the token server's revocation list that every token validator checks after the signature
/// (cached or not): a token of a deactivated person, of an ended session or revoked itself is refused within one
/// poll. Empty at rest, so the check costs one length test per request.
/// </summary>
public sealed class RevocationList(TimeProvider clock)
{
    /// <summary>Where the token server serves the list (next to its discovery document, under the gateway's prefix).</summary>
    public const string Path = "/api/identity/connect/revocations";

    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>When the list was last fetched; <c>null</c> before the first success.</summary>
    public DateTimeOffset? RefreshedAt => _snapshot.FetchedAt;

    public int Count => _snapshot.Count;

    /// <summary>The token server's version of the list this copy is (its ETag); <c>null</c> before the first success.</summary>
    public string? Version => _snapshot.Version;

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    internal void Replace(IEnumerable<RevokedEntry> entries, DateTimeOffset fetchedAt, string? version = null) =>
        _snapshot = Snapshot.From(entries, fetchedAt, version);

    /// <summary>The token server said the list is unchanged.</summary>
    internal void Confirm(DateTimeOffset at) => _snapshot = _snapshot with { FetchedAt = at };

    /// <summary>Whether the token server has revoked the token this principal was read from.</summary>
    public bool IsRevoked(ClaimsPrincipal principal)
    {
        var snapshot = _snapshot;
        if (snapshot.Count == 0)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        if (snapshot.Subjects.Count > 0 && principal.FindFirst(PlatformClaims.Subject)?.Value is { } subject
            && snapshot.Subjects.TryGetValue(Hash(subject), out var entry) && entry.ExpiresAt > now
            && (entry.IssuedBefore is not { } cutOff || IssuedAt(principal) is not { } issuedAt || issuedAt < cutOff))
        {
            return true;
        }

        return Listed(snapshot.Sessions, principal.FindFirst(RevokedKinds.AuthorizationIdClaim)?.Value, now)
            || Listed(snapshot.Tokens, principal.FindFirst(RevokedKinds.TokenIdClaim)?.Value, now);
    }

    private static bool Listed(FrozenDictionary<string, RevokedEntry> entries, string? value, DateTimeOffset now) =>
        value is not null && entries.Count > 0 && entries.TryGetValue(Hash(value), out var entry) && entry.ExpiresAt > now;

    private static DateTimeOffset? IssuedAt(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst("iat")?.Value, out var seconds) ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    private sealed record Snapshot(
        FrozenDictionary<string, RevokedEntry> Subjects, FrozenDictionary<string, RevokedEntry> Sessions,
        FrozenDictionary<string, RevokedEntry> Tokens, DateTimeOffset? FetchedAt, string? Version)
    {
        public static readonly Snapshot Empty = new(FrozenDictionary<string, RevokedEntry>.Empty, FrozenDictionary<string, RevokedEntry>.Empty, FrozenDictionary<string, RevokedEntry>.Empty, null, null);

        public int Count => Subjects.Count + Sessions.Count + Tokens.Count;

        public static Snapshot From(IEnumerable<RevokedEntry> entries, DateTimeOffset fetchedAt, string? version)
        {
            var list = entries.ToList();
            return new Snapshot(Of(list, RevokedKinds.Subject), Of(list, RevokedKinds.Session), Of(list, RevokedKinds.Token), fetchedAt, version);
        }

        // A subject may be listed twice (deactivated, reactivated, deactivated again): the latest cut-off wins.
        private static FrozenDictionary<string, RevokedEntry> Of(List<RevokedEntry> entries, string kind) =>
            entries.Where(e => e.Kind == kind)
                .GroupBy(e => e.Hash, StringComparer.Ordinal)
                .ToFrozenDictionary(g => g.Key, g => g.MaxBy(e => (e.IssuedBefore ?? DateTimeOffset.MaxValue, e.ExpiresAt))!, StringComparer.Ordinal);
    }
}

/// <summary>
/// Follows the token server's revocation list from <c>Identity:RevocationListAddress</c> (by default next to the
/// discovery document): each request sends the version this copy has and asks to be held up to
/// <c>Identity:RevocationWait</c> (25 s) until the list changes, so a revocation arrives at once and, at rest, a
/// validator asks a few times a minute. Requests start at most once per <c>Identity:RevocationPollInterval</c> (2 s),
/// which is also how often a token server that does not hold requests is asked. Fail safe: when the list cannot be
/// fetched, the last copy stays in force and the failure is logged; nobody is refused for it.
/// </summary>
internal sealed partial class RevocationListPoller(
    RevocationList list, IHttpClientFactory httpClients, IConfiguration configuration, TimeProvider clock, ILogger<RevocationListPoller> logger)
    : BackgroundService
{
    public static TimeSpan DefaultInterval => TimeSpan.FromSeconds(2);

    public static TimeSpan DefaultWait => TimeSpan.FromSeconds(25);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var address = AddressOf(configuration);
        var interval = Setting("Identity:RevocationPollInterval", DefaultInterval);
        var wait = Setting("Identity:RevocationWait", DefaultWait);
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = clock.GetUtcNow();
            try
            {
                await FetchAsync(address, wait, stoppingToken);
                if (failing)
                {
                    failing = false;
                    LogRecovered(address);
                }
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested)
            {
                return; // Stopping: whatever the last fetch met (a token server stopping first) is nobody's concern.
            }
            catch (Exception ex)
            {
                if (!failing)
                {
                    failing = true;
                    LogFailed(ex, address, list.Count);
                }
            }

            // Never in a loop: a token server that answers at once (or fails) is asked again only after the interval.
            var pause = started + interval - clock.GetUtcNow();
            if (pause > TimeSpan.Zero && !await DelayAsync(pause, stoppingToken))
            {
                return;
            }
        }
    }

    private async Task FetchAsync(Uri address, TimeSpan wait, CancellationToken stoppingToken)
    {
        // A poll is housekeeping, not work: traced, it would flood the dashboard (and the token server's side of it is
        // not traced either, ServiceDefaultsExtensions.IsHousekeeping).
        using var untraced = SuppressInstrumentationScope.Begin();
        using var http = httpClients.CreateClient(AuthenticationExtensions.RevocationClientName);
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        attempt.CancelAfter(wait + TimeSpan.FromSeconds(15));
        using var request = new HttpRequestMessage(HttpMethod.Get, list.Version is null
            ? address
            : new UriBuilder(address) { Query = $"wait={(int)wait.TotalSeconds}" }.Uri);
        if (list.Version is { } version)
        {
            request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        }

        using var response = await http.SendAsync(request, attempt.Token);
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            list.Confirm(clock.GetUtcNow());
            return;
        }

        response.EnsureSuccessStatusCode();
        var answer = await response.Content.ReadFromJsonAsync<RevocationListResponse>(attempt.Token);
        list.Replace(answer?.Entries ?? [], clock.GetUtcNow(), response.Headers.ETag?.Tag.Trim('"'));
    }

    private TimeSpan Setting(string name, TimeSpan fallback) =>
        configuration.GetValue<TimeSpan?>(name) is { } configured && configured > TimeSpan.Zero ? configured : fallback;

    /// <summary><c>Identity:RevocationListAddress</c>, or <c>connect/revocations</c> under the token server, found from the discovery document's address.</summary>
    public static Uri AddressOf(IConfiguration configuration)
    {
        if (configuration["Identity:RevocationListAddress"] is { Length: > 0 } configured)
        {
            return new Uri(configured);
        }

        var issuer = configuration["Identity:Issuer"] ?? throw new InvalidOperationException("Identity:Issuer is not set.");
        var metadata = new Uri(configuration["Identity:MetadataAddress"] ?? $"{issuer.TrimEnd('/')}/.well-known/openid-configuration");
        return new Uri(metadata, "../connect/revocations");
    }

    private async Task<bool> DelayAsync(TimeSpan pause, CancellationToken ct)
    {
        try
        {
            await Task.Delay(pause, clock, ct);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The token server's revocation list at {Address} cannot be fetched; the last copy ({Count} entries) stays in force")]
    private partial void LogFailed(Exception exception, Uri address, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "The token server's revocation list at {Address} is fetched again")]
    private partial void LogRecovered(Uri address);
}
