using System.Text.Json;
using static Platform.Contracts.ReferenceData.Municipality;

namespace Platform.Demo.Demo;

/// <summary>
/// Communication (Media): a campaign in Georgian and Azerbaijani that ran and closed with its reach (a radio segment on a
/// registered outlet and a post on the consortium's own page, both checked for EU visibility, published and measured);
/// a running campaign in Armenian and Georgian with a published article and a publication that failed its check (no
/// EU disclaimer); a planned campaign. Then the stories Media drafted from the programme's events: the institutionalised
/// service's and the implemented recommendation's are approved and published, so the public catalogue shows them; the
/// others stay drafts for the media team.
/// </summary>
internal sealed class MediaCampaigns : IDemoSection
{
    private sealed record Output(string Type, string Title, string Language, string Channel, string Municipality, string? Outlet, string? OwnChannel,
        string Metric, long Reach, string Target);

    private sealed record Plan(string Key, string Title, string Objective, string[] Audiences, string[] Languages, string[] Channels, string[] Municipalities,
        int StartsInDays, int Days, Dictionary<string, long> ByChannel, Dictionary<string, long> ByLanguage, string Target, Output[] Outputs);

    private static readonly Plan[] Campaigns =
    [
        new("services", "Know your social services (demo)", "Women and youth in Marneuli and Bolnisi know which social services their municipality offers.",
            ["women", "youth"], ["ka", "az"], ["radio", "social"], [Marneuli, Bolnisi], -60, 55,
            new() { ["radio"] = 20_000, ["social"] = 10_000 }, new() { ["ka"] = 18_000, ["az"] = 12_000 }, "Closed",
            [
                new("RadioSegment", "Where to ask for home care (demo)", "ka", "radio", Marneuli, "media-radio", null, "listeners", 9_500, "Published"),
                new("SocialPost", "Five services your city hall offers (demo)", "az", "social", Bolnisi, null, "KKM Facebook page", "views", 4_200, "Published"),
            ]),
        new("voices", "Women's voices in local decisions (demo)", "Women in Akhaltsikhe and Ninotsminda take part in the municipal hearings.",
            ["women"], ["hy", "ka"], ["print", "online"], [Akhaltsikhe, Ninotsminda], -10, 90,
            new() { ["print"] = 6_000, ["online"] = 9_000 }, new() { ["hy"] = 8_000, ["ka"] = 7_000 }, "Running",
            [
                new("Article", "A hearing where women spoke first (demo)", "hy", "print", Ninotsminda, "media-weekly", null, "readers", 1_800, "Published"),
                new("Publication", "A guide to the municipal hearing (demo)", "ka", "online", Akhaltsikhe, null, "Consortium website", "views", 0, "Checked"),
            ]),
        new("budget", "Youth and the municipal budget (demo)", "Young people in Tsalka know how to propose a project for the municipal budget.",
            ["youth"], ["ka", "hy"], ["events", "social"], [Tsalka], 20, 60,
            new() { ["events"] = 400, ["social"] = 5_000 }, new() { ["ka"] = 3_000, ["hy"] = 2_400 }, "Planned", []),
    ];

    private static readonly TimeSpan StoryTimeout = TimeSpan.FromSeconds(90);

    public string Name => "Campaigns and stories (Media)";

    public async Task RunAsync(DemoContext demo)
    {
        foreach (var outlet in Campaigns.SelectMany(c => c.Outputs).Select(o => o.Outlet).OfType<string>().Distinct())
        {
            await demo.KnownToAsync("media", demo.Organizations[outlet]);
        }

        var existing = await demo.Admin.ListAsync("/api/media/campaigns");
        foreach (var plan in Campaigns)
        {
            await CampaignAsync(demo, existing, plan);
        }

        await StoriesAsync(demo);
    }

    private static async Task CampaignAsync(DemoContext demo, List<JsonElement> existing, Plan plan)
    {
        var starts = DemoContext.Today.AddDays(plan.StartsInDays);
        var campaign = DemoContext.ByEnglish(existing, "title", plan.Title) ?? await demo.Admin.PostAsync("/api/media/campaigns", new
        {
            title = new { en = plan.Title },
            objective = new { en = plan.Objective },
            audiences = plan.Audiences,
            languages = plan.Languages,
            channels = plan.Channels,
            municipalities = plan.Municipalities,
            startsOn = starts,
            endsOn = starts.AddDays(plan.Days),
            targetReachByChannel = plan.ByChannel,
            targetReachByLanguage = plan.ByLanguage,
        }, $"demo-campaign-{plan.Key}");
        var id = campaign.GetProperty("id").GetGuid();
        var status = campaign.GetProperty("status").GetString();
        if (status == "Planned" && plan.Target != "Planned")
        {
            await demo.Admin.PostAsync($"/api/media/campaigns/{id}/start", null, $"demo-campaign-{id:N}-start");
            status = "Running";
        }

        if (status != "Running")
        {
            return;
        }

        var outputs = await demo.Admin.ListAsync($"/api/media/outputs?campaignId={id}");
        var day = campaign.GetProperty("startsOn").GetDateOnly().AddDays(3);
        foreach (var output in plan.Outputs)
        {
            await OutputAsync(demo, outputs, id, day, output);
        }

        if (plan.Target == "Closed")
        {
            await demo.Admin.PostAsync($"/api/media/campaigns/{id}/close", null, $"demo-campaign-{id:N}-close");
        }
    }

