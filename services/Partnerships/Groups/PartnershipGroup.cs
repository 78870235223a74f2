using Platform.Contracts.Capacity;
using Platform.Contracts.Partnerships;
using Platform.Contracts.ReferenceData;
using Platform.ServiceDefaults.Organizations;

namespace Platform.Partnerships.Groups;

/// <summary>The stored stage of a group; <see cref="GroupStage.Dormant"/> is never stored, it is computed.</summary>
public enum GroupStatus
{
    Formed,
    Active,
    Closed,
}

/// <summary>The stage a group is in on a day: its stored status, or dormant when an active group has not met for six months.</summary>
public enum GroupStage
{
    Formed,
    Active,
    Dormant,
    Closed,
}

public enum MemberRole
{
    Chair,
    Secretary,
    Member,
}

/// <summary>
/// A municipal partnership group of CSOs, social-service providers and the municipality's LSG body, at most one per
/// municipality while it is not closed. Formed with its members; active once its terms of reference are agreed and it
/// has a chair; dormant (computed) when an active group has not met for six months; closed for good.
/// </summary>
public sealed class PartnershipGroup
{
    public const int MaxNameLength = 200;
    public const int MaxTermsLength = 20_000;
    public const int MaxReasonLength = 1000;

    /// <summary>A group that has not met for this long is dormant.</summary>
    public const int DormantAfterMonths = 6;

    private PartnershipGroup() { }

    public Guid Id { get; private set; }

