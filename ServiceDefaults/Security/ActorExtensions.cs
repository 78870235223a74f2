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

    /// <summary>The Youth participant id of a graduate applicant, if the token carries one.</summary>
    public static Guid? ParticipantId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirst(PlatformClaims.ParticipantId)?.Value, out var id) ? id : null;
}