    /// <summary>An output drafted, checked, approved, published and measured, as far as its target; the "Checked" one fails its check.</summary>
    private static async Task OutputAsync(DemoContext demo, List<JsonElement> outputs, Guid campaignId, DateOnly day, Output plan)
    {
        var output = DemoContext.By(outputs, "title", plan.Title) ?? await demo.Admin.PostAsync("/api/media/outputs", new
        {
            type = plan.Type,
            title = plan.Title,
            language = plan.Language,
            channel = plan.Channel,
            municipality = plan.Municipality,
            date = day,
            link = $"https://media.demo.example.org/{plan.Language}/{plan.Type.ToLowerInvariant()}",
            campaignId,
            outletId = plan.Outlet is { } outlet ? demo.Organizations[outlet] : (Guid?)null,
            ownChannel = plan.OwnChannel,
        }, $"demo-output-{campaignId:N}-{plan.Type}");
        var id = output.GetProperty("id").GetGuid();
        var status = output.GetProperty("status").GetString();
        if (status == "Draft" && output.GetProperty("checks").GetArrayLength() == 0)
        {
            var compliant = plan.Target != "Checked";
            await demo.Admin.PostAsync($"/api/media/outputs/{id}/checks", new
            {
                euEmblemPresent = true,
                fundingStatementPresent = true,
                fundingStatementText = output.GetProperty("fundingStatement").GetString(),
                emblemAndStatementTogether = true,
                disclaimerPresent = plan.Type == "Publication" ? compliant : (bool?)null,
                partnerLogosNotMoreProminent = true,
                notes = compliant ? "Checked the final version (demo)" : "The EU disclaimer is missing on the back cover (demo)",
            }, $"demo-output-{id:N}-check");
            status = "Checked";
        }

        if (plan.Target == "Checked")
        {
            return;
        }

        if (status == "Checked")
        {
            await demo.Admin.PostAsync($"/api/media/outputs/{id}/approve", null, $"demo-output-{id:N}-approve");
            status = "Approved";
        }

        if (status == "Approved")
        {
            await demo.Admin.PostAsync($"/api/media/outputs/{id}/publish", null, $"demo-output-{id:N}-publish");
        }

        if (output.GetProperty("measurements").GetArrayLength() == 0)
        {
            await demo.Admin.PostAsync($"/api/media/outputs/{id}/reach",
                new { metric = plan.Metric, value = plan.Reach, measuredOn = day.AddDays(7), source = "The outlet's audience statistics (demo)" }, $"demo-output-{id:N}-reach");
        }
    }

    /// <summary>Waits for the drafts of the demo's adopted recommendations and institutionalised service; publishes two of them.</summary>
    private static async Task StoriesAsync(DemoContext demo)
    {
        string[] published = ["service-homecare", "recommendation-homecare"];
        string[] drafted = ["recommendation-daycentre", "recommendation-buses"];
        var wanted = published.Concat(drafted).Where(demo.Subjects.ContainsKey).ToDictionary(k => demo.Subjects[k], k => k);
        var deadline = DateTime.UtcNow + StoryTimeout;
        List<JsonElement> stories;
        while ((stories = (await demo.Admin.ListAsync("/api/media/stories")).Where(s => wanted.ContainsKey(s.GetProperty("subjectId").GetGuid())).ToList()).Count < wanted.Count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ToolException($"Media has drafted {stories.Count} of the demo's {wanted.Count} stories within {StoryTimeout.TotalSeconds} s (it drafts them from Partnerships' events)");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }

        foreach (var story in stories.Where(s => published.Contains(wanted[s.GetProperty("subjectId").GetGuid()])))
        {
            var id = story.GetProperty("id").GetGuid();
            var status = story.GetProperty("status").GetString();
            if (status == "Draft")
            {
                await demo.Admin.PostAsync($"/api/media/stories/{id}/approve", null, $"demo-story-{id:N}-approve");
                status = "Approved";
            }

            if (status == "Approved")
            {
                await demo.Admin.PostAsync($"/api/media/stories/{id}/publish", null, $"demo-story-{id:N}-publish");
            }
        }
    }
}
