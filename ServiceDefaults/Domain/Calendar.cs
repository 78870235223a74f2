namespace Platform.ServiceDefaults.Domain;

/// <summary>Calendar helpers: "today" is the UTC calendar day of the injected clock.</summary>
public static class Calendar
{
    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public static DateOnly Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
