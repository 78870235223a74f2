using Platform.Contracts.Partnerships;
using Platform.Partnerships.Alliance;
using Platform.Partnerships.Meetings;
using Platform.Partnerships.Recommendations;
using static Platform.UnitTests.Partnerships.PartnershipsExamples;

namespace Platform.UnitTests.Partnerships;

public sealed class RecommendationTests
{
    private static readonly DateOnly MeetingDay = new(2026, 6, 1);
    private const string Actor = "partnerships-officer";

    private static Recommendation Drafted(Guid? authorityId = null, string? authorityName = "Ministry of Health") =>
        Recommendation.Create(new Recommendation.Draft(
            new Dictionary<string, string?> { ["en"] = "Home care in every village", ["ka"] = "შინ მოვლა ყველა სოფელში" },
            new Dictionary<string, string?> { ["en"] = "Extend the municipal home-care programme." },
            "Older people in remote villages get no home care.", ["Needs assessment 2026, p. 12"], "Fund two more home-care teams.",
            authorityId, authorityId is null ? authorityName : null, [Municipality.Marneuli, Municipality.Akhaltsikhe], "First draft"),
            authorityId is null ? null : Organization(OrganizationType.LocalSelfGovernment), Actor, MeetingDay.AddDays(-10), Now);

    private static Recommendation.Ballot[] Ballots(IEnumerable<AllianceMember> voters, params VoteChoice[] choices) =>
        [.. voters.Zip(choices, (m, c) => new Recommendation.Ballot(m.OrganizationId, c))];

    [Fact]
    public void Endorsed_with_a_quorum_and_more_votes_for_than_against_abstentions_not_counted()
    {
        var members = AllianceMembers(5, MeetingDay.AddMonths(-3));
        var meeting = AllianceMeeting(MeetingDay);
        Attend(meeting, members.Take(3), members);
        var recommendation = Drafted();

        var result = recommendation.Vote(meeting, Ballots(members.Take(3), VoteChoice.For, VoteChoice.Abstain, VoteChoice.Abstain), members, Actor, null, Now);

        Assert.True(result.Endorsed);
        Assert.Equal((5, 3, 1, 0, 2), (result.MembersOnTheDay, result.Present, result.For, result.Against, result.Abstain));
        Assert.Equal(RecommendationStatus.Endorsed, recommendation.Status);
        Assert.Equal(meeting.Id, recommendation.EndorsedAtMeetingId);
        Assert.Equal(3, recommendation.Votes.Count);
        var step = recommendation.Timeline.Last();
        Assert.Equal((TimelineStep.Endorsed, MeetingDay, Actor), (step.Step, step.On, step.Actor));
    }

    [Fact]
    public void Exactly_half_of_the_members_present_is_no_quorum()
    {
        var members = AllianceMembers(4, MeetingDay.AddMonths(-3));
        var meeting = AllianceMeeting(MeetingDay);
        Attend(meeting, members.Take(2), members);
        var recommendation = Drafted();

        AssertRefused(() => recommendation.Vote(meeting, Ballots(members.Take(2), VoteChoice.For, VoteChoice.For), members, Actor, null, Now), "no-quorum");
        Assert.Equal(RecommendationStatus.Drafted, recommendation.Status);
        Assert.Single(recommendation.Timeline);
    }

    [Fact]
    public void The_quorum_counts_the_members_on_the_meeting_day_as_members_join_and_leave()
    {
        var founders = AllianceMembers(4, MeetingDay.AddMonths(-6));
        // Two founders left before the meeting; one organisation joins only after it.
        founders[2].Leave(MeetingDay.AddDays(-10), Today);
        founders[3].Leave(MeetingDay, Today);
        var late = AllianceMembers(1, MeetingDay.AddDays(1));
        var memberships = founders.Concat(late).ToList();
        var meeting = AllianceMeeting(MeetingDay);

        // The two remaining members are the whole Alliance that day: both present is a quorum.
        Attend(meeting, founders.Take(2), memberships);
        var result = Drafted().Vote(meeting, Ballots(founders.Take(2), VoteChoice.For, VoteChoice.Against), memberships, Actor, null, Now);
        Assert.Equal((2, 2), (result.MembersOnTheDay, result.Present));

        // Who had left, or had not yet joined, neither attends nor votes.
        AssertInvalid(() => Attend(AllianceMeeting(MeetingDay), [founders[3]], memberships), "attendees[0].organizationId");
        AssertInvalid(() => Attend(AllianceMeeting(MeetingDay), late, memberships), "attendees[0].organizationId");

        // A rejoined member counts again on a later day.
        var rejoined = AllianceMember.Join(Organization(OrganizationType.Cso), MeetingDay.AddDays(2), [founders[2]], Today, Now);
        Assert.True(rejoined.IsMemberOn(MeetingDay.AddDays(2)));
        AssertRefused(() => AllianceMember.Join(Organization(OrganizationType.Cso), MeetingDay, [founders[0]], Today, Now), "already-member");
    }

