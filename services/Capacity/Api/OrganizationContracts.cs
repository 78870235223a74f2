using Platform.Capacity.Organizations;
using Platform.Contracts.Capacity;

namespace Platform.Capacity.Api;

/// <summary>What a client sends to register or update an organisation.</summary>
public sealed record OrganizationRequest(
    Dictionary<string, string?>? Name,
    OrganizationType? Type,
    string? Municipality,
    List<string?>? Languages = null,
    string? Email = null,
    string? Phone = null,
    string? Website = null,
    string? RegistrationNumber = null,
    Dictionary<string, string?>? Description = null)
{
    public OrganizationDetails? ToDetails(ValidationErrors errors) =>
        OrganizationDetails.Create(Name, Type, Municipality, Languages, Email, Phone, Website, RegistrationNumber, Description, errors);
}

public sealed record OrganizationResponse(
    Guid Id,
    IReadOnlyDictionary<string, string> Name,
    OrganizationType Type,
    string Municipality,
    IReadOnlyList<string> Languages,
    string? Email,
    string? Phone,
    string? Website,
    string? RegistrationNumber,
    IReadOnlyDictionary<string, string>? Description,
    int Version,
    DateTimeOffset RegisteredAt,
    DateTimeOffset UpdatedAt)
{
    public static OrganizationResponse From(Organization o) =>
        new(o.Id, o.Name.Values, o.Type, o.Municipality, o.Languages, o.Email, o.Phone, o.Website, o.RegistrationNumber,
            o.Description?.Values, o.Version, o.RegisteredAt, o.UpdatedAt);
}
