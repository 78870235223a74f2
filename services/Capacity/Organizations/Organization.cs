using Platform.Contracts.Capacity;

namespace Platform.Capacity.Organizations;

/// <summary>
/// An organisation in the programme's registry: a CSO, a local self-government body, a social-service provider,
/// a national host organisation or a media outlet. Every other service knows organisations from its events.
/// </summary>
public sealed class Organization
{
    private Organization() { }

    public Guid Id { get; private set; }

    public LocalizedText Name { get; private set; } = null!;

    public OrganizationType Type { get; private set; }

    public string Municipality { get; private set; } = "";

    public List<string> Languages { get; private set; } = [];

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? Website { get; private set; }

    public string? RegistrationNumber { get; private set; }

    public LocalizedText? Description { get; private set; }

    /// <summary>Starts at 1 and grows with every change; events carry it so projections keep the newest.</summary>
    public int Version { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static (Organization Organization, OrganizationRegistered Registered) Register(OrganizationDetails details, DateTimeOffset now)
    {
        var organization = new Organization { Id = Guid.CreateVersion7(now), RegisteredAt = now };
        organization.Take(details, now);
        organization.Version = 1;
        return (organization, new OrganizationRegistered(organization.Id, organization.Name.Values, organization.Type, organization.Municipality, organization.Version) { OccurredAt = now });
    }

    /// <summary>Replaces the registry entry; returns the event to publish, or <c>null</c> when nothing changed.</summary>
    public OrganizationUpdated? Update(OrganizationDetails details, DateTimeOffset now)
    {
        if (details == Details)
        {
            return null;
        }

        Take(details, now);
        Version++;
        return new OrganizationUpdated(Id, Name.Values, Type, Municipality, Version) { OccurredAt = now };
    }

    public OrganizationDetails Details =>
        new(Name, Type, Municipality, Languages, Email, Phone, Website, RegistrationNumber, Description);

    private void Take(OrganizationDetails details, DateTimeOffset now)
    {
        Name = details.Name;
        Type = details.Type;
        Municipality = details.Municipality;
        Languages = [.. details.Languages];
        Email = details.Email;
        Phone = details.Phone;
        Website = details.Website;
        RegistrationNumber = details.RegistrationNumber;
        Description = details.Description;
        UpdatedAt = now;
    }
}
