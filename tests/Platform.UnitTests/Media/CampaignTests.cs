using Platform.Media.Campaigns;
using Platform.Media.Outputs;
using static Platform.UnitTests.Media.MediaExamples;

namespace Platform.UnitTests.Media;

public sealed class CampaignTests
{
    [Fact]
    public void A_campaign_is_planned_then_runs_then_closes_once_with_its_reach_and_target()
    {
        var campaign = Campaign();
        Assert.Equal(CampaignStatus.Planned, campaign.Status);
        Assert.Equal(30_000, campaign.TargetReach);
        Assert.Throws<RuleViolationException>(() => campaign.Close([], Today, Now));

        campaign.Start(Now);
        var closed = campaign.Close(
            [new OutputReach(Channel.Tv, Language.Georgian, Municipality.Marneuli, 12_000), new OutputReach(Channel.Social, Language.Azerbaijani, Municipality.Bolnisi, 3_500),
             new OutputReach(Channel.Tv, Language.Azerbaijani, Municipality.Marneuli, 4_000)],
            Today, Now);

        Assert.Equal(CampaignStatus.Closed, campaign.Status);
        Assert.Equal((campaign.Id, 19_500L, 30_000L, 3, Today), (closed.CampaignId, closed.Reach, closed.TargetReach, closed.Outputs, closed.ClosedOn));
        Assert.Equal(new Dictionary<string, long> { ["social"] = 3_500, ["tv"] = 16_000 }, closed.ReachByChannel);
        Assert.Equal(new Dictionary<string, long> { ["az"] = 7_500, ["ka"] = 12_000 }, closed.ReachByLanguage);
        Assert.Equal(new Dictionary<string, long> { ["KK-BOLNISI"] = 3_500, ["KK-MARNEULI"] = 16_000 }, closed.ReachByMunicipality);
        Assert.Equal(["women", "youth"], closed.Audiences);
        Assert.Equal("Know your social services", closed.Title["en"]);
        Assert.Equal(19_500, campaign.ClosingReach!.Reach);
        Assert.Equal("campaign-closed", Assert.Throws<RuleViolationException>(() => campaign.Close([], Today, Now)).Code);
        Assert.Equal("campaign-closed", Assert.Throws<RuleViolationException>(() => campaign.Start(Now)).Code);
    }

    [Fact]
    public void A_closed_campaign_takes_no_measurement_and_no_new_output()
    {
        var campaign = RunningCampaign();
        campaign.NoteReachMeasured(Now);
        Assert.Equal(Now, campaign.ReachMeasuredAt);
        campaign.Close([], Today, Now);

        Assert.Equal("campaign-closed", Assert.Throws<RuleViolationException>(() => campaign.NoteReachMeasured(Now)).Code);
        Assert.Equal("campaign-closed", Assert.Throws<RuleViolationException>(() => Output(campaign: campaign)).Code);
    }

    [Fact]
    public void Planning_names_every_wrong_field()
    {
        var details = new CampaignDetails(
            new Dictionary<string, string?> { ["fr"] = "Campagne" }, null, ["youth", "elders", "youth"], [], ["tv", "cinema"], ["KK-MARNEULI", "TBILISI"],
            new DateOnly(2026, 5, 1), new DateOnly(2026, 4, 1),
            new Dictionary<string, long> { ["tv"] = -5, ["radio"] = 100 }, null);

        var invalid = Assert.Throws<DomainValidationException>(() => Campaign(details));

        Assert.Equal(
            ["audiences[1]", "audiences[2]", "channels[1]", "endsOn", "languages", "municipalities[1]", "objective", "targetReachByChannel.tv", "targetReachByLanguage", "title.fr"],
            invalid.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Targets_name_only_the_campaigns_channels_and_languages_and_the_others_are_zero()
    {
        var campaign = Campaign(Details(channels: [Channel.Tv, Channel.Radio], byChannel: new() { [Channel.Tv] = 5_000 }));

        Assert.Equal(new Dictionary<string, long> { ["tv"] = 5_000, ["radio"] = 0 }, campaign.TargetReachByChannel);
        var invalid = Assert.Throws<DomainValidationException>(() => Campaign(Details(byLanguage: new() { [Language.Armenian] = 1_000 })));
        Assert.Equal(["targetReachByLanguage.hy"], invalid.Errors.Keys);
    }

    [Fact]
    public void Only_a_planned_campaign_is_revised_and_an_output_must_use_its_languages_channels_and_municipalities()
    {
        var campaign = Campaign();
        campaign.Revise(Details(channels: [Channel.Tv, Channel.Social, Channel.Radio]));
        Assert.Equal(["tv", "social", "radio"], campaign.Channels);

        var invalid = Assert.Throws<DomainValidationException>(() =>
            Output(OutputType.Article, Language.Armenian, Channel.Online, campaign, Municipality.Ninotsminda));
        Assert.Equal(["channel", "language", "municipality"], invalid.Errors.Keys.Order(StringComparer.Ordinal));

        campaign.Start(Now);
        Assert.Equal("campaign-not-planned", Assert.Throws<RuleViolationException>(() => campaign.Revise(Details())).Code);
        Assert.Equal("campaign-not-planned", Assert.Throws<RuleViolationException>(() => campaign.Start(Now)).Code);
    }
}
