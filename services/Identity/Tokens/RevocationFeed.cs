using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Platform.Identity.Data;

namespace Platform.Identity.Tokens;

/// <summary>
/// The revocation list as the validators read it: the live entries and a version (their hash, sent as the ETag). A
/// validator that already has the current version is held (<see cref="NextAsync"/>) until the list changes or its wait
/// ends, so at rest each validator asks a few times a minute instead of every two seconds, and a revocation reaches
/// every validator at once. The list is read from the database when a revocation is committed, by this instance or
/// another replica (<see cref="Changed"/>, from the database's notification, <see cref="RevocationListener"/>), and,
/// while anyone is held, every 30 s all the same; every <c>Identity:RevocationFeedInterval</c> (1 s) while nothing is
/// listening for the notifications.
/// </summary>
public sealed partial class RevocationFeed(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RevocationFeed> logger)
    : BackgroundService
{
    private static readonly TimeSpan WhileNotified = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _read = new(0, 1);
    private volatile bool _notified;
    private volatile Published? _current;
    private TaskCompletionSource<Published> _next = NewNext();
    private int _held;

    /// <summary>The list at one moment and its version.</summary>
    public sealed record Published(IReadOnlyList<RevokedEntry> Entries, string Version);

    /// <summary>
    /// The list now if <paramref name="known"/> is not its version (read afresh when <paramref name="known"/> is null); otherwise the list once it changes, or null when
    /// <paramref name="wait"/> ends first (or the server stops).
    /// </summary>
    public async Task<Published?> NextAsync(string? known, TimeSpan wait, CancellationToken ct)
    {
        // A reader with no copy (a validator starting, a person looking) reads the database: the cached list may be a
        // tick behind a revocation just committed.
        var current = known is null || _current is null ? await ReadAsync(ct) : _current;
        if (current.Version != known || wait <= TimeSpan.Zero)
        {
            return current;
        }

        var next = Volatile.Read(ref _next).Task;
        Interlocked.Increment(ref _held);
        try
        {
            // A change between reading _current and taking _next is seen here rather than missed.
            if (_current is { } latest && latest.Version != known)
            {
                return latest;
            }

            return await next.WaitAsync(wait, clock, ct);
        }
        catch (TimeoutException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return null; // the server is stopping
        }
        finally
        {
            Interlocked.Decrement(ref _held);
        }
    }

    /// <summary>
    /// The database notifies every instance of each committed revocation (true), or that notification stopped (false):
    /// the feed then reads every <c>Identity:RevocationFeedInterval</c> while anyone is held.
    /// </summary>
    public void Notified(bool notified) => _notified = notified;

    /// <summary>A revocation was listed (by this instance, or committed anywhere): read the list now.</summary>
    public void Changed()
    {
        if (_read.CurrentCount == 0)
        {
            try
            {
                _read.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller asked for the same read a moment ago.
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue<TimeSpan?>("Identity:RevocationFeedInterval") is { } configured && configured > TimeSpan.Zero
            ? configured
            : TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var asked = await _read.WaitAsync(_notified ? WhileNotified : interval, stoppingToken);
                if (asked || Volatile.Read(ref _held) > 0)
                {
                    await ReadAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogReadFailed(ex); // the held validators keep the copy they have; the next tick tries again
            }
        }

        // Stopping: let the held validators go with what they have rather than keep the server's shutdown waiting.
        Volatile.Read(ref _next).TrySetCanceled(stoppingToken);
    }

    private async Task<Published> ReadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdentityDbContext>();
        var now = clock.GetUtcNow();
        var live = await db.Revocations.AsNoTracking().Where(r => r.ExpiresAt > now).OrderBy(r => r.Id).ToListAsync(ct);
        var entries = live.ConvertAll(r => r.ToEntry());
        var published = new Published(entries, VersionOf(entries));
        if (_current is { } current && current.Version == published.Version)
        {
            return current;
        }

        _current = published;
        Interlocked.Exchange(ref _next, NewNext()).TrySetResult(published);
        return published;
    }

    private static string VersionOf(List<RevokedEntry> entries)
    {
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(entry.Kind).Append(' ').Append(entry.Hash).Append(' ').Append(entry.IssuedBefore?.ToUnixTimeMilliseconds())
                .Append(' ').Append(entry.ExpiresAt.ToUnixTimeMilliseconds()).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32];
    }

    private static TaskCompletionSource<Published> NewNext() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The revocation list cannot be read from the database; held validators keep their copy")]
    private partial void LogReadFailed(Exception exception);
}
