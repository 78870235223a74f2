using System.Text.Json;
using System.Text.Json.Serialization;
using Platform.Contracts;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>How events are stored in the outbox, and the registry that turns a stored type name back into a type.</summary>
internal static class IntegrationEventSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static readonly Dictionary<string, Type> EventTypes = typeof(IIntegrationEvent).Assembly
        .GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IIntegrationEvent).IsAssignableFrom(t))
        .ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    public static (object Message, Type Type) Deserialize(string messageType, string payload)
    {
        if (!EventTypes.TryGetValue(messageType, out var type))
        {
            throw new InvalidOperationException($"'{messageType}' is not an integration event in Platform.Contracts.");
        }

        var message = JsonSerializer.Deserialize(payload, type, Options)
            ?? throw new InvalidOperationException($"The outbox payload of a '{messageType}' is empty.");
        return (message, type);
    }
}
