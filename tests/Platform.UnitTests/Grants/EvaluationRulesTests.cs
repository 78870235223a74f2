using Platform.Grants.Applications;
using Platform.Grants.Awards;
using Platform.Grants.Evaluation;
using Platform.Grants.Funding;
using static Platform.UnitTests.Grants.GrantsSamples;

namespace Platform.UnitTests.Grants;

public sealed class EvaluationRulesTests
{
    private static ScoreInput?[] Scores(int relevance = 8, int feasibility = 6, int sustainability = 5) =>
    [
        new("relevance", relevance, "Meets a need."),
        new("feasibility", feasibility, "Realistic."),
        new("sustainability", sustainability, "Co-funded."),
    ];

    private static Platform.Grants.Calls.Call ClosedCall()
    {
        var call = OpenCall();
        call.Close(Now);
        return call;
    }

    [Fact]
    public void An_evaluator_sees_and_scores_nothing_before_declaring_no_conflict()
    {
        var call = ClosedCall();
        var assignment = EvaluatorAssignment.Assign(call.Id, Guid.CreateVersion7(), "evaluator-1", Now);
        Assert.Equal("declaration-required", Assert.Throws<RuleViolationException>(assignment.EnsureMaySee).Code);
        Assert.Equal("declaration-required", Assert.Throws<RuleViolationException>(() => assignment.Score(call, Scores(), Now)).Code);
        Assert.Null(assignment.WeightedTotal);

        assignment.Declare(conflictOfInterest: false, Now);
        assignment.EnsureMaySee();
        assignment.Score(call, Scores(), Now);
        Assert.Equal(78m, assignment.WeightedTotal);
    }

    [Fact]
    public void A_declared_conflict_recuses_the_evaluator_for_good()
    {
        var call = ClosedCall();
        var assignment = EvaluatorAssignment.Assign(call.Id, Guid.CreateVersion7(), "evaluator-1", Now);
        assignment.Declare(conflictOfInterest: true, Now);
        Assert.Equal("conflict-of-interest", Assert.Throws<RuleViolationException>(assignment.EnsureMaySee).Code);
        Assert.Equal("already-declared", Assert.Throws<RuleViolationException>(() => assignment.Declare(false, Now)).Code);
        Assert.Equal("conflict-of-interest", Assert.Throws<RuleViolationException>(() => assignment.Score(call, Scores(), Now)).Code);
    }

    [Fact]
    public void Scores_are_within_each_criterion_s_scale_cover_every_criterion_once_and_carry_a_comment()
    {
        var call = ClosedCall();
        var assignment = EvaluatorAssignment.Assign(call.Id, Guid.CreateVersion7(), "evaluator-1", Now);
        assignment.Declare(false, Now);

        var outOfScale = Assert.Throws<DomainValidationException>(() => assignment.Score(call, Scores(sustainability: 6), Now));
        Assert.Contains("scores[2].score", outOfScale.Errors.Keys);

        var incomplete = Assert.Throws<DomainValidationException>(() => assignment.Score(call, [new("relevance", 5, "ok"), new("relevance", 5, "again"), new("impact", 1, "")], Now));
        Assert.Contains("scores[1].criterion", incomplete.Errors.Keys);
        Assert.Contains("scores[2].criterion", incomplete.Errors.Keys);
        Assert.Contains("scores[2].comment", incomplete.Errors.Keys);
        Assert.Contains("scores", incomplete.Errors.Keys);
        Assert.Null(assignment.WeightedTotal);
    }

    [Fact]
    public void Scores_are_given_only_while_the_call_is_being_evaluated()
    {
        var open = OpenCall();
        var assignment = EvaluatorAssignment.Assign(open.Id, Guid.CreateVersion7(), "evaluator-1", Now);
        assignment.Declare(false, Now);
        Assert.Equal("call-not-in-evaluation", Assert.Throws<RuleViolationException>(() => assignment.Score(open, Scores(), Now)).Code);
    }

    [Fact]
    public void The_ranking_orders_eligible_applications_by_their_average_score_and_lists_the_unscored()
    {
        var call = OpenCall();
        var low = Submitted(call, at: Now);
        var high = Submitted(call, at: Now.AddMinutes(5));
        var tiedLater = Submitted(call, at: Now.AddMinutes(10));
        var ineligible = Submitted(call, facts: Cso(municipality: "KK-TSALKA"));
        var withdrawn = Submitted(call);
        withdrawn.Withdraw(Now);
        call.Close(Now);
        var cards = new[]
        {
            Scored(call, low, "a", 4, 4, 2), Scored(call, low, "b", 6, 6, 2),   // 40, 55: average 47.5
            Scored(call, high, "a", 10, 10, 5), Scored(call, high, "b", 8, 8, 4), // 100, 80: average 90
            Scored(call, tiedLater, "a", 10, 10, 5), Scored(call, tiedLater, "b", 8, 8, 4),
        };

        var ranking = Ranking.Of([low, high, tiedLater, ineligible, withdrawn], cards);
        Assert.Equal([high.Id, tiedLater.Id, low.Id], ranking.Select(r => r.ApplicationId));
        Assert.Equal([1, 2, 3], ranking.Select(r => r.Rank));
        Assert.Equal(90m, ranking[0].AverageScore);
        Assert.Equal(47.5m, ranking[2].AverageScore);

        Assert.Empty(Ranking.Unscored([low, high, tiedLater, ineligible, withdrawn], cards, required: 2));
        Assert.Equal([low.Id, high.Id, tiedLater.Id], Ranking.Unscored([low, high, tiedLater], cards, required: 3));
    }

    [Fact]
    public void Awarding_a_ranking_gives_each_its_request_while_it_fits_and_puts_the_rest_on_the_waiting_list()
    {
        RankedApplication Ranked(int rank, decimal requested) => new(rank, Guid.CreateVersion7(), requested, 90 - rank, 2, ApplicationStatus.Submitted);
        var ranking = new[] { Ranked(1, 10_000m), Ranked(2, 12_000m), Ranked(3, 8_000m), Ranked(4, 3_000m) };

        var decisions = AwardPlan.FromRanking(ranking, 25_000m, "GEL");

        Assert.Equal([10_000m, 12_000m, null, 3_000m], decisions.Select(d => d.Amount));
        Assert.Contains("3000 GEL left", decisions[2].WaitingListReason, StringComparison.Ordinal);
        Assert.True(decisions.Where(d => d.Amount is not null).Sum(d => d.Amount!.Value) <= 25_000m);
    }

    [Fact]
    public void Awarding_skips_what_was_already_decided()
    {
        var ranking = new[]
        {
            new RankedApplication(1, Guid.CreateVersion7(), 10_000m, 90, 1, ApplicationStatus.Awarded),
            new RankedApplication(2, Guid.CreateVersion7(), 10_000m, 80, 1, ApplicationStatus.Submitted),
        };
        Assert.Equal(ranking[1].ApplicationId, Assert.Single(AwardPlan.FromRanking(ranking, 10_000m, "GEL")).ApplicationId);
    }

    private static EvaluatorAssignment Scored(Platform.Grants.Calls.Call call, GrantApplication application, string evaluator, int relevance, int feasibility, int sustainability)
    {
        var assignment = EvaluatorAssignment.Assign(call.Id, application.Id, evaluator, Now);
        assignment.Declare(false, Now);
        assignment.Score(call, Scores(relevance, feasibility, sustainability), Now);
        return assignment;
    }
}
