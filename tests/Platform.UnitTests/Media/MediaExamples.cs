using Platform.Media.Campaigns;
using Platform.Media.Outputs;
using Platform.Media.Visibility;
using Platform.ServiceDefaults.Organizations;

namespace Platform.UnitTests.Media;

/// <summary>Campaigns, outlets and outputs the Media tests are made of.</summary>
internal static class MediaExamples
{
    public static readonly DateTimeOffset Now = new(2026, 5, 4, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 5, 4);

    public static CampaignDetails Details(
        string[]? channels = null, string[]? languages = null, string[]? municipalities = null, string[]? audiences = null,
        Dictionary<string, long>? byChannel = null, Dictionary<string, long>? byLanguage = null) =>
        new(new Dictionary<string, string?> { ["en"] = "Know your social services", ["ka"] = "იცოდე შენი სოციალური სერვისები" },
            new Dictionary<string, string?> { ["en"] = "Women and youth in Marneuli and Bolnisi know which services the municipality offers." },
            audiences ?? [Audience.Women, Audience.Youth],
            languages ?? [Language.Georgian, Language.Azerbaijani],
            channels ?? [Channel.Tv, Channel.Social],
            municipalities ?? [Municipality.Marneuli, Municipality.Bolnisi],
            new DateOnly(2026, 4, 1), new DateOnly(2026, 9, 30),
            byChannel ?? new Dictionary<string, long> { [Channel.Tv] = 20_000, [Channel.Social] = 10_000 },
            byLanguage ?? new Dictionary<string, long> { [Language.Georgian] = 15_000, [Language.Azerbaijani] = 15_000 });

    public static Campaign Campaign(CampaignDetails? details = null) => Platform.Media.Campaigns.Campaign.Plan(details ?? Details(), Now);

    public static Campaign RunningCampaign()
    {
        var campaign = Campaign();
        campaign.Start(Now);
        return campaign;
    }

    public static OrganizationReplica Outlet(OrganizationType type = OrganizationType.MediaOutlet) =>
        OrganizationReplica.From(Guid.NewGuid(), new Dictionary<string, string> { ["en"] = "Marneuli TV" }, type, Municipality.Marneuli, 1, Now);

    public static OutputDetails OutputDetails(
        OutputType type = OutputType.TvSegment, string language = Language.Georgian, string channel = Channel.Tv,
        string municipality = Municipality.Marneuli, Campaign? campaign = null, Guid? outletId = null, string? ownChannel = null, string link = "https://marneulitv.ge/news/4411") =>
        new(type, "Where to ask for home care", language, channel, municipality, Today.AddDays(-3), link,
            campaign?.Id, outletId, outletId is null ? ownChannel ?? "KKM Facebook page" : ownChannel);

    public static MediaOutput Output(OutputType type = OutputType.TvSegment, string language = Language.Georgian, string channel = Channel.Tv,
        Campaign? campaign = null, string municipality = Municipality.Marneuli) =>
        MediaOutput.Draft(OutputDetails(type, language, channel, municipality, campaign), campaign, null, Now);

    public static Checklist Compliant(bool? disclaimer = null, string? statementText = null) =>
        new(true, true, statementText, true, disclaimer, true, null);

    public static Checklist WithoutStatement() => new(true, false, null, true, null, true, "Statement left out of the closing caption");

    /// <summary>An output checked, approved and published.</summary>
    public static MediaOutput PublishedOutput(Campaign? campaign = null, string language = Language.Georgian, string channel = Channel.Tv,
        OutputType type = OutputType.TvSegment, string municipality = Municipality.Marneuli)
    {
        var output = Output(type, language, channel, campaign, municipality);
        output.RecordCheck(Compliant(type == OutputType.Publication ? true : null), "checker", Now);
        output.Approve("approver", Now);
        output.Publish(Now);
        return output;
    }
}
