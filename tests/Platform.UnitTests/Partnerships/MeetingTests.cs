using Platform.Partnerships.Groups;
using Platform.Partnerships.Meetings;
using static Platform.UnitTests.Partnerships.PartnershipsExamples;

namespace Platform.UnitTests.Partnerships;

public sealed class MeetingTests
{
    private static (PartnershipGroup Group, Meeting Meeting, Representative Woman, Representative Man) HeldMeeting()
    {
        var group = ActiveGroup();
        var woman = group.AddRepresentative(group.Members[0].Id, "Nino Beridze", "female", "nino@example.ge", Now);
        var man = group.AddRepresentative(group.Members[1].Id, "Levan Kapanadze", "male", "+995 555 00 00 00", Now);
        var meeting = GroupMeeting(group);
        meeting.RecordAttendance([new(null, woman.Id, null), new(null, man.Id, null)], group, [], Today);
        return (group, meeting, woman, man);
    }

    [Fact]
    public void Attendance_is_counted_by_gender_and_sector_and_the_group_has_met()
    {
        var (group, meeting, _, _) = HeldMeeting();

        Assert.Equal(meeting.Date, meeting.HeldOn);
        Assert.Equal(meeting.Date, group.LastMetOn);
        Assert.Equal(1, meeting.AttendanceByGender["female"]);
        Assert.Equal(1, meeting.AttendanceByGender["male"]);
        Assert.Equal(1, meeting.AttendanceBySector["Cso"]);
        Assert.Equal(1, meeting.AttendanceBySector["LocalSelfGovernment"]);
        Assert.Equal(["Opening", "Home care for older people"], meeting.Agenda.OrderBy(a => a.Position).Select(a => a.Title));
    }

    [Fact]
    public void Attendance_counts_stay_when_a_representative_is_erased()
    {
        var (_, meeting, woman, _) = HeldMeeting();

        woman.Erase(Now);

        Assert.Equal(1, meeting.AttendanceByGender["female"]);
    }

    [Fact]
    public void Only_representatives_of_members_on_the_day_attend_and_only_a_held_meeting_gets_attendance()
    {
        var group = ActiveGroup();
        var stranger = ActiveGroup();
        var outsider = stranger.AddRepresentative(stranger.Members[0].Id, "Ana", "female", "ana@example.ge", Now);
        var insider = group.AddRepresentative(group.Members[0].Id, "Nino", "female", "nino@example.ge", Now);
        var meeting = GroupMeeting(group);

        AssertInvalid(() => meeting.RecordAttendance([new(null, insider.Id, null), new(null, outsider.Id, null)], group, [], Today), "attendees[1].representativeId");
        AssertInvalid(() => meeting.RecordAttendance([new(null, insider.Id, null), new(null, insider.Id, null)], group, [], Today), "attendees[1].representativeId");
        var future = GroupMeeting(group, Today.AddDays(7));
        AssertRefused(() => future.RecordAttendance([new(null, insider.Id, null)], group, [], Today), "meeting-not-held");
        AssertRefused(() => future.DraftMinutes("Draft"), "meeting-not-held");
    }

    [Fact]
    public void Minutes_are_drafted_circulated_and_approved_in_that_order()
    {
        var (_, meeting, _, _) = HeldMeeting();

        AssertRefused(meeting.CirculateMinutes, "minutes-not-drafted");
        meeting.DraftMinutes("The group agreed to map home-care needs.");
        AssertRefused(() => meeting.ApproveMinutes(Today), "minutes-not-circulated");
        meeting.CirculateMinutes();
        // Redrafting circulated minutes sends them back to be circulated again.
        meeting.DraftMinutes("The group agreed to map home-care needs in every village.");
        Assert.Equal(MinutesStatus.Drafted, meeting.MinutesStatus);
        meeting.CirculateMinutes();
        meeting.ApproveMinutes(Today);

        Assert.Equal(MinutesStatus.Approved, meeting.MinutesStatus);
        Assert.Equal(Today, meeting.MinutesApprovedOn);
        Assert.True(meeting.IsLocked);
    }

    [Fact]
    public void Approved_minutes_lock_agenda_attendance_minutes_and_decisions()
    {
        var (group, meeting, woman, _) = HeldMeeting();
        var owner = group.Members[0].OrganizationId;
        var decision = meeting.RecordDecision("Map home-care needs", owner, Today.AddDays(30), new HashSet<Guid> { owner }, Now);
        meeting.DraftMinutes("Minutes");
        meeting.CirculateMinutes();
        meeting.ApproveMinutes(Today);

        AssertRefused(() => meeting.SetAgenda(["Another item"]), "minutes-approved");
        AssertRefused(() => meeting.RecordAttendance([new(null, woman.Id, null)], group, [], Today), "minutes-approved");
        AssertRefused(() => meeting.DraftMinutes("Changed"), "minutes-approved");
        AssertRefused(meeting.CirculateMinutes, "minutes-approved");
        AssertRefused(() => meeting.ApproveMinutes(Today), "minutes-approved");
        AssertRefused(() => meeting.RecordDecision("Another", owner, Today, new HashSet<Guid> { owner }, Now), "minutes-approved");
        Assert.Equal("Minutes", meeting.Minutes);
        Assert.Single(meeting.Decisions);

        // The follow-up of a minuted decision is not the minutes: it is still tracked.
        meeting.SetDecisionStatus(decision.Id, DecisionStatus.Done, Today);
        Assert.Equal(DecisionStatus.Done, decision.Status);
        AssertRefused(() => meeting.SetDecisionStatus(decision.Id, DecisionStatus.Cancelled, Today), "decision-closed");
    }

    [Fact]
    public void An_open_decision_past_its_due_date_is_overdue()
    {
        var (group, meeting, _, _) = HeldMeeting();
        var owner = group.Members[1].OrganizationId;
        var decision = meeting.RecordDecision("Publish the budget hearing schedule", owner, Today.AddDays(10), new HashSet<Guid> { owner }, Now);

        Assert.False(decision.IsOverdueOn(Today.AddDays(10)));
        Assert.True(decision.IsOverdueOn(Today.AddDays(11)));
        meeting.SetDecisionStatus(decision.Id, DecisionStatus.Done, Today.AddDays(12));
        Assert.False(decision.IsOverdueOn(Today.AddDays(20)));
        AssertInvalid(() => meeting.RecordDecision("", Guid.NewGuid(), meeting.Date.AddDays(-1), new HashSet<Guid> { owner }, Now), "text", "ownerOrganizationId", "dueOn");
    }

    [Fact]
    public void A_meeting_has_a_place_unless_online_and_a_group_meeting_has_a_group()
    {
        AssertInvalid(() => Meeting.Schedule(null, MeetingBody.Group, "T", Today, null, false, [""], Today, Now), "groupId", "place", "agenda[0]");
        var (group, _, _) = FormedGroup();
        AssertInvalid(() => Meeting.Schedule(group, MeetingBody.Alliance, "T", Today, null, true, null, Today, Now), "groupId");
        group.Close(Today, "Done", Today, Now);
        AssertRefused(() => Meeting.Schedule(group, MeetingBody.Group, "T", Today, "Hall", false, null, Today, Now), "group-closed");
    }
}
