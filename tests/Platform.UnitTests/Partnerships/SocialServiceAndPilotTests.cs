using Platform.Contracts.Partnerships;
using Platform.Partnerships.Awards;
using Platform.Partnerships.Pilots;
using Platform.Partnerships.SocialServices;
using static Platform.UnitTests.Partnerships.PartnershipsExamples;

namespace Platform.UnitTests.Partnerships;

public sealed class SocialServiceAndPilotTests
{
    private static readonly Dictionary<string, int> ByGender = new() { ["female"] = 12, ["male"] = 8 };
    private static readonly Dictionary<string, int> ByAge = new() { ["35-plus"] = 15, ["25-34"] = 5 };

    private static SocialService Idea(Guid? recommendationId = null) =>
        SocialService.Propose(new Dictionary<string, string?> { ["en"] = "Mobile home care" }, Municipality.Marneuli, "Older people in villages live alone.",
            recommendationId ?? Guid.NewGuid(), true, null, false, Now);

    [Fact]
    public void A_service_goes_from_idea_through_co_design_and_pilot_to_the_municipal_budget()
    {
        var recommendationId = Guid.NewGuid();
        var service = Idea(recommendationId);

        AssertRefused(() => service.Design("Two nurses visit twice a week", "Older people living alone"), "no-workshop");
        AssertRefused(() => service.RecordPilot(Today.AddMonths(-3), Today, ByGender, ByAge, Today), "step-out-of-order");
        service.AddWorkshop(Guid.NewGuid(), meetingHeld: true);
        service.Design("Two nurses visit twice a week", "Older people living alone");
        AssertInvalid(() => service.RecordPilot(Today, Today.AddDays(1), new Dictionary<string, int> { ["female"] = 2 }, new Dictionary<string, int> { ["35-plus"] = 3 }, Today), "endsOn", "peopleServedByAgeGroup");
        service.RecordPilot(Today.AddMonths(-3), Today.AddDays(-1), ByGender, ByAge, Today);
        AssertInvalid(() => service.Institutionalise(0, "USD", null, "", null, Today, Now), "amount", "currency", "budgetYear", "decisionReference", "decidedOn");

        var launched = service.Institutionalise(85_000.50m, "GEL", 2027, "Sakrebulo decision 112", Today, Today, Now);

        Assert.Equal(SocialServiceStatus.Institutionalised, service.Status);
        Assert.Equal((service.Id, Municipality.Marneuli, 85_000.50m, "GEL", 2027, recommendationId), (launched.SocialServiceId, launched.Municipality, launched.MunicipalFunding, launched.Currency, launched.BudgetYear, launched.RecommendationId));
        Assert.Equal(20, launched.PeopleServedInPilot);
        Assert.Equal(0, launched.PeopleServedByGender["other"]);
        Assert.Equal(15, launched.PeopleServedByAgeGroup["35-plus"]);
        AssertRefused(() => service.Stop("Too late", Today), "step-out-of-order");
    }

    [Fact]
    public void A_service_needs_a_need_from_a_recommendation_or_a_decision_and_may_be_stopped_with_a_reason()
    {
        AssertInvalid(() => SocialService.Propose(null, "KK-X", "", null, false, null, false, Now), "name", "municipality", "need", "recommendationId");
        AssertInvalid(() => SocialService.Propose(new Dictionary<string, string?> { ["en"] = "S" }, Municipality.Marneuli, "n", Guid.NewGuid(), false, Guid.NewGuid(), false, Now),
            "recommendationId", "decisionId");
        var service = Idea();
        AssertInvalid(() => service.AddWorkshop(Guid.NewGuid(), meetingHeld: false), "meetingId");
        AssertInvalid(() => service.Stop(" ", Today), "reason");

        service.Stop("The municipality chose another provider.", Today);

        Assert.Equal(SocialServiceStatus.Stopped, service.Status);
        AssertRefused(() => service.AddWorkshop(Guid.NewGuid(), true), "step-out-of-order");
    }

    [Fact]
    public void A_pilot_initiative_is_run_by_a_CSO_and_an_LSG_body_and_completed_once_over()
    {
        var cso = Organization(OrganizationType.Cso);
        var lsg = Organization(OrganizationType.LocalSelfGovernment, Municipality.Ninotsminda);
        AssertInvalid(() => PilotInitiative.Plan(null, "", lsg, cso, Today, Today.AddDays(-1), awardRequested: true, award: null, Now),
            "kind", "title", "csoOrganizationId", "localSelfGovernmentId", "endsOn", "awardId");
        var pilot = PilotInitiative.Plan(PilotInitiativeKind.ParticipatoryBudgeting, "Youth budget for parks", cso, lsg, Today.AddDays(-30), Today, false, null, Now);

        AssertRefused(() => pilot.Complete(ByGender, ByAge, "Two parks chosen", "In the 2027 budget", Today.AddDays(-1), Now), "pilot-not-over");
        var completed = pilot.Complete(ByGender, ByAge, "Two parks chosen", "In the 2027 budget", Today, Now);

        Assert.Equal((pilot.Id, PilotInitiativeKind.ParticipatoryBudgeting, Municipality.Ninotsminda, cso.Id, lsg.Id, 20, (Guid?)null),
            (completed.InitiativeId, completed.Kind, completed.Municipality, completed.CsoOrganizationId, completed.LocalSelfGovernmentId, completed.Participants, completed.AwardId));
        AssertRefused(() => pilot.Complete(ByGender, ByAge, "o", "f", Today, Now), "pilot-completed");
    }

    [Fact]
    public void A_pilot_financed_by_a_grant_carries_its_award_id()
    {
        var award = GrantAward.From(new Platform.Contracts.Grants.GrantAwarded(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Platform.Contracts.Grants.TargetGroup.Cso,
            Guid.NewGuid(), null, Municipality.Marneuli, 20_000m, "GEL"));
        var pilot = PilotInitiative.Plan(PilotInitiativeKind.PublicHearing, "Hearing on the social budget", Organization(OrganizationType.Cso),
            Organization(OrganizationType.LocalSelfGovernment), Today, Today, true, award, Now);

        Assert.Equal(award.AwardId, pilot.Complete(ByGender, ByAge, "o", "f", Today, Now).AwardId);
    }
}
