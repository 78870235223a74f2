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

    private static string ShortName(string typeName) => typeName[(typeName.LastIndexOf('.') + 1)..];
}
