using Platform.Contracts.Grants;
using Platform.Grants.Calls;
using Platform.Grants.Funding;
using static Platform.UnitTests.Grants.GrantsSamples;

namespace Platform.UnitTests.Grants;

public sealed class CallRulesTests
{
    [Fact]
    public void Valid_terms_make_a_call_with_sorted_distinct_municipalities_and_defaults()
    {
        var errors = new ValidationErrors();
        var details = Details(errors, municipalities: ["KK-GARDABANI", "KK-MARNEULI", "KK-GARDABANI"], requiredScores: null);
        Assert.False(errors.Any);
        Assert.Equal(["KK-GARDABANI", "KK-MARNEULI"], details!.EligibleMunicipalities);
        Assert.Equal(1, details.RequiredScores);
        Assert.Equal(100, details.Criteria.Sum(c => c.Weight));
    }

    [Theory]
    [InlineData(60, 30)]
    [InlineData(60, 50)]
    public void Criteria_weights_must_sum_to_100(int first, int second)
    {
        var errors = new ValidationErrors();
        Assert.Null(Details(errors, criteria: [new("relevance", "Relevance", first, 10), new("cost", "Cost", second, 10)]));
        AssertErrorFor(errors, "criteria", $"sum to {first + second}");
    }

    [Fact]
    public void Each_criterion_is_checked_by_its_path_and_codes_are_unique()
    {
        var errors = new ValidationErrors();
        Assert.Null(Details(errors, criteria: [new("relevance", "Relevance", 50, 10), new("relevance", "", 0, 101), null]));
        AssertErrorFor(errors, "criteria[1].code", "twice");
        AssertErrorFor(errors, "criteria[1].name");
        AssertErrorFor(errors, "criteria[1].weight");
        AssertErrorFor(errors, "criteria[1].maxScore");
        AssertErrorFor(errors, "criteria[2]");
        // The sum is not reported on top of broken criteria.
        Assert.False(errors.ToDictionary().ContainsKey("criteria"));
    }

    [Fact]
    public void Money_terms_are_checked_the_envelope_bounds_the_maximum_and_the_minimum_bounds_nothing_above_it()
    {
        var errors = new ValidationErrors();
        Assert.Null(Details(errors, currency: "XYZ", envelope: 10_000m, minimumAward: 1_000.005m, maximumAward: 20_000m, coFundingShare: 0.95m));
        AssertErrorFor(errors, "currency");
        AssertErrorFor(errors, "minimumAward", "two decimals");
        AssertErrorFor(errors, "coFundingShare");

        errors = new ValidationErrors();
        Assert.Null(Details(errors, envelope: 10_000m, maximumAward: 20_000m));
        AssertErrorFor(errors, "maximumAward", "envelope");

        errors = new ValidationErrors();
        Assert.Null(Details(errors, minimumAward: 20_000m, maximumAward: 10_000m));
        AssertErrorFor(errors, "maximumAward", "minimum");
    }

    [Fact]
    public void Municipalities_deadline_and_graduate_calls_are_checked()
    {
        var errors = new ValidationErrors();
        Assert.Null(Details(errors, municipalities: ["KK-MARNEULI", "TBILISI"], deadline: Now.AddDays(-5), targetGroup: TargetGroup.ProgrammeGraduate, requiresAssessment: true));
        AssertErrorFor(errors, "eligibleMunicipalities[1]");
        AssertErrorFor(errors, "deadline", "after the opening");
        AssertErrorFor(errors, "requiresAssessment");

        errors = new ValidationErrors();
        Assert.Null(Details(errors, municipalities: [], requiredScores: 0));
        AssertErrorFor(errors, "eligibleMunicipalities");
        AssertErrorFor(errors, "requiredScores");
    }

    [Fact]
    public void Opening_publishes_CallOpened_and_needs_a_draft_with_a_deadline_ahead()
    {
        var call = DraftCall();
        var opened = call.Open(Now);
        Assert.Equal(CallStatus.Open, call.Status);
        Assert.Equal(call.Id, opened.CallId);
        Assert.Equal(call.Envelope, opened.Envelope);
        Assert.Equal("GEL", opened.Currency);
        Assert.Equal("invalid-transition", Assert.Throws<RuleViolationException>(() => call.Open(Now)).Code);
        Assert.Equal("invalid-transition", Assert.Throws<RuleViolationException>(() => call.Update(call.Details, Now)).Code);

        var late = DraftCall(deadline: Now.AddMinutes(1));
        Assert.Equal("deadline-passed", Assert.Throws<RuleViolationException>(() => late.Open(Now.AddMinutes(1))).Code);
        Assert.Equal(CallStatus.Draft, late.Status);
    }

