using Platform.Partnerships.Groups;

namespace Platform.Partnerships.Api;

public sealed record GroupMemberRequest(Guid? OrganizationId, MemberRole? Role, DateOnly? JoinedOn);

public sealed record FormGroupRequest(string? Municipality, string? Name, string? TermsOfReference, DateOnly? FormedOn, List<GroupMemberRequest>? Members);

public sealed record ActivateGroupRequest(DateOnly? ActivatedOn);

public sealed record TermsOfReferenceRequest(string? TermsOfReference);

public sealed record MemberLeavesRequest(DateOnly? LeftOn);

public sealed record MemberRoleRequest(MemberRole? Role);

public sealed record RepresentativeRequest(string? Name, string? Gender, string? Contact);

public sealed record CloseGroupRequest(DateOnly? ClosedOn, string? Reason);

public sealed record GroupQuery(string? Municipality, string? Stage, int? Page, int? PageSize);

/// <summary>A group; representatives' names, gender and contacts only for the partnerships team and the programme admin.</summary>
public sealed record GroupResponse(
    Guid Id,
    string Municipality,
    string Name,
    string? TermsOfReference,
    GroupStatus Status,
    GroupStage Stage,
    DateOnly FormedOn,
    DateOnly? ActivatedOn,
    DateOnly? LastMetOn,
    DateOnly? ClosedOn,
    string? ClosedReason,
    IReadOnlyList<GroupResponse.Member> Members)
{
    public sealed record Member(Guid Id, Guid OrganizationId, string OrganizationType, MemberRole Role, DateOnly JoinedOn, DateOnly? LeftOn,
        int RepresentativeCount, IReadOnlyList<Person>? Representatives);

    public sealed record Person(Guid Id, string? Name, string? Gender, string? Contact, bool Erased);

    public static GroupResponse From(PartnershipGroup g, DateOnly today, bool withPersonalData) =>
        new(g.Id, g.Municipality, g.Name, g.TermsOfReference, g.Status, g.StageOn(today), g.FormedOn, g.ActivatedOn, g.LastMetOn, g.ClosedOn, g.ClosedReason,
            [.. g.Members.OrderBy(m => m.JoinedOn).ThenBy(m => m.Id).Select(m => new Member(m.Id, m.OrganizationId, m.OrganizationType.ToString(), m.Role,
                m.JoinedOn, m.LeftOn, m.Representatives.Count,
                withPersonalData ? [.. m.Representatives.OrderBy(r => r.AddedAt).Select(r => new Person(r.Id, r.Name, r.Gender, r.Contact, r.ErasedAt is not null))] : null))]);
}

/// <summary>Subject access: what Partnerships holds about one representative, and the meetings they attended.</summary>
public sealed record RepresentativeDataResponse(Guid Id, Guid GroupId, Guid OrganizationId, MemberRole Role, string? Name, string? Gender, string? Contact,
    DateTimeOffset AddedAt, DateTimeOffset? ErasedAt, IReadOnlyList<Guid> MeetingsAttended);
