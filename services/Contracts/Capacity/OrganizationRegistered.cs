namespace Platform.Contracts.Capacity;

/// <summary>An organisation was entered in Capacity's registry. Organisation names are public, not personal data.</summary>
public sealed record OrganizationRegistered(
    Guid OrganizationId,
    IReadOnlyDictionary<string, string> Name,
    OrganizationType Type,
    string Municipality,
    int Version) : IntegrationEvent;
