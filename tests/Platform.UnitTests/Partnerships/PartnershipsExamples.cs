using Platform.Partnerships.Alliance;
using Platform.Partnerships.Groups;
using Platform.Partnerships.Meetings;
using Platform.ServiceDefaults.Organizations;

namespace Platform.UnitTests.Partnerships;

/// <summary>Organisations, groups and meetings the Partnerships tests are made of.</summary>
internal static class PartnershipsExamples
{
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 6, 15);
    public static readonly DateOnly FormedOn = new(2026, 1, 10);

    public static OrganizationReplica Organization(OrganizationType type, string municipality = Municipality.Marneuli) =>
        OrganizationReplica.From(Guid.NewGuid(), new Dictionary<string, string> { ["en"] = $"{type} {Guid.NewGuid():N}" }, type, municipality, 1, Now);

    /// <summary>A formed group in Marneuli of a CSO (chair) and the city hall (secretary).</summary>
    public static (PartnershipGroup Group, OrganizationReplica Cso, OrganizationReplica Lsg) FormedGroup()
    {
        var cso = Organization(OrganizationType.Cso);
        var lsg = Organization(OrganizationType.LocalSelfGovernment);
        var (group, _) = PartnershipGroup.Form(Municipality.Marneuli, "Marneuli partnership group", "Meets every two months; decides by consensus.", FormedOn,
            [new(cso, MemberRole.Chair, null), new(lsg, MemberRole.Secretary, null)], Today, Now);
        return (group, cso, lsg);
    }

    public static PartnershipGroup ActiveGroup(DateOnly? activatedOn = null)
    {
        var (group, _, _) = FormedGroup();
        group.Activate(activatedOn ?? FormedOn, Today);
        return group;
    }

    public static Meeting GroupMeeting(PartnershipGroup group, DateOnly? date = null) =>
        Meeting.Schedule(group, MeetingBody.Group, "Quarterly meeting", date ?? Today.AddDays(-3), "Marneuli city hall", online: false,
            ["Opening", "Home care for older people"], Today, Now);

    public static Meeting AllianceMeeting(DateOnly date) =>
        Meeting.Schedule(null, MeetingBody.Alliance, "Alliance assembly", date, null, online: true, ["Recommendations"], Today, Now);

    /// <summary>Alliance members who joined on <paramref name="joinedOn"/>.</summary>
    public static List<AllianceMember> AllianceMembers(int count, DateOnly joinedOn) =>
        [.. Enumerable.Range(0, count).Select(i => AllianceMember.Join(
            Organization(i % 2 == 0 ? OrganizationType.Cso : OrganizationType.SocialServiceProvider, i % 2 == 0 ? Municipality.Marneuli : Municipality.Akhaltsikhe),
            joinedOn, [], Today, Now))];

    public static void Attend(Meeting meeting, IEnumerable<AllianceMember> present, IReadOnlyList<AllianceMember> memberships) =>
        meeting.RecordAttendance([.. present.Select(m => new Meeting.Attendee(m.OrganizationId, null, "female"))], null, memberships, Today);

    public static void AssertInvalid(Action action, params string[] fields)
    {
        var invalid = Assert.Throws<DomainValidationException>(action);
        foreach (var field in fields)
        {
            Assert.Contains(field, invalid.Errors.Keys);
        }
    }

    public static void AssertRefused(Action action, string code) =>
        Assert.Equal(code, Assert.Throws<RuleViolationException>(action).Code);
}
