using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Domain;

namespace Platform.ServiceDefaults.Organizations;

/// <summary>
/// A service's own copy of an organisation from Capacity's registry, kept current from
/// <see cref="OrganizationRegistered"/> and <see cref="OrganizationUpdated"/>. Never read from Capacity's database.
/// </summary>
public sealed class OrganizationReplica
{
    private OrganizationReplica() { }

    public Guid Id { get; private set; }

    public LocalizedText Name { get; private set; } = null!;

    public OrganizationType Type { get; private set; }

    public string Municipality { get; private set; } = "";

    /// <summary>The registry's version of the organisation this copy reflects.</summary>
    public int Version { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static OrganizationReplica From(Guid id, IReadOnlyDictionary<string, string> name, OrganizationType type, string municipality, int version, DateTimeOffset occurredAt)
    {
        var replica = new OrganizationReplica { Id = id };
        replica.Apply(name, type, municipality, version, occurredAt);
        return replica;
    }

    /// <summary>
    /// Takes the registry's newer state; an older version (an update overtaken by a later one, or a registration
    /// that arrives after an update) is ignored. Returns whether anything changed.
    /// </summary>
    public bool Apply(IReadOnlyDictionary<string, string> name, OrganizationType type, string municipality, int version, DateTimeOffset occurredAt)
    {
        if (Name is not null && version <= Version)
        {
            return false;
        }

        Name = LocalizedText.From(name.ToDictionary(n => n.Key, string? (n) => n.Value));
        Type = type;
        Municipality = municipality;
        Version = version;
        UpdatedAt = occurredAt;
        return true;
    }
}