    [Fact]
    public void A_tie_or_a_majority_against_is_a_failed_vote_on_the_timeline_and_the_recommendation_stays_drafted()
    {
        var members = AllianceMembers(3, MeetingDay.AddMonths(-3));
        var meeting = AllianceMeeting(MeetingDay);
        Attend(meeting, members, members);
        var recommendation = Drafted();

        var tie = recommendation.Vote(meeting, Ballots(members, VoteChoice.For, VoteChoice.Against, VoteChoice.Abstain), members, Actor, "Tied", Now);

        Assert.False(tie.Endorsed);
        Assert.Equal(RecommendationStatus.Drafted, recommendation.Status);
        Assert.Empty(recommendation.Votes);
        Assert.Equal(TimelineStep.VoteFailed, recommendation.Timeline.Last().Step);
        Assert.Contains("1 for, 1 against, 1 abstaining", recommendation.Timeline.Last().Note, StringComparison.Ordinal);

        // A second vote at a later meeting can still endorse it.
        var again = recommendation.Vote(meeting, Ballots(members, VoteChoice.For, VoteChoice.For, VoteChoice.Against), members, Actor, null, Now);
        Assert.True(again.Endorsed);
    }

    [Fact]
    public void Only_members_present_vote_once_each_and_only_at_a_held_Alliance_meeting()
    {
        var members = AllianceMembers(3, MeetingDay.AddMonths(-3));
        var meeting = AllianceMeeting(MeetingDay);
        Attend(meeting, members.Take(2), members);
        var recommendation = Drafted();

        AssertInvalid(() => recommendation.Vote(meeting,
            [new(members[0].OrganizationId, VoteChoice.For), new(members[0].OrganizationId, VoteChoice.For), new(members[2].OrganizationId, VoteChoice.For), new(members[1].OrganizationId, null)],
            members, Actor, null, Now), "votes[1].organizationId", "votes[2].organizationId", "votes[3].choice");
        AssertRefused(() => recommendation.Vote(AllianceMeeting(MeetingDay), Ballots(members.Take(1), VoteChoice.For), members, Actor, null, Now), "meeting-not-held");
        var groupMeeting = GroupMeeting(ActiveGroup());
        AssertInvalid(() => recommendation.Vote(groupMeeting, Ballots(members.Take(1), VoteChoice.For), members, Actor, null, Now), "meetingId");
    }

