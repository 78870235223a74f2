using System.Text.Json;
using static Platform.Contracts.ReferenceData.Municipality;

namespace Platform.Demo.Demo;

/// <summary>
/// Civic education camps: a youth camp in Tsalka held a month ago (two sessions, attendance taken, counted), and a
/// camp for women in Akhaltsikhe planned for next month with its first participants registered.
/// </summary>
internal sealed class CivicCamps : IDemoSection
{
    private sealed record Plan(string Key, string Name, string Audience, string Municipality, int StartsInDays, string[] Participants, bool Hold);

    private static readonly Plan[] Camps =
    [
        new("tsalka", "Summer civic camp by Tsalka lake (demo)", "Youth", Tsalka, -33, ["tamar", "elnur", "ramin", "lusine", "giorgi"], Hold: true),
        new("akhaltsikhe", "Women's leadership camp in Akhaltsikhe (demo)", "Women", Akhaltsikhe, 30, ["lusine", "aysel", "tamar"], Hold: false),
    ];

    public string Name => "Civic camps (Youth)";

    public async Task RunAsync(DemoContext demo)
    {
        var people = await YoungPeople.EnsureAsync(demo);
        var existing = await demo.Admin.ListAsync("/api/youth/camps");
        foreach (var plan in Camps)
        {
            var camp = DemoContext.By(existing, "name", plan.Name) ?? await PlanAsync(demo, plan);
            if (camp.GetProperty("status").GetString() == "Held")
            {
                continue;
            }

            var id = camp.GetProperty("id").GetGuid();
            var registered = camp.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("personId").GetGuid()).ToHashSet();
            foreach (var person in plan.Participants.Where(p => !registered.Contains(people[p])))
            {
                await demo.Admin.PostAsync($"/api/youth/camps/{id}/participants", new { personId = people[person] }, $"demo-camp-{id:N}-{person}");
            }

            if (!plan.Hold)
            {
                continue;
            }

            var starts = camp.GetProperty("startsOn").GetDateOnly();
            var sessions = camp.GetProperty("sessions").EnumerateArray().ToList();
            string[] topics = ["How a municipal budget is made", "Writing a petition to the city council"];
            for (var day = sessions.Count; day < topics.Length; day++)
            {
                await demo.Admin.PostAsync($"/api/youth/camps/{id}/sessions", new { date = starts.AddDays(day), topic = topics[day] }, $"demo-camp-{id:N}-session-{day}");
            }

            camp = await demo.Admin.GetAsync($"/api/youth/camps/{id}");
            // Everyone came to the first session; one missed the second.
            var all = plan.Participants.Select(p => people[p]).ToList();
            var index = 0;
            foreach (var session in camp.GetProperty("sessions").EnumerateArray())
            {
                var attended = index++ == 0 ? all : all.Skip(1).ToList();
                await demo.Admin.PutAsync($"/api/youth/camps/{id}/sessions/{session.GetProperty("id").GetGuid()}/attendance", new { personIds = attended });
            }

            await demo.Admin.PostAsync($"/api/youth/camps/{id}/hold", null, $"demo-camp-{id:N}-hold");
        }
    }

    private static Task<JsonElement> PlanAsync(DemoContext demo, Plan plan)
    {
        var starts = DemoContext.Today.AddDays(plan.StartsInDays);
        return demo.Admin.PostAsync("/api/youth/camps", new
        {
            audience = plan.Audience,
            name = plan.Name,
            municipality = plan.Municipality,
            startsOn = starts,
            endsOn = starts.AddDays(2),
        }, $"demo-camp-{plan.Key}");
    }
}
