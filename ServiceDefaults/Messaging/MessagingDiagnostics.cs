using System.Diagnostics;

namespace Platform.ServiceDefaults.Messaging;

public static class MessagingDiagnostics
{
    public const string ActivitySourceName = "Platform.Messaging";

    private static readonly ActivitySource Source = new(ActivitySourceName);

    /// <summary>
    /// Continues the trace of the request that committed the event, so that MassTransit's publish span and the
    /// consumer's span hang under it rather than under the dispatcher's loop.
    /// </summary>
    internal static Activity? StartPublish(OutboxMessage message)
    {
        ActivityContext.TryParse(message.TraceParent, message.TraceState, out var parent);
        var activity = Source.StartActivity($"outbox dispatch {ShortName(message.MessageType)}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", message.Id);
        activity?.SetTag("platform.outbox.attempt", message.Attempts + 1);
        return activity;
    }

    /// <summary>A claim that found events: the root of the batch's work (its publishes continue their requests' traces).</summary>
    internal static Activity? StartClaim(int count)
    {
        var activity = Source.StartActivity("outbox claim", ActivityKind.Internal, parentContext: default);
        activity?.SetTag("platform.outbox.batch_size", count);
        return activity;
    }

    /// <summary>
    /// Work that must not create spans (the outbox poll, housekeeping): a poll every second that finds nothing would
    /// otherwise fill the trace store with empty traces.
    /// </summary>
    internal static IDisposable Untraced()
    {
        Activity.Current = null;
        return OpenTelemetry.SuppressInstrumentationScope.Begin();
    }

    private static string ShortName(string typeName) => typeName[(typeName.LastIndexOf('.') + 1)..];
}