    [Fact]
    public void From_endorsed_to_implemented_every_step_in_order_on_the_timeline_and_the_events_carry_no_people()
    {
        var members = AllianceMembers(3, MeetingDay.AddMonths(-3));
        var meeting = AllianceMeeting(MeetingDay);
        Attend(meeting, members, members);
        var recommendation = Drafted();

        AssertRefused(() => recommendation.Submit(MeetingDay, "Letter 12/2026", Actor, null, Today, Now), "step-out-of-order");
        recommendation.Vote(meeting, Ballots(members, VoteChoice.For, VoteChoice.For, VoteChoice.For), members, Actor, null, Now);
        AssertRefused(() => recommendation.RecordAnswer(Recommendation.Answer.Adopted, "Yes", MeetingDay, Actor, null, Today, Now), "step-out-of-order");
        AssertInvalid(() => recommendation.Submit(MeetingDay.AddDays(-1), "", Actor, null, Today, Now), "submittedOn", "reference");
        recommendation.Submit(MeetingDay.AddDays(2), "Letter 12/2026", Actor, null, Today, Now);
        AssertRefused(() => recommendation.RecordProgress(10, ["Order 5"], Today, Actor, null, Today, Now), "step-out-of-order");

        var adopted = recommendation.RecordAnswer(Recommendation.Answer.PartiallyAdopted, "Funded one team in 2027.", MeetingDay.AddDays(9), Actor, "Reply letter", Today, Now);

        Assert.NotNull(adopted);
        Assert.Equal(AdoptionOutcome.PartiallyAdopted, adopted.Outcome);
        Assert.Equal("Ministry of Health", adopted.AuthorityName);
        Assert.Null(adopted.AuthorityOrganizationId);
        Assert.Equal([Municipality.Marneuli, Municipality.Akhaltsikhe], adopted.Municipalities);
        Assert.Equal("Home care in every village", adopted.Title["en"]);
        AssertRefused(() => recommendation.RecordAnswer(Recommendation.Answer.Rejected, "No", Today, Actor, null, Today, Now), "step-out-of-order");

        var halfway = recommendation.RecordProgress(50, ["Municipal order 44"], Today.AddDays(-1), Actor, null, Today, Now);
        Assert.False(halfway.Completed);
        Assert.Equal(RecommendationStatus.PartiallyAdopted, recommendation.Status);
        AssertInvalid(() => recommendation.RecordProgress(101, [], Today.AddDays(1), Actor, null, Today, Now), "progressPercent", "evidence", "recordedOn");
        var done = recommendation.RecordProgress(100, ["Team hired: contract 7"], Today, Actor, null, Today, Now);

        Assert.True(done.Completed);
        Assert.Equal(100, done.ProgressPercent);
        Assert.Equal(RecommendationStatus.Implemented, recommendation.Status);
        Assert.Equal(["Municipal order 44", "Team hired: contract 7"], recommendation.ImplementationEvidence);
        AssertRefused(() => recommendation.RecordProgress(100, ["Again"], Today, Actor, null, Today, Now), "step-out-of-order");
        Assert.Equal(
            [TimelineStep.Drafted, TimelineStep.Endorsed, TimelineStep.Submitted, TimelineStep.PartiallyAdopted, TimelineStep.ProgressRecorded, TimelineStep.Implemented],
            recommendation.Timeline.Select(t => t.Step));
        Assert.Equal(Enumerable.Range(1, 6), recommendation.Timeline.Select(t => t.Sequence));
        Assert.All(recommendation.Timeline, t => Assert.Equal(Actor, t.Actor));
    }

    [Fact]
    public void A_rejected_recommendation_publishes_nothing_and_is_not_implemented()
    {
        var members = AllianceMembers(1, MeetingDay.AddMonths(-3));
        var meeting = AllianceMeeting(MeetingDay);
        Attend(meeting, members, members);
        var recommendation = Drafted();
        recommendation.Vote(meeting, Ballots(members, VoteChoice.For), members, Actor, null, Now);
        recommendation.Submit(MeetingDay, "Ref 1", Actor, null, Today, Now);

        Assert.Null(recommendation.RecordAnswer(Recommendation.Answer.Rejected, "No budget.", MeetingDay.AddDays(5), Actor, null, Today, Now));
        Assert.False(recommendation.IsAdopted);
        AssertRefused(() => recommendation.RecordProgress(10, ["x"], Today, Actor, null, Today, Now), "step-out-of-order");
    }

    [Fact]
    public void The_target_authority_is_an_LSG_body_from_the_registry_or_a_named_national_authority_not_both()
    {
        AssertInvalid(() => Recommendation.Create(new Recommendation.Draft(null, new Dictionary<string, string?> { ["xx"] = "t" }, "", [], "", null, null, ["KK-NOWHERE"], null),
            null, Actor, Today, Now), "title", "summary.xx", "problem", "evidence", "proposedAction", "authorityOrganizationId", "municipalities[0]");
        var cso = Organization(OrganizationType.Cso);
        AssertInvalid(() => Recommendation.Create(new Recommendation.Draft(new Dictionary<string, string?> { ["en"] = "t" }, new Dictionary<string, string?> { ["en"] = "s" },
            "p", ["e"], "a", cso.Id, null, [Municipality.Marneuli], null), cso, Actor, Today, Now), "authorityOrganizationId");
        var lsgAuthority = Drafted(authorityId: Guid.NewGuid());
        Assert.Null(lsgAuthority.AuthorityName);
    }
}
