using System.Net;
using System.Text;
using System.Text.Json;
using Platform.Demo;
using Platform.Demo.Access;
using Platform.Demo.Demo;

using static Platform.EndToEndTests.Responses;

namespace Platform.EndToEndTests;

/// <summary>
/// <c>./platform.sh demo</c> against the whole platform: it fills every part of the programme through the gateway (the
/// registry, grants, Young Professionals, camps, capacity development, participatory governance, campaigns and the
/// stories of the public catalogue), and a second run changes nothing (no command applied, every demo record as it was).
/// </summary>
public sealed class DemoTests(PlatformFixture platform)
{
    private static readonly string[] GrantStages = ["Awarded", "Draft", "Rejected", "Submitted", "WaitingList", "Withdrawn"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_demo_fills_the_programme_through_the_API_and_a_second_run_changes_nothing()
    {
        var state = Directory.CreateTempSubdirectory("platform-demo-");
        try
        {
            var first = await RunDemoAsync(state.FullName);
            Assert.True(first.Applied > 0, first.Summary());
            using var admin = await platform.GatewayAsAsync("programme-admin");
            var before = await DemoRecordsAsync(admin);

            var second = await RunDemoAsync(state.FullName);
            Assert.True(second.Applied == 0, second.Summary());
            Assert.Equal(before, await DemoRecordsAsync(admin));
        }
        finally
        {
            state.Delete(recursive: true);
        }
    }

    private async Task<Changes> RunDemoAsync(string state)
    {
        var options = new ToolOptions("demo", platform.Gateway.BaseAddress!, state, "admin@platform.local", platform.AdminPassword, null, null);
        using var gateway = new Gateway(options.GatewayUrl);
        return await DemoProgramme.RunAsync(gateway, new TokenServer(gateway, options), TextWriter.Null);
    }

    /// <summary>
    /// Every demo record (other tests share the platform: only what the demo made), as a text to compare; asserts on
    /// the way that each part of the programme is there.
    /// </summary>
    private async Task<string> DemoRecordsAsync(HttpClient admin)
    {
        var text = new StringBuilder();
        var organizations = (await AllAsync(admin, "/api/capacity/organizations")).Where(o => English(o, "name").EndsWith("(demo)", StringComparison.Ordinal)).ToList();
        foreach (var municipality in new[] { "KK-MARNEULI", "KK-TETRITSKARO", "KK-DMANISI", "KK-GARDABANI", "KK-BOLNISI", "KK-TSALKA", "SJ-AKHALTSIKHE", "SJ-NINOTSMINDA" })
        {
            var here = organizations.Where(o => o.GetProperty("municipality").GetString() == municipality).Select(o => o.GetProperty("type").GetString()).ToList();
            Assert.Contains("Cso", here);
            Assert.Contains("LocalSelfGovernment", here);
        }

        Assert.Equal(
            ["Cso", "LocalSelfGovernment", "MediaOutlet", "NationalOrganization", "SocialServiceProvider"],
            organizations.Select(o => o.GetProperty("type").GetString()!).Distinct().Order());
        Record(text, organizations, "id", "version", "updatedAt");

        var calls = (await AllAsync(admin, "/api/grants/calls")).Where(c => English(c, "title").EndsWith("(demo)", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Awarded", "Open"], calls.Select(c => c.GetProperty("status").GetString()!).Order());
        Record(text, calls, "id", "status", "awardedAmount");
        var applications = new List<JsonElement>();
        foreach (var call in calls)
        {
            applications.AddRange(await AllAsync(admin, $"/api/grants/applications?callId={call.GetProperty("id").GetGuid()}"));
        }

        Assert.Equal(GrantStages, applications.Select(a => a.GetProperty("status").GetString()!).Distinct().Order());
        Record(text, applications, "id", "status", "updatedAt");
        var agreements = await AllAsync(admin, $"/api/grants/agreements?callId={calls.Single(c => c.GetProperty("status").GetString() == "Awarded").GetProperty("id").GetGuid()}");
        Assert.Equal("Paid", Assert.Single(agreements).GetProperty("tranches")[0].GetProperty("state").GetString());
        Record(text, agreements, "id", "paidAmount");

        var cohort = Assert.Single(await AllAsync(admin, "/api/youth/cohorts"), c => c.GetProperty("name").GetString()!.EndsWith("(demo)", StringComparison.Ordinal));
        Assert.Equal("Running", cohort.GetProperty("status").GetString());
        var cohortId = cohort.GetProperty("id").GetGuid();
        var internships = await AllAsync(admin, $"/api/youth/internships?cohortId={cohortId}");
        Assert.Equal(["Completed", "Running", "Running"], internships.Select(i => i.GetProperty("status").GetString()!).Order());
        Record(text, [cohort], "id", "status", "accepted");
        Record(text, await AllAsync(admin, $"/api/youth/cohorts/{cohortId}/applications"), "id", "status");
        Record(text, internships.Select(i => JsonSerializer.SerializeToElement(new { id = i.GetProperty("id"), checkIns = i.GetProperty("checkIns").GetArrayLength() })), "id", "checkIns");

        var camps = (await AllAsync(admin, "/api/youth/camps")).Where(c => c.GetProperty("name").GetString()!.EndsWith("(demo)", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Held", "Planned"], camps.Select(c => c.GetProperty("status").GetString()!).Order());
        Record(text, camps, "id", "status", "registered", "attended");

        await CapacityRecordsAsync(admin, organizations, text);
        var subjects = await PartnershipsRecordsAsync(admin, text);
        await MediaRecordsAsync(admin, subjects, text);
        return text.ToString();
    }

    /// <summary>Validated baselines and midlines on both instruments, an action plan at three stages, delivered activities with their counts.</summary>
    private static async Task CapacityRecordsAsync(HttpClient admin, List<JsonElement> organizations, StringBuilder text)
    {
        var assessments = new List<JsonElement>();
        foreach (var organization in organizations)
        {
            assessments.AddRange(await AllAsync(admin, $"/api/capacity/assessments?organizationId={organization.GetProperty("id").GetGuid()}"));
        }

        Assert.All(assessments, a => Assert.Equal("Validated", a.GetProperty("status").GetString()));
        Assert.Equal(["hrba-lsg Baseline", "oca-cso Baseline", "oca-cso Midline"],
            assessments.Select(a => $"{a.GetProperty("instrument").GetString()} {a.GetProperty("kind").GetString()}").Distinct().Order());
        Assert.True(assessments.Count(a => a.GetProperty("kind").GetString() == "Baseline") >= 5, "baselines of several organisations");
        Record(text, assessments, "id", "status", "revision", "overall");

        var actions = new List<JsonElement>();
        foreach (var assessment in assessments)
        {
            actions.AddRange(await AllAsync(admin, $"/api/capacity/actions?assessmentId={assessment.GetProperty("id").GetGuid()}"));
        }

        Assert.Equal(["Done", "InProgress", "Planned"], actions.Select(a => a.GetProperty("status").GetString()!).Order());
        Record(text, actions, "id", "status");

        var activities = (await AllAsync(admin, "/api/capacity/activities")).Where(a => a.GetProperty("title").GetString()!.EndsWith("(demo)", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Mentoring", "Training", "Training"], activities.Select(a => a.GetProperty("kind").GetString()!).Order());
        Assert.All(activities, a => Assert.True(a.GetProperty("delivered").GetProperty("participants").GetInt32() > 0, "delivered with its participants counted"));
        Record(text, activities.Select(a => JsonSerializer.SerializeToElement(new { id = a.GetProperty("id"), status = a.GetProperty("status"), counted = a.GetProperty("delivered").GetProperty("participants") })),
            "id", "status", "counted");
    }

    /// <summary>Groups that met, the Alliance's recommendations at every stage, an institutionalised service, pilots; returns the ids Media's stories are about.</summary>
    private static async Task<HashSet<Guid>> PartnershipsRecordsAsync(HttpClient admin, StringBuilder text)
    {
        static bool Demo(string? name) => name?.EndsWith("(demo)", StringComparison.Ordinal) == true;
        var groups = (await AllAsync(admin, "/api/partnerships/groups")).Where(g => Demo(g.GetProperty("name").GetString())).ToList();
        Assert.True(groups.Count(g => g.GetProperty("status").GetString() == "Active") >= 3, "active groups in several municipalities");
        Record(text, groups, "id", "status", "municipality");
        var meetings = (await AllAsync(admin, "/api/partnerships/meetings")).Where(m => Demo(m.GetProperty("title").GetString())).ToList();
        Assert.Contains(meetings, m => m.GetProperty("body").GetString() == "Alliance" && m.GetProperty("heldOn").ValueKind == JsonValueKind.String);
        Assert.Contains(meetings, m => m.GetProperty("body").GetString() == "Group" && m.GetProperty("locked").GetBoolean() && m.GetProperty("decisions").GetArrayLength() > 0);
        Record(text, meetings, "id", "minutesStatus", "attendees");

        var recommendations = (await AllAsync(admin, "/api/partnerships/recommendations")).Where(r => English(r, "title").EndsWith("(demo)", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Adopted", "Drafted", "Endorsed", "Implemented", "PartiallyAdopted", "Rejected", "Submitted"],
            recommendations.Select(r => r.GetProperty("status").GetString()!).Order());
        Record(text, recommendations, "id", "status", "progressPercent");

        var services = (await AllAsync(admin, "/api/partnerships/social-services")).Where(s => English(s, "name").EndsWith("(demo)", StringComparison.Ordinal)).ToList();
        var institutionalised = Assert.Single(services, s => s.GetProperty("status").GetString() == "Institutionalised");
        Assert.True(institutionalised.GetProperty("municipalFunding").GetProperty("amount").GetDecimal() > 0, "funded from the municipal budget");
        Record(text, services, "id", "status");
        var pilots = (await AllAsync(admin, "/api/partnerships/pilots")).Where(p => Demo(p.GetProperty("title").GetString())).ToList();
        Assert.Equal(["Completed", "Planned"], pilots.Select(p => p.GetProperty("status").GetString()!).Order());
        Record(text, pilots, "id", "status", "participants");
        return [.. recommendations.Select(r => r.GetProperty("id").GetGuid()), .. services.Select(s => s.GetProperty("id").GetGuid())];
    }

    /// <summary>Campaigns closed (with reach), running and planned; the stories of the demo's records, two of them in the public catalogue.</summary>
    private async Task MediaRecordsAsync(HttpClient admin, HashSet<Guid> subjects, StringBuilder text)
    {
        var campaigns = (await AllAsync(admin, "/api/media/campaigns")).Where(c => English(c, "title").EndsWith("(demo)", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Closed", "Planned", "Running"], campaigns.Select(c => c.GetProperty("status").GetString()!).Order());
        var closed = campaigns.Single(c => c.GetProperty("status").GetString() == "Closed");
        Assert.Equal(13_700, closed.GetProperty("reach").GetProperty("reach").GetInt64());
        Record(text, campaigns.Select(c => JsonSerializer.SerializeToElement(new { id = c.GetProperty("id"), status = c.GetProperty("status"), reach = c.GetProperty("reach").GetProperty("reach") })),
            "id", "status", "reach");
        var outputs = new List<JsonElement>();
        foreach (var campaign in campaigns)
        {
            outputs.AddRange(await AllAsync(admin, $"/api/media/outputs?campaignId={campaign.GetProperty("id").GetGuid()}"));
        }

        Assert.Equal(["Checked", "Published", "Published", "Published"], outputs.Select(o => o.GetProperty("status").GetString()!).Order());
        Record(text, outputs, "id", "status", "reach");

        var stories = (await AllAsync(admin, "/api/media/stories")).Where(s => subjects.Contains(s.GetProperty("subjectId").GetGuid())).ToList();
        var published = stories.Where(s => s.GetProperty("status").GetString() == "Published").Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, published.Count);
        Assert.Contains(stories, s => s.GetProperty("status").GetString() == "Draft");
        Record(text, stories, "id", "status");

        // Anyone sees the published ones in the public catalogue, through the gateway and without a token.
        var catalogue = await AllAsync(platform.Gateway, "/api/media/catalogue/stories");
        Assert.Subset(catalogue.Select(s => s.GetProperty("id").GetGuid()).ToHashSet(), published.ToHashSet());
        var page = await platform.Gateway.GetAsync($"/catalogue/stories/{published[0]}?lang=en", Ct);
        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
    }

    private static void Record(StringBuilder text, IEnumerable<JsonElement> items, params string[] properties)
    {
        foreach (var line in items.Select(i => string.Join(' ', properties.Select(p => i.GetProperty(p).ToString()))).Order(StringComparer.Ordinal))
        {
            text.AppendLine(line);
        }
    }

    private static string English(JsonElement item, string property) =>
        item.GetProperty(property).TryGetProperty("en", out var en) ? en.GetString() ?? "" : "";

    /// <summary>
    /// A GET as an API consumer sends it: the snapshot reads every list twice, quickly enough to spend the admin's
    /// 100-a-second budget at the gateway, and a 429 says when to try again (the demo tool waits likewise).
    /// </summary>
    private static async Task<HttpResponseMessage> GetWithinBudgetAsync(HttpClient client, string path)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (true)
        {
            var response = await client.GetAsync(path, Ct);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || DateTimeOffset.UtcNow > deadline)
            {
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait, Ct);
        }
    }

    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var list = await Json(await GetWithinBudgetAsync(client, $"{path}{separator}page={page}&pageSize=100"));
            var batch = list.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(batch);
            if (batch.Count == 0 || items.Count >= list.GetProperty("total").GetInt64())
            {
                return items;
            }
        }
    }
}
