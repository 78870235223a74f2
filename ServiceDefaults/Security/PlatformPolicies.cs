using Microsoft.AspNetCore.Authorization;

namespace Platform.ServiceDefaults.Security;

/// <summary>
/// The authorization policies every service shares, named for what they allow. Services combine them per
/// endpoint; organisation scoping (an applicant sees only their organisation) is checked by the service itself.
/// </summary>
public static class PlatformPolicies
{
    /// <summary>Reads non-personal data: the programme admin, every consortium team and the donor's monitor.</summary>
    public const string ReadProgrammeData = "read-programme-data";

    /// <summary>Only the programme admin: users, audit trails.</summary>
    public const string ProgrammeAdmin = "programme-admin";

    /// <summary>Writes in a service: its own team and the programme admin (<c>write:grants</c>, ...).</summary>
    public static string WriteIn(string service) => $"write:{service}";

    /// <summary>Personal data a service collected: its own team and the programme admin (<c>personal-data:youth</c>).</summary>
    public static string PersonalDataOf(string service) => $"personal-data:{service}";

    internal static readonly IReadOnlyList<string> Services = ["capacity", "grants", "youth", "partnerships", "media", "identity"];

    internal static void AddPlatformPolicies(this AuthorizationBuilder authorization)
    {
        authorization.AddPolicy(ReadProgrammeData, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole([PlatformRoles.ProgrammeAdmin, .. PlatformRoles.Teams, PlatformRoles.Monitor]));
        authorization.AddPolicy(ProgrammeAdmin, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(PlatformRoles.ProgrammeAdmin));
        foreach (var service in Services)
        {
            string[] owners = [PlatformRoles.ProgrammeAdmin, PlatformRoles.TeamOf(service)];
            authorization.AddPolicy(WriteIn(service), policy => policy.RequireAuthenticatedUser().RequireRole(owners));
            authorization.AddPolicy(PersonalDataOf(service), policy => policy.RequireAuthenticatedUser().RequireRole(owners));
        }
    }
}
