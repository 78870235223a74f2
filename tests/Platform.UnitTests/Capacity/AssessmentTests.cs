using Platform.Capacity.Assessments;
using Platform.Capacity.Instruments;
using static Platform.UnitTests.Capacity.CapacityExamples;

namespace Platform.UnitTests.Capacity;

public sealed class AssessmentTests
{
    [Fact]
    public void Validation_locks_the_revision_and_publishes_ids_kind_instrument_scores_and_no_names()
    {
        var assessment = Draft();
        assessment.Score(Oca, AllScored(Oca, 2, new Dictionary<string, int> { ["board"] = 4 }), Now);
        assessment.Submit(Oca, Now);

        var completed = assessment.Validate(Oca, Today, Now);

        Assert.Equal((assessment.Id, assessment.OrganizationId, AssessmentKind.Baseline, Today), (completed.AssessmentId, completed.OrganizationId, completed.Kind, completed.CompletedOn));
        Assert.Equal(("oca-cso", 1, 1), (completed.Instrument, completed.InstrumentVersion, completed.Revision));
        Assert.Equal(2.67m, completed.DomainScores["governance"]);
        Assert.Equal(2m, completed.DomainScores["sustainability"]);
        Assert.Equal(Scoring.Round((2.67m + 6 * 2m) / 7), completed.Overall);
        Assert.Equal(AssessmentStatus.Validated, assessment.Status);
        Assert.Equal(Today, assessment.CompletedOn);

        Assert.Equal("assessment-locked", CodeOf(() => assessment.Score(Oca, [Score("board", 1)], Now)));
        Assert.Equal("assessment-locked", CodeOf(() => assessment.RecordPeople([], [], Now)));
        Assert.Equal("assessment-locked", CodeOf(() => assessment.Validate(Oca, Today, Now)));
        Assert.Equal(4, assessment.Scores.Single(s => s.SubArea == "board").Level);
    }

    [Fact]
    public void A_correction_is_the_next_revision_with_a_reason_and_the_validated_one_is_kept()
    {
        var assessment = Validated(level: 2);
        var first = assessment.LatestValidated!;

        Assert.Contains("reason", ErrorsOf(() => assessment.Correct(" ", Now)).Keys);
        assessment.Correct("The financial-management scores were entered for the wrong sub-areas.", Now);

        Assert.Equal((2, AssessmentStatus.Draft), (assessment.Revision, assessment.Status));
        Assert.Equal(first, Assert.Single(assessment.ValidatedRevisions));
        assessment.Score(Oca, [Score("budgeting", 3)], Now);
        assessment.Submit(Oca, Now);
        var republished = assessment.Validate(Oca, Today.AddDays(3), Now.AddDays(3));

        Assert.Equal((assessment.Id, 2), (republished.AssessmentId, republished.Revision));
        Assert.Equal(Scoring.Round((3m + 2 + 2) / 3), republished.DomainScores["financial-management"]);
        Assert.Equal([1, 2], assessment.ValidatedRevisions.Select(r => r.Revision));
        Assert.Equal(2m, assessment.ValidatedRevisions[0].DomainScores["financial-management"]);
        Assert.Equal("The financial-management scores were entered for the wrong sub-areas.", assessment.ValidatedRevisions[1].Reason);
        Assert.Equal(Today.AddDays(3), assessment.CompletedOn);
    }

    [Fact]
    public void Only_a_validated_assessment_is_corrected()
    {
        var draft = Draft();
        Assert.Equal("assessment-not-validated", CodeOf(() => draft.Correct("typo", Now)));
        Assert.Equal("assessment-not-submitted", CodeOf(() => draft.Validate(Oca, Today, Now)));
    }

    [Fact]
    public void An_organisation_has_at_most_one_assessment_of_each_kind_per_instrument()
    {
        Assert.Equal("assessment-kind-taken", CodeOf(() => Draft(AssessmentKind.Baseline, null, AssessmentKind.Baseline)));
        Assert.Equal("assessment-kind-taken", CodeOf(() => Draft(AssessmentKind.Endline, null, AssessmentKind.Baseline, AssessmentKind.Endline)));

        var midline = Draft(AssessmentKind.Midline, null, AssessmentKind.Baseline);
        Assert.Equal(AssessmentKind.Midline, midline.Kind);
    }

    [Fact]
    public void A_score_of_3_or_4_needs_a_justification_and_evidence_and_each_wrong_score_is_named()
    {
        var assessment = Draft();

        var errors = ErrorsOf(() => assessment.Score(Oca,
            [
                new ScoreDraft("board", 4, null, null),
                new ScoreDraft("budgeting", 3, "Quarterly reviews.", []),
                new ScoreDraft("nowhere", 2, null, null),
                new ScoreDraft("accounting", 5, null, null),
                new ScoreDraft("board", 1, null, null),
                null,
            ], Now));

        Assert.Equal(["scores[0].evidence", "scores[0].justification", "scores[1].evidence", "scores[2].subArea", "scores[3].level", "scores[4].subArea", "scores[5]"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(assessment.Scores);

        assessment.Score(Oca, [Score("board", 4), new ScoreDraft("budgeting", 1, null, null)], Now);
        assessment.Score(Oca, [new ScoreDraft("board", 2, "Rescored after the board's minutes were checked.", null)], Now);
        Assert.Equal([("board", 2), ("budgeting", 1)], assessment.Scores.Select(s => (s.SubArea, s.Level)));
    }

    [Fact]
    public void A_draft_is_submitted_only_when_every_sub_area_is_scored_and_a_facilitator_is_recorded()
    {
        var assessment = Draft();
        assessment.Score(Oca, [.. AllScored(Oca, 2).Where(s => s!.SubArea != "communication")], Now);

        var incomplete = Assert.Throws<RuleViolationException>(() => assessment.Submit(Oca, Now));
        Assert.Equal("assessment-incomplete", incomplete.Code);
        Assert.Contains("communication", incomplete.Message, StringComparison.Ordinal);

        assessment.Score(Oca, [Score("communication", 1)], Now);
        assessment.RecordPeople([], [Guid.NewGuid()], Now);
        Assert.Equal("no-facilitator", CodeOf(() => assessment.Submit(Oca, Now)));

        assessment.RecordPeople([Guid.NewGuid()], [], Now);
        assessment.Submit(Oca, Now);
        Assert.Equal("assessment-locked", CodeOf(() => assessment.Score(Oca, [Score("board", 1)], Now)));
        assessment.Return(Now);
        assessment.Score(Oca, [Score("board", 1)], Now);
        Assert.Equal(AssessmentStatus.Draft, assessment.Status);
    }

    [Fact]
    public void An_assessment_keeps_the_instrument_version_it_was_made_with()
    {
        var v2 = Instrument.Publish("oca-cso", new() { ["en"] = "OCA v2" },
            [new DomainDraft("governance", new() { ["en"] = "Governance" }, [new SubAreaDraft("board", new() { ["en"] = "Board" },
                [.. Enumerable.Range(1, 4).Select(l => new Dictionary<string, string?> { ["en"] = $"Level {l}" })])])], 1, Now);
        var assessment = Draft();

        Assert.Equal(("oca-cso", 1, Oca.Id), (assessment.InstrumentCode, assessment.InstrumentVersion, assessment.InstrumentId));
        Assert.Throws<InvalidOperationException>(() => assessment.Score(v2, [Score("board", 2)], Now));
    }
}