    [Fact]
    public void Submissions_are_accepted_only_while_open_from_the_opening_until_just_before_the_deadline()
    {
        var deadline = Now.AddDays(10);
        var call = DraftCall(deadline: deadline, opensAt: Now.AddDays(1));
        Assert.Equal("call-not-open", Assert.Throws<RuleViolationException>(() => call.EnsureAcceptsSubmissions(Now.AddDays(2))).Code);
        call.Open(Now);
        Assert.Equal("call-not-yet-open", Assert.Throws<RuleViolationException>(() => call.EnsureAcceptsSubmissions(Now)).Code);
        call.EnsureAcceptsSubmissions(Now.AddDays(1));
        call.EnsureAcceptsSubmissions(deadline.AddTicks(-1));
        Assert.Equal("deadline-passed", Assert.Throws<RuleViolationException>(() => call.EnsureAcceptsSubmissions(deadline)).Code);
        call.Close(Now.AddDays(2));
        Assert.Equal("call-not-open", Assert.Throws<RuleViolationException>(() => call.EnsureAcceptsSubmissions(Now.AddDays(3))).Code);
    }

    [Fact]
    public void The_evaluation_is_complete_only_when_no_eligible_application_lacks_scores()
    {
        var call = OpenCall();
        Assert.Equal("invalid-transition", Assert.Throws<RuleViolationException>(() => call.CompleteEvaluation([], Now)).Code);
        call.Close(Now);
        var unscored = Guid.CreateVersion7();
        var refused = Assert.Throws<RuleViolationException>(() => call.CompleteEvaluation([unscored], Now));
        Assert.Equal("scores-missing", refused.Code);
        Assert.Contains(unscored.ToString(), refused.Message, StringComparison.Ordinal);
        call.CompleteEvaluation([], Now);
        Assert.Equal(CallStatus.Evaluated, call.Status);
    }

    [Fact]
    public void Awards_are_committed_only_after_the_evaluation_and_never_beyond_the_envelope()
    {
        var open = OpenCall(envelope: 50_000m);
        Assert.Equal("call-not-evaluated", Assert.Throws<RuleViolationException>(() => open.Commit(1_000m, Now)).Code);

        var call = EvaluatedCall(envelope: 50_000m);
        call.Commit(30_000m, Now);
        call.Commit(20_000m, Now);
        Assert.Equal(0m, call.RemainingEnvelope);
        var refused = Assert.Throws<RuleViolationException>(() => call.Commit(0.01m, Now));
        Assert.Equal("envelope-exceeded", refused.Code);
        Assert.Equal(50_000m, call.AwardedAmount);
    }

    [Fact]
    public void Only_a_draft_or_an_awarded_call_is_archived()
    {
        var call = EvaluatedCall();
        Assert.Equal("invalid-transition", Assert.Throws<RuleViolationException>(() => call.Archive(Now)).Code);
        call.MarkAwarded(Now);
        call.Archive(Now);
        Assert.Equal(CallStatus.Archived, call.Status);
        var draft = DraftCall();
        draft.Archive(Now);
        Assert.Equal(CallStatus.Archived, draft.Status);
    }

    [Fact]
    public void The_weighted_total_is_each_score_as_a_share_of_its_maximum_times_its_weight()
    {
        var call = OpenCall();
        Assert.Equal(78m, call.WeightedTotal([new("relevance", 8, "c"), new("feasibility", 6, "c"), new("sustainability", 5, "c")]));
        Assert.Equal(100m, call.WeightedTotal([new("relevance", 10, "c"), new("feasibility", 10, "c"), new("sustainability", 5, "c")]));
        Assert.Equal(0m, call.WeightedTotal([new("relevance", 0, "c"), new("feasibility", 0, "c"), new("sustainability", 0, "c")]));
    }
}
