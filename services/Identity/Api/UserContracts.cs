using System.Text.Json.Serialization;
using Platform.Identity.Users;

namespace Platform.Identity.Api;

/// <summary>
/// A new person. Without <c>password</c> the server generates a one-time password, returns it once, and the
/// person chooses their own at the first sign-in.
/// </summary>
public sealed record CreateUserRequest(string? Email, string? DisplayName, string? Role, Guid? OrganizationId = null, string? Password = null, Guid? ParticipantId = null);

public sealed record ChangeRoleRequest(string? Role, Guid? OrganizationId = null, Guid? ParticipantId = null);

/// <param name="Status"><c>active</c> or <c>deactivated</c>; both when left out.</param>
public sealed record UserQuery(string? Role, int? Page, int? PageSize, string? Status = null);

public static class UserStatus
{
    public const string Active = "active";
    public const string Deactivated = "deactivated";
}

public sealed record UserResponse(
    Guid Id,
    string Email,
    string DisplayName,
    string Role,
    Guid? OrganizationId,
    bool MustChangePassword,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? OneTimePassword = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? ParticipantId = null,
    string Status = UserStatus.Active,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? DeactivatedAt = null)
{
    public static UserResponse From(PlatformUser user, string? oneTimePassword = null) =>
        new(user.Id, user.Email!, user.DisplayName, user.Role, user.OrganizationId, user.MustChangePassword, user.CreatedAt, user.UpdatedAt, oneTimePassword,
            user.ParticipantId, user.IsActive ? UserStatus.Active : UserStatus.Deactivated, user.DeactivatedAt);
}
