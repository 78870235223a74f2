using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Platform.Grants.Applications;
using Platform.ServiceDefaults.Security;

namespace Platform.Grants.Api;

/// <summary>
/// Who may do what in Grants. The grants team and the programme admin manage everything; applicants work only on
/// their own organisation's (or, for graduates, their own) applications and agreements; evaluators only on their
/// assignments; every consortium team and the monitor read calls and figures, not applications.
/// </summary>
public static class GrantsAccess
{
    public static readonly string Manage = PlatformPolicies.WriteIn("grants");

    /// <summary>Calls: everyone who reads programme data, and applicants and evaluators (they see no drafts).</summary>
    public const string ReadCalls = "grants:read-calls";

    /// <summary>Applicants with an organisation or a participant id in their token.</summary>
    public const string Apply = "grants:apply";

    public const string Evaluate = "grants:evaluate";

    /// <summary>Applications and agreements: managers, applicants and evaluators, each scoped by the service.</summary>
    public const string Applications = "grants:applications";

    public static void AddGrantsPolicies(this AuthorizationBuilder authorization)
    {
        authorization.AddPolicy(ReadCalls, policy => policy.RequireAuthenticatedUser().RequireRole(
            [PlatformRoles.ProgrammeAdmin, .. PlatformRoles.Teams, PlatformRoles.Monitor, PlatformRoles.Applicant, PlatformRoles.Evaluator]));
        authorization.AddPolicy(Apply, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoles.Applicant)
            .RequireAssertion(context => ApplicantOf(context.User) is not null));
        authorization.AddPolicy(Evaluate, policy => policy.RequireAuthenticatedUser().RequireRole(PlatformRoles.Evaluator)
            .RequireAssertion(context => context.User.Subject() is not null));
        authorization.AddPolicy(Applications, policy => policy.RequireAuthenticatedUser().RequireRole(
            PlatformRoles.ProgrammeAdmin, PlatformRoles.GrantsTeam, PlatformRoles.Applicant, PlatformRoles.Evaluator));
    }

    public static bool Manages(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.ProgrammeAdmin) || user.IsInRole(PlatformRoles.GrantsTeam);

    /// <summary>Reads every call, drafts too: managers, teams and the monitor.</summary>
    public static bool ReadsAllCalls(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.ProgrammeAdmin) || user.IsInRole(PlatformRoles.Monitor) || PlatformRoles.Teams.Any(user.IsInRole);

    /// <summary>The organisation or graduate an applicant acts for; <c>null</c> for anyone else.</summary>
    public static Applicant? ApplicantOf(ClaimsPrincipal user)
    {
        if (!user.IsInRole(PlatformRoles.Applicant))
        {
            return null;
        }

        return (user.OrganizationId(), user.ParticipantId()) switch
        {
            ({ } organizationId, null) => new Applicant(organizationId, null),
            (null, { } participantId) => new Applicant(null, participantId),
            _ => null,
        };
    }

    /// <summary>Whether the caller is the applicant that owns something of <paramref name="organizationId"/> or <paramref name="participantId"/>.</summary>
    public static bool Owns(this ClaimsPrincipal user, Guid? organizationId, Guid? participantId) =>
        ApplicantOf(user) is { } applicant
        && ((applicant.OrganizationId is not null && applicant.OrganizationId == organizationId)
            || (applicant.ParticipantId is not null && applicant.ParticipantId == participantId));
}
