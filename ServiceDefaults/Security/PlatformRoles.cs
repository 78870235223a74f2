namespace Platform.ServiceDefaults.Security;

/// <summary>The roles of the programme's people and machine clients, as the token server issues them.</summary>
public static class PlatformRoles
{
    /// <summary>Everything, everywhere.</summary>
    public const string ProgrammeAdmin = "programme-admin";

    public const string CapacityTeam = "capacity-team";
    public const string GrantsTeam = "grants-team";
    public const string YouthTeam = "youth-team";
    public const string PartnershipsTeam = "partnerships-team";
    public const string MediaTeam = "media-team";

    /// <summary>Reads and scores only the grant applications assigned to them.</summary>
    public const string Evaluator = "evaluator";

    /// <summary>Belongs to one organisation; works only on that organisation's applications and reports.</summary>
    public const string Applicant = "applicant";

    /// <summary>The donor's monitor: read-only, never personal data.</summary>
    public const string Monitor = "monitor";

    public static readonly IReadOnlyList<string> Teams = [CapacityTeam, GrantsTeam, YouthTeam, PartnershipsTeam, MediaTeam];

    public static readonly IReadOnlyList<string> All = [ProgrammeAdmin, .. Teams, Evaluator, Applicant, Monitor];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);

    /// <summary>The team that owns a service (<c>grants</c> → <c>grants-team</c>).</summary>
    public static string TeamOf(string service) => $"{service}-team";
}

/// <summary>The claims the token server puts in access tokens, beside <c>sub</c>, <c>client_id</c> and <c>role</c>.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string ClientId = "client_id";
    public const string Name = "name";

    /// <summary>For an applicant: the registry id of the organisation they act for.</summary>
    public const string OrganizationId = "organization_id";

    /// <summary>For an applicant who is a graduate of the Young Professionals Program: their participant id in Youth.</summary>
    public const string ParticipantId = "participant_id";

    /// <summary>The scope every Platform API token carries, and the audience the services accept.</summary>
    public const string ApiScope = "platform-api";
    public const string ApiAudience = "platform-api";
}
