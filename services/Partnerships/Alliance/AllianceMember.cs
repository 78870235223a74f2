using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Organizations;

namespace Platform.Partnerships.Alliance;

/// <summary>
/// An organisation's membership of the Regional Social Services Alliance, from either region, from the day it joined
/// to the day it left. An organisation that left may join again: that is a new membership.
/// </summary>
public sealed class AllianceMember
{
    private AllianceMember() { }

    public Guid Id { get; private set; }

    public Guid OrganizationId { get; private set; }

    public OrganizationType OrganizationType { get; private set; }

    public string Municipality { get; private set; } = "";

    /// <summary><c>KK</c> or <c>SJ</c>.</summary>
    public string Region { get; private set; } = "";

    public DateOnly JoinedOn { get; private set; }

    public DateOnly? LeftOn { get; private set; }

    public bool IsMemberOn(DateOnly day) => JoinedOn <= day && (LeftOn is null || LeftOn > day);

    /// <summary>Joins the Alliance; <paramref name="memberships"/> are the organisation's earlier memberships.</summary>
    public static AllianceMember Join(OrganizationReplica? organization, DateOnly? joinedOn, IReadOnlyList<AllianceMember> memberships, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (organization is null)
        {
            errors.Add("organizationId", "Required: an organisation known from the registry.");
        }
        else if (organization.Type is not (OrganizationType.Cso or OrganizationType.LocalSelfGovernment or OrganizationType.SocialServiceProvider))
        {
            errors.Add("organizationId", "Members are CSOs, social-service providers and LSG bodies.");
        }
        else if (!Contracts.ReferenceData.Municipality.IsKnown(organization.Municipality))
        {
            errors.Add("organizationId", "The organisation is in no municipality of the programme's two regions.");
        }

        if (joinedOn is null)
        {
            errors.Add("joinedOn", "Required.");
        }
        else if (joinedOn > today)
        {
            errors.Add("joinedOn", "Not in the future.");
        }

        errors.ThrowIfAny();
        if (memberships.Any(m => m.LeftOn is null || m.LeftOn > joinedOn))
        {
            throw new RuleViolationException("already-member", "The organisation is (or was on that day) a member of the Alliance.");
        }

        return new AllianceMember
        {
            Id = Guid.CreateVersion7(now),
            OrganizationId = organization!.Id,
            OrganizationType = organization.Type,
            Municipality = organization.Municipality,
            Region = Contracts.ReferenceData.Municipality.RegionOf(organization.Municipality),
            JoinedOn = joinedOn!.Value,
        };
    }

    public void Leave(DateOnly? leftOn, DateOnly today)
    {
        if (leftOn is null || leftOn <= JoinedOn || leftOn > today)
        {
            throw new DomainValidationException(new Dictionary<string, string[]> { ["leftOn"] = [$"Required: a day after {JoinedOn:yyyy-MM-dd}, not in the future."] });
        }

        if (LeftOn is not null)
        {
            throw new RuleViolationException("already-left", "The organisation already left the Alliance.");
        }

        LeftOn = leftOn;
    }
}
