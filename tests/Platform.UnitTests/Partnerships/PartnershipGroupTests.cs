using Platform.Partnerships.Groups;
using static Platform.UnitTests.Partnerships.PartnershipsExamples;

namespace Platform.UnitTests.Partnerships;

public sealed class PartnershipGroupTests
{
    [Fact]
    public void Forming_publishes_the_member_organisations_and_the_LSG_body_without_representatives()
    {
        var cso = Organization(OrganizationType.Cso);
        var provider = Organization(OrganizationType.SocialServiceProvider);
        var lsg = Organization(OrganizationType.LocalSelfGovernment);

        var (group, formed) = PartnershipGroup.Form(Municipality.Marneuli, "Marneuli group", null, FormedOn,
            [new(cso, MemberRole.Chair, null), new(provider, null, null), new(lsg, null, null)], Today, Now);

        Assert.Equal(GroupStatus.Formed, group.Status);
        Assert.Equal((group.Id, Municipality.Marneuli, FormedOn, lsg.Id), (formed.GroupId, formed.Municipality, formed.FormedOn, formed.LocalSelfGovernmentId));
        Assert.Equal([cso.Id, provider.Id, lsg.Id], formed.MemberOrganizationIds);
        Assert.All(group.Members, m => Assert.Equal(FormedOn, m.JoinedOn));
    }

    [Fact]
    public void A_group_needs_a_CSO_and_the_LSG_body_of_its_own_municipality()
    {
        var cso = Organization(OrganizationType.Cso);
        var otherLsg = Organization(OrganizationType.LocalSelfGovernment, Municipality.Bolnisi);
        var lsg = Organization(OrganizationType.LocalSelfGovernment);

        AssertInvalid(() => PartnershipGroup.Form(Municipality.Marneuli, "G", null, FormedOn, [new(lsg, null, null)], Today, Now), "members");
        AssertInvalid(() => PartnershipGroup.Form(Municipality.Marneuli, "G", null, FormedOn, [new(cso, null, null), new(otherLsg, null, null)], Today, Now),
            "members[1].organizationId");
        AssertInvalid(() => PartnershipGroup.Form(Municipality.Marneuli, "G", null, FormedOn, [new(cso, null, null)], Today, Now), "members");
        AssertInvalid(() => PartnershipGroup.Form("KK-NOWHERE", "", null, Today.AddDays(1), [new(null, null, null)], Today, Now),
            "municipality", "name", "formedOn", "members[0].organizationId");
    }

    [Fact]
    public void A_group_becomes_active_with_terms_of_reference_and_a_chair()
    {
        var cso = Organization(OrganizationType.Cso);
        var lsg = Organization(OrganizationType.LocalSelfGovernment);
        var (group, _) = PartnershipGroup.Form(Municipality.Marneuli, "G", null, FormedOn, [new(cso, null, null), new(lsg, null, null)], Today, Now);

        AssertRefused(() => group.Activate(FormedOn, Today), "no-terms-of-reference");
        group.SetTermsOfReference("Meets monthly.");
        AssertRefused(() => group.Activate(FormedOn, Today), "no-chair");
        group.ChangeRole(group.Members[0].Id, MemberRole.Chair);
        AssertRefused(() => group.ChangeRole(group.Members[1].Id, MemberRole.Chair), "one-chair");
        group.Activate(FormedOn.AddDays(5), Today);

        Assert.Equal(GroupStatus.Active, group.Status);
        Assert.Equal(GroupStage.Active, group.StageOn(Today));
        AssertRefused(() => group.Activate(Today, Today), "group-not-formed");
    }

    [Fact]
    public void An_active_group_without_a_meeting_for_six_months_is_dormant_until_it_meets_again()
    {
        var activated = new DateOnly(2026, 1, 15);
        var group = ActiveGroup(activated);

        Assert.Equal(GroupStage.Active, group.StageOn(new DateOnly(2026, 7, 15)));
        Assert.Equal(GroupStage.Dormant, group.StageOn(new DateOnly(2026, 7, 16)));

        group.MetOn(new DateOnly(2026, 7, 1));
        Assert.Equal(GroupStage.Active, group.StageOn(new DateOnly(2026, 8, 1)));
        Assert.Equal(GroupStage.Active, group.StageOn(new DateOnly(2027, 1, 1)));
        Assert.Equal(GroupStage.Dormant, group.StageOn(new DateOnly(2027, 1, 2)));

        // An older meeting recorded later does not move the last meeting back.
        group.MetOn(new DateOnly(2026, 3, 1));
        Assert.Equal(new DateOnly(2026, 7, 1), group.LastMetOn);
    }

    [Fact]
    public void A_formed_group_is_never_dormant_and_a_closed_one_is_closed()
    {
        var (group, _, _) = FormedGroup();
        Assert.Equal(GroupStage.Formed, group.StageOn(FormedOn.AddYears(2)));

        var closed = group.Close(Today, "Merged into the municipal council's social commission", Today, Now);

        Assert.Equal((group.Id, Municipality.Marneuli, Today), (closed.GroupId, closed.Municipality, closed.ClosedOn));
        Assert.Equal(GroupStage.Closed, group.StageOn(Today));
        AssertRefused(() => group.SetTermsOfReference("New"), "group-closed");
        AssertRefused(() => group.Close(Today, "again", Today, Now), "group-closed");
    }

    [Fact]
    public void Members_join_and_leave_but_the_group_keeps_a_CSO_and_its_LSG_body()
    {
        var (group, cso, lsg) = FormedGroup();
        var second = Organization(OrganizationType.Cso);
        var joined = group.AddMember(second, MemberRole.Member, FormedOn.AddDays(30), Today, Now);

        AssertRefused(() => group.AddMember(second, null, Today, Today, Now), "already-member");
        var lsgMember = group.Members.Single(m => m.OrganizationId == lsg.Id);
        AssertRefused(() => group.MemberLeaves(lsgMember.Id, Today, Today), "group-needs-cso-and-lsg");

        var first = group.Members.Single(m => m.OrganizationId == cso.Id);
        group.MemberLeaves(first.Id, new DateOnly(2026, 5, 1), Today);

        Assert.True(group.HasMember(cso.Id, new DateOnly(2026, 4, 30)));
        Assert.False(group.HasMember(cso.Id, new DateOnly(2026, 5, 1)));
        Assert.False(group.HasMember(second.Id, FormedOn));
        Assert.True(group.HasMember(second.Id, Today));
        AssertRefused(() => group.MemberLeaves(joined.Id, Today, Today), "group-needs-cso-and-lsg");
        AssertInvalid(() => group.MemberLeaves(joined.Id, FormedOn, Today), "leftOn");
    }

    [Fact]
    public void Erasing_a_representative_removes_the_personal_data()
    {
        var (group, _, _) = FormedGroup();
        var representative = group.AddRepresentative(group.Members[0].Id, "Nino Beridze", "female", "nino@example.ge", Now);

        representative.Erase(Now);

        Assert.Equal((null, null, null), (representative.Name, representative.Gender, representative.Contact));
        AssertRefused(() => representative.Erase(Now), "already-erased");
        AssertInvalid(() => group.AddRepresentative(group.Members[0].Id, "", "woman", "", Now), "name", "gender", "contact");
    }
}
