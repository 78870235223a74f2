namespace Platform.ServiceDefaults.Messaging;

/// <summary>The service's queue names: <c>{prefix}-{consumer}</c>, the prefix being the service name unless configured.</summary>
public sealed record QueueNames(string Prefix)
{
    public string For(string consumer) => $"{Prefix}-{consumer}";
}
