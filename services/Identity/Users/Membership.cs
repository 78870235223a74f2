namespace Platform.Identity.Users;

/// <summary>
/// What a person is in the programme: exactly one role, which is a consortium team, the programme admin, an
/// evaluator, the donor's monitor, or an applicant, who (and only who) belongs to one organisation of the
/// Capacity registry.
/// </summary>
public sealed record Membership(string Role, Guid? OrganizationId)
{
    public static Membership? Create(string? role, Guid? organizationId, ValidationErrors errors)
    {
        var valid = ValidateRole(role, "role", errors);
        if (role == PlatformRoles.Applicant && (organizationId is null || organizationId == Guid.Empty))
        {
            errors.Add("organizationId", "An applicant acts for one organisation: give its id in the Capacity registry.");
            valid = false;
        }
        else if (role != PlatformRoles.Applicant && valid && organizationId is not null)
        {
            errors.Add("organizationId", $"Only an {PlatformRoles.Applicant} belongs to an organisation; leave it out for {role}.");
            valid = false;
        }

        return valid ? new Membership(role!, organizationId) : null;
    }

    /// <summary>Only the roles in <see cref="PlatformRoles"/> exist; anything else is refused, naming the field.</summary>
    public static bool ValidateRole(string? role, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(role))
        {
            errors.Add(field, "This field is required.");
            return false;
        }

        if (!PlatformRoles.IsKnown(role))
        {
            errors.Add(field, $"Unknown role '{role}'. Use one of {string.Join(", ", PlatformRoles.All)}.");
            return false;
        }

        return true;
    }
}
