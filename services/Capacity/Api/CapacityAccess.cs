using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Security;

namespace Platform.Capacity.Api;

/// <summary>
/// Who may do what in Capacity. The capacity team and the programme admin write; every consortium team and the
/// monitor read instruments, assessments, action plans, activities and figures, never names; an applicant reads
/// only its own organisation's assessments and action plan and may fill in its own self-assessment draft; the
/// personal data of participants only the capacity team and the admin see.
/// </summary>
public static class CapacityAccess
{
    public static readonly string Write = PlatformPolicies.WriteIn("capacity");

    public static readonly string PersonalData = PlatformPolicies.PersonalDataOf("capacity");

    /// <summary>Instruments, assessments and action plans: programme readers, and applicants acting for an organisation (scoped by the endpoint).</summary>
    public const string ReadAssessments = "capacity:read-assessments";

    /// <summary>Scoring and submitting a draft: the capacity team, the admin, and the applicant whose organisation it is.</summary>
    public const string FillIn = "capacity:fill-in";

    public static void AddCapacityPolicies(this AuthorizationBuilder authorization)
    {
        authorization.AddPolicy(ReadAssessments, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
            ReadsProgrammeData(context.User) || ApplicantOrganization(context.User) is not null));
        authorization.AddPolicy(FillIn, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
            Writes(context.User) || ApplicantOrganization(context.User) is not null));
    }

    public static bool Writes(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.ProgrammeAdmin) || user.IsInRole(PlatformRoles.CapacityTeam);

    /// <summary>The organisation an applicant acts for; <c>null</c> for everyone else (who are not scoped).</summary>
    public static Guid? ApplicantOrganization(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.Applicant) ? user.OrganizationId() : null;

    /// <summary>Whether the caller may see what belongs to <paramref name="organizationId"/>.</summary>
    public static bool Sees(this ClaimsPrincipal user, Guid organizationId) =>
        user.ReadsProgrammeData() || user.ApplicantOrganization() == organizationId;

    /// <summary>The admin, the consortium teams and the monitor: not scoped to an organisation.</summary>
    public static bool ReadsProgrammeData(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.ProgrammeAdmin) || user.IsInRole(PlatformRoles.Monitor) || PlatformRoles.Teams.Any(user.IsInRole);
}

/// <summary>Whether the caller may see the personal data Capacity holds: the capacity team and the programme admin.</summary>
public sealed class PersonalDataAccess(IAuthorizationService authorization, IHttpContextAccessor http)
{
    public async Task<bool> AllowedAsync() =>
        http.HttpContext is { } context && (await authorization.AuthorizeAsync(context.User, CapacityAccess.PersonalData)).Succeeded;
}
