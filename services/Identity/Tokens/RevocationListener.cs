using Platform.Identity.Data;
using Platform.ServiceDefaults.Data;

namespace Platform.Identity.Tokens;

/// <summary>
/// Tells the feed of every replica of the token server that a revocation was committed: a statement trigger on
/// <c>revocations</c> notifies <see cref="Channel"/> (migration <c>RevocationsNotify</c>). So the feed reads the list
/// when it changes, not once a second in case another replica changed it.
/// </summary>
public sealed class RevocationListener(IServiceScopeFactory scopes, RevocationFeed feed, TimeProvider clock, ILogger<RevocationListener> logger)
    : DatabaseListener<IdentityDbContext>(scopes, clock, logger)
{
    public const string ChannelName = "revocations";

    protected override string Channel => ChannelName;

    protected override void OnNotification(int backend) => feed.Changed();

    protected override void OnListening()
    {
        feed.Notified(true);
        feed.Changed(); // a revocation committed while nobody listened
    }

    protected override void OnLost()
    {
        feed.Notified(false);
        feed.Changed(); // ends a wait begun while notified: from now on the feed reads every second itself
    }
}
