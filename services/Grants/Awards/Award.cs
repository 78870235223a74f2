namespace Platform.Grants.Awards;

/// <summary>A grant awarded to an application from its call's envelope.</summary>
public sealed class Award
{
    private Award() { }

    public Guid Id { get; private set; }

    public Guid CallId { get; private set; }

    public Guid ApplicationId { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "";

    public DateTimeOffset AwardedAt { get; private set; }

    public static Award Make(Guid callId, Guid applicationId, decimal amount, string currency, DateTimeOffset now) =>
        new() { Id = Guid.CreateVersion7(now), CallId = callId, ApplicationId = applicationId, Amount = amount, Currency = currency, AwardedAt = now };
}
