using Microsoft.AspNetCore.Identity;

namespace Platform.Identity.Users;

/// <summary>
/// A person who signs in: ASP.NET Core Identity keeps the e-mail (also the user name), the password hash and
/// the lockout state; the platform adds the display name and the one <see cref="Membership"/>.
/// </summary>
public sealed class PlatformUser : IdentityUser<Guid>
{
    public const int EmailMaxLength = 256;
    public const int DisplayNameMaxLength = 200;

    private PlatformUser()
    {
    }

    public string DisplayName { get; private set; } = "";

    public string Role { get; private set; } = "";

    /// <summary>The Capacity registry id of the organisation an applicant acts for; <c>null</c> for everyone else.</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>The Youth participant id of an applicant who applies as a programme graduate; <c>null</c> for everyone else.</summary>
    public Guid? ParticipantId { get; private set; }

    /// <summary>Set when the server generated the password: the person chooses their own at the first sign-in.</summary>
    public bool MustChangePassword { get; private set; }

    /// <summary>Set while the programme admin has deactivated the person (they left the consortium): no sign-in, no token.</summary>
    public DateTimeOffset? DeactivatedAt { get; private set; }

    public bool IsActive => DeactivatedAt is null;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public Membership Membership => new(Role, OrganizationId, ParticipantId);

    /// <summary>A new person; returns <c>null</c> (with the reasons in <paramref name="errors"/>) for invalid details.</summary>
    public static PlatformUser? Create(
        string? email, string? displayName, string? role, Guid? organizationId, bool mustChangePassword, DateTimeOffset now, ValidationErrors errors,
        Guid? participantId = null)
    {
        ValidateEmail(email, errors);
        errors.Required(displayName, "displayName", DisplayNameMaxLength);
        var membership = Membership.Create(role, organizationId, errors, participantId);
        if (errors.Any || membership is null)
        {
            return null;
        }

        var address = email!.Trim();
        return new PlatformUser
        {
            Id = Guid.CreateVersion7(now),
            Email = address,
            UserName = address,
            EmailConfirmed = true,
            LockoutEnabled = true,
            DisplayName = displayName!.Trim(),
            Role = membership.Role,
            OrganizationId = membership.OrganizationId,
            ParticipantId = membership.ParticipantId,
            MustChangePassword = mustChangePassword,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Moves the person to another role (and organisation); their next token carries it.</summary>
    public bool ChangeMembership(Membership membership, DateTimeOffset now)
    {
        if (membership == Membership)
        {
            return false;
        }

        Role = membership.Role;
        OrganizationId = membership.OrganizationId;
        ParticipantId = membership.ParticipantId;
        UpdatedAt = now;
        return true;
    }

    /// <summary>Off-boarding: the person can no longer sign in; the caller revokes what they hold.</summary>
    public void Deactivate(DateTimeOffset now)
    {
        if (DeactivatedAt is not null)
        {
            throw new RuleViolationException("already-deactivated", "The person is deactivated already.");
        }

        DeactivatedAt = now;
        UpdatedAt = now;
    }

    /// <summary>The person may sign in again (with their password as it was); tokens from before stay revoked.</summary>
    public void Reactivate(DateTimeOffset now)
    {
        if (DeactivatedAt is null)
        {
            throw new RuleViolationException("not-deactivated", "The person is active.");
        }

        DeactivatedAt = null;
        UpdatedAt = now;
    }

    public void PasswordChosen(DateTimeOffset now)
    {
        MustChangePassword = false;
        UpdatedAt = now;
    }

    public static void ValidateEmail(string? email, ValidationErrors errors)
    {
        errors.Required(email, "email", EmailMaxLength);
        if (string.IsNullOrWhiteSpace(email) || email.Length > EmailMaxLength)
        {
            return;
        }

        var address = email.Trim();
        var at = address.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != address.LastIndexOf('@') || at == address.Length - 1
            || address.Any(char.IsWhiteSpace) || !address[(at + 1)..].Contains('.', StringComparison.Ordinal))
        {
            errors.Add("email", "Not an e-mail address.");
        }
    }
}
