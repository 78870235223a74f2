using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Platform.Partnerships.Alliance;
using Platform.Partnerships.Groups;
using Platform.ServiceDefaults.Security;

namespace Platform.Partnerships.Api;

/// <summary>
/// Who may do what in Partnerships. The partnerships team and the programme admin write and read everything;
/// an applicant reads the records of the groups (and, as an Alliance member, of the Alliance) its organisation is a
/// member of today; every consortium team and the monitor read figures, recommendations, services and pilots, the
/// monitor only adopted recommendations and institutionalised services. Representatives' personal data: team and admin.
/// </summary>
public static class PartnershipsAccess
{
    public static readonly string Manage = PlatformPolicies.WriteIn("partnerships");

    public static readonly string PersonalData = PlatformPolicies.PersonalDataOf("partnerships");

    /// <summary>Groups and meetings: the team and the admin, and applicants acting for an organisation (scoped by the service).</summary>
    public const string ReadGroups = "partnerships:read-groups";

    public static void AddPartnershipsPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(ReadGroups, policy => policy.RequireAuthenticatedUser()
            .RequireAssertion(context => Manages(context.User)
                || (context.User.IsInRole(PlatformRoles.Applicant) && context.User.OrganizationId() is not null)));

    public static bool Manages(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.ProgrammeAdmin) || user.IsInRole(PlatformRoles.PartnershipsTeam);

    /// <summary>The monitor reads only what is public: adopted recommendations, institutionalised services.</summary>
    public static bool ReadsOnlyPublic(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.Monitor) && !user.IsInRole(PlatformRoles.ProgrammeAdmin) && !PlatformRoles.Teams.Any(user.IsInRole);

    /// <summary>The organisation an applicant acts for, when the caller is not a manager (whose reads are not scoped).</summary>
    public static Guid? ScopedOrganization(this ClaimsPrincipal user) => user.Manages() ? null : user.OrganizationId() ?? Guid.Empty;

    public static bool CanRead(this ClaimsPrincipal user, PartnershipGroup group, DateOnly today) =>
        user.ScopedOrganization() is not { } organizationId || group.HasMember(organizationId, today);

    public static bool CanReadAlliance(this ClaimsPrincipal user, IEnumerable<AllianceMember> memberships, DateOnly today) =>
        user.ScopedOrganization() is not { } organizationId || memberships.Any(m => m.OrganizationId == organizationId && m.IsMemberOn(today));

    /// <summary>Who recorded a step: the token's subject (a person, or a machine client).</summary>
    public static string Actor(this ClaimsPrincipal user) => user.Subject() ?? user.ClientId() ?? "unknown";
}

/// <summary>Whether the caller may see representatives' personal data: the partnerships team and the programme admin.</summary>
public sealed class PersonalDataAccess(IAuthorizationService authorization, IHttpContextAccessor http)
{
    public async Task<bool> AllowedAsync() =>
        http.HttpContext is { } context && (await authorization.AuthorizeAsync(context.User, PartnershipsAccess.PersonalData)).Succeeded;
}
