namespace Platform.Contracts.Capacity;

/// <summary>What kind of body an organisation in the registry is.</summary>
public enum OrganizationType
{
    Cso,
    LocalSelfGovernment,
    SocialServiceProvider,
    NationalOrganization,
    MediaOutlet,
}
