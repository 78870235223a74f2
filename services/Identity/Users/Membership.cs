namespace Platform.Identity.Users;

/// <summary>
/// What a person is in the programme: exactly one role, which is a consortium team, the programme admin, an
/// evaluator, the donor's monitor, or an applicant, who (and only who) acts for one organisation of the
/// Capacity registry or, as a graduate of the Young Professionals Program, for themselves by their Youth participant id.
/// </summary>
public sealed record Membership(string Role, Guid? OrganizationId, Guid? ParticipantId = null)
{
    public static Membership? Create(string? role, Guid? organizationId, ValidationErrors errors, Guid? participantId = null)
    {
        var valid = ValidateRole(role, "role", errors);
        valid &= ValidateApplicant(valid && role == PlatformRoles.Applicant, valid, role, organizationId, participantId, "An applicant", errors);
        return valid ? new Membership(role!, organizationId, participantId) : null;
    }

    /// <summary>
    /// An applicant acts for exactly one organisation or one graduate (participant id); nobody else carries either.
    /// </summary>
    public static bool ValidateApplicant(bool isApplicant, bool roleValid, string? role, Guid? organizationId, Guid? participantId, string who, ValidationErrors errors)
    {
        if (isApplicant)
        {
            if ((organizationId is null || organizationId == Guid.Empty) && (participantId is null || participantId == Guid.Empty))
            {
                errors.Add("organizationId", $"{who} acts for one organisation (its id in the Capacity registry) or, as a graduate, by their participant id in Youth.");
                return false;
            }

            if (organizationId is not null && participantId is not null)
            {
                errors.Add("participantId", $"{who} acts either for an organisation or as a graduate, not both: give organizationId or participantId.");
                return false;
            }

            if (organizationId == Guid.Empty || participantId == Guid.Empty)
            {
                errors.Add(organizationId == Guid.Empty ? "organizationId" : "participantId", "Not a valid id.");
                return false;
            }

            return true;
        }

        var valid = true;
        if (roleValid && organizationId is not null)
        {
            errors.Add("organizationId", $"Only an {PlatformRoles.Applicant} belongs to an organisation; leave it out for {role}.");
            valid = false;
        }

        if (roleValid && participantId is not null)
        {
            errors.Add("participantId", $"Only an {PlatformRoles.Applicant} acts as a graduate; leave it out for {role}.");
            valid = false;
        }

        return valid;
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
