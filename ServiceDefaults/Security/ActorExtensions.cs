using System.Security.Claims;

namespace Platform.ServiceDefaults.Security;

/// <summary>Who is calling, as the services need to know it.</summary>
public static class ActorExtensions
{
    public static string? Subject(this ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Subject)?.Value;

    public static string? ClientId(this ClaimsPrincipal user) => user.FindFirst(PlatformClaims.ClientId)?.Value;

    /// <summary>The registry organisation an applicant acts for; <c>null</c> for everyone else.</summary>
    public static Guid? OrganizationId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(PlatformClaims.OrganizationId)?.Value, out var id) ? id : null;

    /// <summary>Whether the caller may see personal data collected by <paramref name="service"/>.</summary>
    public static bool MaySeePersonalDataOf(this ClaimsPrincipal user, string service) =>
        user.IsInRole(PlatformRoles.ProgrammeAdmin) || user.IsInRole(PlatformRoles.TeamOf(service));
}
