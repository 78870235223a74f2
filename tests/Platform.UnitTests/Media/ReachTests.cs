using Platform.Media.Campaigns;
using Platform.Media.Figures;
using Platform.Media.Outputs;
using static Platform.UnitTests.Media.MediaExamples;

namespace Platform.UnitTests.Media;

public sealed class ReachTests
{
    [Fact]
    public void The_latest_measurement_of_each_metric_counts_and_the_history_is_kept()
    {
        var output = PublishedOutput(type: OutputType.Event, channel: Channel.Events, campaign: null);
        output.RecordReach(ReachMetric.Attendees, 40, Today.AddDays(-2), "Sign-in sheet", Today, Now);
        output.RecordReach(ReachMetric.Views, 900, Today.AddDays(-2), "Livestream statistics", Today, Now);
        // Entered later but measured earlier: the later day wins, not the later entry.
        output.RecordReach(ReachMetric.Views, 500, Today.AddDays(-3), "Livestream statistics, first day", Today, Now.AddMinutes(5));
        output.RecordReach(ReachMetric.Attendees, 55, Today, "Sign-in sheet, corrected", Today, Now.AddMinutes(10));

        Assert.Equal(955, output.Reach);
        Assert.Equal([(ReachMetric.Attendees, 55L), (ReachMetric.Views, 900L)], output.LatestReach.Select(m => (m.Metric, m.Value)));
        Assert.Equal(4, output.Measurements.Count);
    }

    [Fact]
    public void Reach_is_measured_only_for_a_published_output_with_a_metric_a_day_and_a_source()
    {
        var draft = Output();
        Assert.Equal("output-not-published", Assert.Throws<RuleViolationException>(() => draft.RecordReach(ReachMetric.Views, 10, Today, "YouTube", Today, Now)).Code);

        var published = PublishedOutput();
        var invalid = Assert.Throws<DomainValidationException>(() => published.RecordReach("likes", -1, Today.AddDays(1), " ", Today, Now));
        Assert.Equal(["measuredOn", "metric", "source", "value"], invalid.Errors.Keys.Order(StringComparer.Ordinal));
        var beforeTheOutput = Assert.Throws<DomainValidationException>(() => published.RecordReach(ReachMetric.Views, 1, published.Date.AddDays(-1), "YouTube", Today, Now));
        Assert.Equal(["measuredOn"], beforeTheOutput.Errors.Keys);
        Assert.Empty(published.Measurements);
    }

    [Fact]
    public void Figures_set_reach_against_the_target_by_campaign_channel_language_audience_and_municipality()
    {
        var womenAndYouth = CampaignTargets.Of(Campaign());
        var lsg = CampaignTargets.Of(Campaign(Details(
            audiences: [Audience.Lsg, Audience.Youth], languages: [Language.Armenian], channels: [Channel.Radio], municipalities: [Municipality.Ninotsminda],
            byChannel: new() { [Channel.Radio] = 2_000 }, byLanguage: new() { [Language.Armenian] = 2_000 })));

        var figures = ReachFigures.Of([womenAndYouth, lsg],
        [
            (womenAndYouth.Id, new OutputReach(Channel.Tv, Language.Georgian, Municipality.Marneuli, 12_000)),
            (womenAndYouth.Id, new OutputReach(Channel.Social, Language.Azerbaijani, Municipality.Bolnisi, 3_000)),
            (lsg.Id, new OutputReach(Channel.Radio, Language.Armenian, Municipality.Ninotsminda, 1_500)),
        ]);

        Assert.Equal(new ReachRow("total", 16_500, 32_000), figures.Total);
        Assert.Equal([new ReachRow(womenAndYouth.Id.ToString(), 15_000, 30_000), new ReachRow(lsg.Id.ToString(), 1_500, 2_000)], figures.ByCampaign);
        Assert.Equal([new ReachRow("tv", 12_000, 20_000), new ReachRow("radio", 1_500, 2_000), new ReachRow("social", 3_000, 10_000)], figures.ByChannel);
        Assert.Equal([new ReachRow("ka", 12_000, 15_000), new ReachRow("az", 3_000, 15_000), new ReachRow("hy", 1_500, 2_000)], figures.ByLanguage);
        // Both campaigns address youth: their reach and targets add up there.
        Assert.Equal([new ReachRow("youth", 16_500, 32_000), new ReachRow("women", 15_000, 30_000), new ReachRow("lsg", 1_500, 2_000)], figures.ByAudience);
        Assert.Equal(
            [new ReachRow("KK-MARNEULI", 12_000, 30_000), new ReachRow("KK-BOLNISI", 3_000, 30_000), new ReachRow("SJ-NINOTSMINDA", 1_500, 2_000)],
            figures.ByMunicipality);
        Assert.Equal(75.0m, figures.ByCampaign[1].PercentOfTarget);
        Assert.Null(new ReachRow("x", 5, 0).PercentOfTarget);
    }

    [Fact]
    public void A_campaign_without_published_outputs_has_no_reach_but_keeps_its_target()
    {
        var campaign = CampaignTargets.Of(Campaign());

        var figures = ReachFigures.Of([campaign], []);

        Assert.Equal(new ReachRow("total", 0, 30_000), figures.Total);
        Assert.Equal(0m, figures.Total.PercentOfTarget);
        Assert.Equal(["tv", "social"], figures.ByChannel.Select(r => r.Key));
    }
}
