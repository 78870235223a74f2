using System.Text;
using System.Text.Json;
using Platform.Demo;
using Platform.Demo.Access;
using Platform.Demo.Demo;

using static Platform.EndToEndTests.Responses;

namespace Platform.EndToEndTests;

/// <summary>
/// <c>./platform.sh demo</c> against the whole platform: it fills every part of the programme through the gateway, and
/// a second run changes nothing (no command applied, every demo record as it was).
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
    private static async Task<string> DemoRecordsAsync(HttpClient admin)
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
        return text.ToString();
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

    private static async Task<List<JsonElement>> AllAsync(HttpClient client, string path)
    {
        var items = new List<JsonElement>();
        var separator = path.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        for (var page = 1; ; page++)
        {
            var list = await Json(await client.GetAsync($"{path}{separator}page={page}&pageSize=100", Ct));
            var batch = list.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(batch);
            if (batch.Count == 0 || items.Count >= list.GetProperty("total").GetInt64())
            {
                return items;
            }
        }
    }
}
