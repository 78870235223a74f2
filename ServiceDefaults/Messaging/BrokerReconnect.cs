using System.Reflection;
using MassTransit;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// How soon a service reconnects to the broker after losing it. MassTransit 8 fixes this for RabbitMQ and offers no
/// setting: each receive endpoint, and each send, waits on an exponential backoff from 3 s to 30 s (with jitter, up to
/// about 37 s), and an endpoint's backoff is never reset, even after hours connected. After a broker outage of a minute
/// or more, or after any earlier one, a service's consumers therefore stay idle for up to half a minute after the broker
/// is back, while the outbox has already published to it. The platform keeps MassTransit's own choice of which failures
/// are worth a reconnect (its policy's filter) and replaces only the waits, from a quarter of a second up to
/// <see cref="LongestWait"/>. A down broker then sees a connection attempt every couple of seconds per endpoint, which
/// costs it nothing; an endpoint never gives up, however long the outages add up to.
/// </summary>
public static class BrokerReconnect
{
    /// <summary>The longest wait between two attempts to reconnect: after an outage, the longest a consumer stays idle.</summary>
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Applies the platform's reconnect schedule to the bus being configured. Returns false, leaving MassTransit's
    /// schedule, when this MassTransit keeps the policy elsewhere (a new version): the broker-outage test then fails,
    /// so the upgrade cannot go unnoticed.
    /// </summary>
    public static bool ApplyTo(IRabbitMqBusFactoryConfigurator rabbit)
    {
        // Set once, while the bus is configured and before any endpoint starts: every endpoint and send reads it then.
        var host = rabbit.GetType().GetField("_hostConfiguration", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(rabbit);
        var policyField = host?.GetType().GetField("<ReceiveTransportRetryPolicy>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic);
        if (host is null || policyField?.GetValue(host) is not IRetryPolicy massTransits)
        {
            return false;
        }

        policyField.SetValue(host, Retry.CreatePolicy(retry =>
        {
            retry.Handle<Exception>(massTransits.IsHandled);
            retry.Exponential(int.MaxValue, TimeSpan.FromMilliseconds(250), LongestWait, TimeSpan.FromMilliseconds(250));
        }));
        return true;
    }
}
