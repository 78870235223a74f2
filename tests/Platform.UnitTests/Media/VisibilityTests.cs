using Platform.Media.Campaigns;
using Platform.Media.Outputs;
using Platform.Media.Visibility;
using static Platform.UnitTests.Media.MediaExamples;

namespace Platform.UnitTests.Media;

public sealed class VisibilityTests
{
    [Fact]
    public void The_funding_statement_is_kept_in_the_four_programme_languages()
    {
        Assert.Equal(Language.All.Order(StringComparer.Ordinal), FundingStatement.Texts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("ევროკავშირის მიერ დაფინანსებული", FundingStatement.In("ka"));
        Assert.Equal("Avropa \u0130ttifaq\u0131 t\u0259r\u0259find\u0259n maliyy\u0259l\u0259\u015fdirilir", FundingStatement.In("az"));
        Assert.Equal("Ֆինանսավորվում է Եվրոպական միության կողմից", FundingStatement.In("hy"));
        Assert.Equal("Funded by the European Union", FundingStatement.In("en"));
        // Each in its own script: no Latin look-alike slipped into the Georgian or Armenian text.
        Assert.All(FundingStatement.In("ka").Where(char.IsLetter), c => Assert.InRange(c, '\u10A0', '\u10FF'));
        Assert.All(FundingStatement.In("hy").Where(char.IsLetter), c => Assert.InRange(c, '\u0530', '\u058F'));
        Assert.True(FundingStatement.Matches("az", "  avropa İttifaqı   tərəfindən maliyyələşdirilir "));
        Assert.False(FundingStatement.Matches("az", "Avropa Ittifaqi terefinden maliyyelesdirilir"));
    }

    [Fact]
    public void An_output_without_the_funding_statement_is_refused_approval_and_approved_after_a_recheck()
    {
        var output = Output(language: Language.Azerbaijani);
        Assert.Equal("not-checked", Assert.Throws<RuleViolationException>(() => output.Approve("approver", Now)).Code);

        var first = output.RecordCheck(WithoutStatement(), "checker-1", Now);

        Assert.False(first.Compliant);
        Assert.Equal([VisibilityPoint.FundingStatement, VisibilityPoint.EmblemWithStatement], first.Failed.Select(f => f.Point));
        Assert.Contains("Avropa İttifaqı tərəfindən maliyyələşdirilir", first.Failed[0].Missing, StringComparison.Ordinal);
        Assert.Equal(OutputStatus.Checked, output.Status);
        Assert.Equal("not-compliant", Assert.Throws<RuleViolationException>(() => output.Approve("approver", Now)).Code);
        Assert.Equal(OutputStatus.Checked, output.Status);

        var second = output.RecordCheck(Compliant(), "checker-2", Now.AddHours(1));
        output.Approve("approver", Now.AddHours(2));

        Assert.Equal(OutputStatus.Approved, output.Status);
        Assert.Equal([1, 2], output.Checks.Select(c => c.Number));
        Assert.Equal(("checker-1", "checker-2"), (first.CheckedBy, second.CheckedBy));
        Assert.False(output.CompliantAtFirstCheck);
        Assert.True(output.LatestCheckCompliant);
        Assert.Equal("output-approved", Assert.Throws<RuleViolationException>(() => output.RecordCheck(Compliant(), "checker-3", Now)).Code);
    }

    [Fact]
    public void A_publication_needs_the_disclaimer_other_outputs_are_not_asked_for_it()
    {
        var publication = Output(OutputType.Publication, Language.English, Channel.Print);
        var missing = Assert.Throws<DomainValidationException>(() => publication.RecordCheck(Compliant(), "checker", Now));
        Assert.Equal(["disclaimerPresent"], missing.Errors.Keys);

        var without = publication.RecordCheck(Compliant(disclaimer: false), "checker", Now);
        Assert.Equal([VisibilityPoint.Disclaimer], without.Failed.Select(f => f.Point));
        Assert.True(publication.RecordCheck(Compliant(disclaimer: true), "checker", Now).Compliant);

        var post = Output(OutputType.SocialPost, Language.Georgian, Channel.Social);
        var check = post.RecordCheck(Compliant(disclaimer: false), "checker", Now);
        Assert.True(check.Compliant);
        Assert.Null(check.DisclaimerPresent);
    }

    [Fact]
    public void The_emblem_and_statement_must_be_together_and_partner_logos_must_not_outrank_the_emblem()
    {
        var output = Output();

        var apart = output.RecordCheck(new Checklist(true, true, null, false, null, true, null), "checker", Now);
        var noEmblem = output.RecordCheck(new Checklist(false, true, null, true, null, false, null), "checker", Now);
        var wrongText = output.RecordCheck(Compliant(statementText: "Funded by the European Union"), "checker", Now);

        Assert.Equal([VisibilityPoint.EmblemWithStatement], apart.Failed.Select(f => f.Point));
        Assert.Equal([VisibilityPoint.EuEmblem, VisibilityPoint.EmblemWithStatement, VisibilityPoint.PartnerLogos], noEmblem.Failed.Select(f => f.Point));
        // A Georgian output carries the Georgian statement, not the English one.
        Assert.Equal([VisibilityPoint.FundingStatement], wrongText.Failed.Select(f => f.Point));
        Assert.True(output.RecordCheck(Compliant(statementText: "ევროკავშირის მიერ დაფინანსებული"), "checker", Now).Compliant);
        Assert.False(output.CompliantAtFirstCheck);
    }

    [Fact]
    public void A_checklist_names_each_missing_answer_and_records_nothing()
    {
        var output = Output();

        var invalid = Assert.Throws<DomainValidationException>(() => output.RecordCheck(new Checklist(null, null, null, null, null, null, null), "checker", Now));

        Assert.Equal(["emblemAndStatementTogether", "euEmblemPresent", "fundingStatementPresent", "partnerLogosNotMoreProminent"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(output.Checks);
        Assert.Equal(OutputStatus.Draft, output.Status);
    }

    [Fact]
    public void A_revised_output_goes_back_to_draft_and_needs_a_new_check_publication_needs_approval()
    {
        var output = Output();
        output.RecordCheck(Compliant(), "checker", Now);
        output.Revise(OutputDetails(link: "https://marneulitv.ge/news/4412"), null, null);

        Assert.Equal(OutputStatus.Draft, output.Status);
        Assert.Equal("not-checked", Assert.Throws<RuleViolationException>(() => output.Approve("approver", Now)).Code);
        Assert.Equal("not-approved", Assert.Throws<RuleViolationException>(() => output.Publish(Now)).Code);
        output.RecordCheck(Compliant(), "checker", Now);
        output.Approve("approver", Now);
        output.Publish(Now);
        Assert.Equal((OutputStatus.Published, true), (output.Status, output.CompliantAtFirstCheck));
        Assert.Equal("output-published", Assert.Throws<RuleViolationException>(() => output.Publish(Now)).Code);
    }

    [Fact]
    public void An_output_names_its_outlet_from_the_registry_or_the_consortiums_own_channel()
    {
        var outlet = Outlet();
        var inOutlet = MediaOutput.Draft(OutputDetails(outletId: outlet.Id), null, outlet, Now);
        Assert.Equal((outlet.Id, (string?)null), (inOutlet.OutletId, inOutlet.OwnChannel));

        var csoAsOutlet = Outlet(OrganizationType.Cso);
        Assert.Equal(["outletId"], Assert.Throws<DomainValidationException>(() => MediaOutput.Draft(OutputDetails(outletId: csoAsOutlet.Id), null, csoAsOutlet, Now)).Errors.Keys);
        Assert.Equal(["outletId", "ownChannel"], Assert.Throws<DomainValidationException>(() =>
            MediaOutput.Draft(OutputDetails(outletId: Guid.NewGuid(), ownChannel: "CENN website"), null, null, Now)).Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["channel"], Assert.Throws<DomainValidationException>(() => MediaOutput.Draft(OutputDetails(OutputType.RadioSegment, channel: Channel.Tv), null, null, Now)).Errors.Keys);
    }
}
