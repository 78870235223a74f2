namespace Platform.Contracts.Capacity;

/// <summary>
/// An organisation's registry entry changed. <see cref="Version"/> grows with every change, so a projection
/// can ignore an update that arrives after a newer one.
/// </summary>
public sealed record OrganizationUpdated(
    Guid OrganizationId,
    IReadOnlyDictionary<string, string> Name,
    OrganizationType Type,
    string Municipality,
    int Version) : IntegrationEvent;