    public string Municipality { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? TermsOfReference { get; private set; }

    public GroupStatus Status { get; private set; }

    public DateOnly FormedOn { get; private set; }

    public DateOnly? ActivatedOn { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? ClosedReason { get; private set; }

    /// <summary>The day of the latest meeting held; what the dormant rule looks at.</summary>
    public DateOnly? LastMetOn { get; private set; }

    public List<GroupMember> Members { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Members on a day: joined on or before it, not yet left.</summary>
    public IEnumerable<GroupMember> MembersOn(DateOnly day) => Members.Where(m => m.IsMemberOn(day));

    /// <summary>Whether an organisation is a member today (applicants read their own groups' records).</summary>
    public bool HasMember(Guid organizationId, DateOnly day) => MembersOn(day).Any(m => m.OrganizationId == organizationId);

    /// <summary>
    /// The stage on <paramref name="today"/>: an active group whose latest meeting (or, before any, its activation) is
    /// more than six months back is dormant; a meeting wakes it again.
    /// </summary>
    public GroupStage StageOn(DateOnly today) => Status switch
    {
        GroupStatus.Formed => GroupStage.Formed,
        GroupStatus.Closed => GroupStage.Closed,
        _ => IsDormant(ActivatedOn ?? FormedOn, LastMetOn, today) ? GroupStage.Dormant : GroupStage.Active,
    };

    /// <summary>The dormant rule: no meeting (nor the activation) within the six months up to <paramref name="day"/>.</summary>
    public static bool IsDormant(DateOnly activatedOn, DateOnly? lastMetOn, DateOnly day) =>
        activatedOn < DormantCutoff(day) && (lastMetOn is null || lastMetOn < DormantCutoff(day));

    /// <summary>A group that has not met since before this day is dormant on <paramref name="day"/>.</summary>
    public static DateOnly DormantCutoff(DateOnly day) => day.AddMonths(-DormantAfterMonths);

    public sealed record NewMember(OrganizationReplica? Organization, MemberRole? Role, DateOnly? JoinedOn);

    /// <summary>Forms a group; it needs at least one CSO and the municipality's LSG body among its members.</summary>
    public static (PartnershipGroup Group, PartnershipGroupFormed Formed) Form(
        string? municipality, string? name, string? termsOfReference, DateOnly? formedOn, IReadOnlyList<NewMember>? members, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (!Contracts.ReferenceData.Municipality.IsKnown(municipality))
        {
            errors.Add("municipality", $"Use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}.");
        }

        errors.Required(name, "name", MaxNameLength);
        errors.MaxLength(termsOfReference, "termsOfReference", MaxTermsLength);
        if (formedOn is null)
        {
            errors.Add("formedOn", "Required.");
        }
        else if (formedOn > today)
        {
            errors.Add("formedOn", "Not in the future.");
        }

        if (members is null || members.Count == 0)
        {
            errors.Add("members", "Required: the member organisations (at least one CSO and the municipality's LSG body).");
        }
        else
        {
            for (var i = 0; i < members.Count; i++)
            {
                ValidateMember(members[i], $"members[{i}]", municipality, formedOn, errors);
                if (members[i].Organization is { } o && members.Take(i).Any(m => m.Organization?.Id == o.Id))
                {
                    errors.Add($"members[{i}].organizationId", "Listed twice.");
                }
            }

            if (!errors.Any)
            {
                if (!members.Any(m => m.Organization!.Type == OrganizationType.Cso))
                {
                    errors.Add("members", "At least one member must be a CSO.");
                }

                if (!members.Any(m => IsLocalBody(m.Organization!, municipality!)))
                {
                    errors.Add("members", $"The LSG body of {municipality} must be a member.");
                }
            }
        }

        errors.ThrowIfAny();
        var group = new PartnershipGroup
        {
            Id = Guid.CreateVersion7(now),
            Municipality = municipality!,
            Name = name!.Trim(),
            TermsOfReference = string.IsNullOrWhiteSpace(termsOfReference) ? null : termsOfReference.Trim(),
            Status = GroupStatus.Formed,
            FormedOn = formedOn!.Value,
            CreatedAt = now,
        };
        foreach (var member in members!)
        {
            group.Members.Add(new GroupMember(group.Id, member.Organization!, member.Role ?? MemberRole.Member, member.JoinedOn ?? formedOn.Value, now));
        }

        group.EnsureOneChairAndSecretary();
        var lsg = group.Members.First(m => IsLocalBody(m, group.Municipality));
        return (group, new PartnershipGroupFormed(group.Id, group.Municipality, group.FormedOn, [.. group.Members.Select(m => m.OrganizationId)], lsg.OrganizationId) { OccurredAt = now });
    }

    /// <summary>Active once the terms of reference are agreed and the group has a chair.</summary>
    public void Activate(DateOnly? activatedOn, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (activatedOn is null || activatedOn < FormedOn || activatedOn > today)
        {
            errors.Add("activatedOn", $"Required: a day from {FormedOn:yyyy-MM-dd} to today.");
        }

        errors.ThrowIfAny();
        if (Status != GroupStatus.Formed)
        {
            throw new RuleViolationException("group-not-formed", $"The group is {Status}; only a formed group is activated.");
        }

        if (TermsOfReference is null)
        {
            throw new RuleViolationException("no-terms-of-reference", "Agree the terms of reference before the group becomes active.");
        }

        if (!MembersOn(activatedOn!.Value).Any(m => m.Role == MemberRole.Chair))
        {
            throw new RuleViolationException("no-chair", "The group needs a chair before it becomes active.");
        }

        Status = GroupStatus.Active;
        ActivatedOn = activatedOn;
    }

    public void SetTermsOfReference(string? text)
    {
        var errors = new ValidationErrors();
        errors.Required(text, "termsOfReference", MaxTermsLength);
        errors.ThrowIfAny();
        EnsureOpen();
        TermsOfReference = text!.Trim();
    }

    public GroupMember AddMember(OrganizationReplica? organization, MemberRole? role, DateOnly? joinedOn, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        ValidateMember(new NewMember(organization, role, joinedOn), "", Municipality, FormedOn, errors);
        if (joinedOn is null)
        {
            errors.Add("joinedOn", "Required.");
        }
        else if (joinedOn > today)
        {
            errors.Add("joinedOn", "Not in the future.");
        }

        errors.ThrowIfAny();
        EnsureOpen();
        if (Members.Any(m => m.OrganizationId == organization!.Id && m.LeftOn is null))
        {
            throw new RuleViolationException("already-member", "The organisation is already a member of this group.");
        }

        var member = new GroupMember(Id, organization!, role ?? MemberRole.Member, joinedOn!.Value, now);
        Members.Add(member);
        EnsureOneChairAndSecretary();
        return member;
    }

    /// <summary>An organisation leaves; the group keeps at least one CSO and its LSG body.</summary>
    public void MemberLeaves(Guid memberId, DateOnly? leftOn, DateOnly today)
    {
        var member = Member(memberId);
        var errors = new ValidationErrors();
        if (leftOn is null || leftOn < member.JoinedOn || leftOn > today)
        {
            errors.Add("leftOn", $"Required: a day from {member.JoinedOn:yyyy-MM-dd} to today.");
        }

        errors.ThrowIfAny();
        EnsureOpen();
        if (member.LeftOn is not null)
        {
            throw new RuleViolationException("already-left", "The organisation already left the group.");
        }

        var remaining = Members.Where(m => m.LeftOn is null && m.Id != memberId).ToList();
        if (!remaining.Any(m => m.OrganizationType == OrganizationType.Cso) || !remaining.Any(m => IsLocalBody(m, Municipality)))
        {
            throw new RuleViolationException("group-needs-cso-and-lsg", "The group must keep at least one CSO and the municipality's LSG body.");
        }

        member.Leave(leftOn!.Value);
    }

    public void ChangeRole(Guid memberId, MemberRole? role)
    {
        if (role is null || !Enum.IsDefined(role.Value))
        {
            throw new DomainValidationException(new Dictionary<string, string[]> { ["role"] = [$"Use one of {string.Join(", ", Enum.GetNames<MemberRole>())}."] });
        }

        EnsureOpen();
        var member = Member(memberId);
        if (member.LeftOn is not null)
        {
            throw new RuleViolationException("already-left", "The organisation left the group.");
        }

        member.Role = role.Value;
        EnsureOneChairAndSecretary();
    }

    public Representative AddRepresentative(Guid memberId, string? name, string? gender, string? contact, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.Required(name, "name", Representative.MaxNameLength);
        if (!Gender.IsKnown(gender))
        {
            errors.Add("gender", $"Use one of {string.Join(", ", Gender.All)}.");
        }

        errors.Required(contact, "contact", Representative.MaxContactLength);
        errors.ThrowIfAny();
        EnsureOpen();
        var member = Member(memberId);
        if (member.LeftOn is not null)
        {
            throw new RuleViolationException("already-left", "The organisation left the group.");
        }

        var representative = new Representative(member.Id, name!.Trim(), gender!, contact!.Trim(), now);
        member.Representatives.Add(representative);
        return representative;
    }

    /// <summary>A meeting of the group was held on <paramref name="day"/>: it is no longer dormant.</summary>
    public void MetOn(DateOnly day)
    {
        if (LastMetOn is null || day > LastMetOn)
        {
            LastMetOn = day;
        }
    }

    public PartnershipGroupClosed Close(DateOnly? closedOn, string? reason, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (closedOn is null || closedOn < FormedOn || closedOn > today)
        {
            errors.Add("closedOn", $"Required: a day from {FormedOn:yyyy-MM-dd} to today.");
        }

        errors.Required(reason, "reason", MaxReasonLength);
        errors.ThrowIfAny();
        EnsureOpen();
        Status = GroupStatus.Closed;
        ClosedOn = closedOn;
        ClosedReason = reason!.Trim();
        return new PartnershipGroupClosed(Id, Municipality, closedOn!.Value) { OccurredAt = now };
    }

    public GroupMember Member(Guid memberId) =>
        Members.FirstOrDefault(m => m.Id == memberId) ?? throw new KeyNotFoundException($"No member {memberId} in group {Id}.");

    private static bool IsLocalBody(OrganizationReplica organization, string municipality) =>
        organization.Type == OrganizationType.LocalSelfGovernment && organization.Municipality == municipality;

    private static bool IsLocalBody(GroupMember member, string municipality) =>
        member.OrganizationType == OrganizationType.LocalSelfGovernment && member.OrganizationMunicipality == municipality;

    private static void ValidateMember(NewMember member, string prefix, string? municipality, DateOnly? formedOn, ValidationErrors errors)
    {
        var at = prefix.Length == 0 ? "" : prefix + ".";
        if (member.Organization is null)
        {
            errors.Add($"{at}organizationId", "Required: an organisation known from the registry.");
        }
        else if (member.Organization.Type is not (OrganizationType.Cso or OrganizationType.LocalSelfGovernment or OrganizationType.SocialServiceProvider))
        {
            errors.Add($"{at}organizationId", "Members are CSOs, social-service providers and LSG bodies.");
        }
        else if (member.Organization.Type == OrganizationType.LocalSelfGovernment && municipality is not null && member.Organization.Municipality != municipality)
        {
            errors.Add($"{at}organizationId", $"An LSG body of another municipality; this group is in {municipality}.");
        }

        if (member.Role is { } role && !Enum.IsDefined(role))
        {
            errors.Add($"{at}role", $"Use one of {string.Join(", ", Enum.GetNames<MemberRole>())}.");
        }

        if (prefix.Length > 0 && member.JoinedOn is { } joined && formedOn is { } formed && joined > formed)
        {
            errors.Add($"{at}joinedOn", "A founding member joined on or before the day the group was formed.");
        }
    }

    private void EnsureOneChairAndSecretary()
    {
        var current = Members.Where(m => m.LeftOn is null).ToList();
        if (current.Count(m => m.Role == MemberRole.Chair) > 1)
        {
            throw new RuleViolationException("one-chair", "The group has one chair; change the current chair's role first.");
        }

        if (current.Count(m => m.Role == MemberRole.Secretary) > 1)
        {
            throw new RuleViolationException("one-secretary", "The group has one secretary; change the current secretary's role first.");
        }
    }

    private void EnsureOpen()
    {
        if (Status == GroupStatus.Closed)
        {
            throw new RuleViolationException("group-closed", "The group is closed; its record no longer changes.");
        }
    }
}

/// <summary>A member organisation of a group: the registry's facts the rules need, its role and when it joined and left.</summary>
public sealed class GroupMember
{
    private GroupMember() { }

    internal GroupMember(Guid groupId, OrganizationReplica organization, MemberRole role, DateOnly joinedOn, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        GroupId = groupId;
        OrganizationId = organization.Id;
        OrganizationType = organization.Type;
        OrganizationMunicipality = organization.Municipality;
        Role = role;
        JoinedOn = joinedOn;
    }

    public Guid Id { get; private set; }

    public Guid GroupId { get; private set; }

    public Guid OrganizationId { get; private set; }

    /// <summary>The organisation's type when it joined: its sector in attendance counts.</summary>
    public OrganizationType OrganizationType { get; private set; }

    public string OrganizationMunicipality { get; private set; } = "";

    public MemberRole Role { get; internal set; }

    public DateOnly JoinedOn { get; private set; }

    public DateOnly? LeftOn { get; private set; }

    public List<Representative> Representatives { get; private set; } = [];

    public bool IsMemberOn(DateOnly day) => JoinedOn <= day && (LeftOn is null || LeftOn > day);

    internal void Leave(DateOnly day) => LeftOn = day;
}

/// <summary>A person who represents a member organisation: personal data, seen only by the partnerships team and the programme admin.</summary>
public sealed class Representative
{
    public const int MaxNameLength = 200;
    public const int MaxContactLength = 200;

    private Representative() { }

    internal Representative(Guid memberId, string name, string gender, string contact, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        MemberId = memberId;
        Name = name;
        Gender = gender;
        Contact = contact;
        AddedAt = now;
    }

    public Guid Id { get; private set; }

    public Guid MemberId { get; private set; }

    /// <summary><c>null</c> once erased.</summary>
    public string? Name { get; private set; }

    public string? Gender { get; private set; }

    public string? Contact { get; private set; }

    public DateTimeOffset AddedAt { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>Erases the person's data; the attendance counts taken from it stay (they were copied when a meeting was held).</summary>
    public void Erase(DateTimeOffset now)
    {
        if (ErasedAt is not null)
        {
            throw new RuleViolationException("already-erased", "This representative's data was already erased.");
        }

        Name = null;
        Gender = null;
        Contact = null;
        ErasedAt = now;
    }
}
