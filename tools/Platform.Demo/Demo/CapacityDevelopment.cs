using System.Text.Json;
using static Platform.Contracts.ReferenceData.Municipality;

namespace Platform.Demo.Demo;

/// <summary>
/// Capacity development: validated OCA baselines of five CSOs (two with a validated midline that shows progress), HRBA
/// baselines of three city halls, an action plan for the weak areas of one CSO (one action done, one under way, one
/// planned), and three delivered activities with their participants, attendance and tests: a financial-management
/// training for CSOs, an HRBA training for municipal staff and a mentoring session on one of the plan's actions.
/// The people are invented ("Demoshvili", "Exampleyan"); the owner of an action is a role, never a name.
/// </summary>
internal sealed class CapacityDevelopment : IDemoSection
{
    private sealed record Person(string Key, string FullName, string Gender, string AgeGroup, string Sector, string? Organization, string Municipality);

    private static readonly Person[] People =
    [
        new("facilitator-keti", "Keti Demoshvili", "female", "35-plus", "other", null, Marneuli),
        new("facilitator-vahe", "Vahe Exampleyan", "male", "35-plus", "other", null, Akhaltsikhe),
        new("cso-algeti-staff", "Leyla Sampleova", "female", "25-34", "cso", "cso-algeti", Marneuli),
        new("cso-tetri-staff", "Dato Inventadze", "male", "25-34", "cso", "cso-tetri", Tetritskaro),
        new("cso-debate-staff", "Sevinj Mockova", "female", "18-24", "cso", "cso-debate", Bolnisi),
        new("cso-lakeside-staff", "Anahit Fictionyan", "female", "35-plus", "cso", "cso-lakeside", Tsalka),
        new("lsg-akhaltsikhe-staff", "Gohar Placeholderyan", "female", "35-plus", "lsg", "lsg-akhaltsikhe", Akhaltsikhe),
        new("lsg-ninotsminda-staff", "Aram Testyan", "male", "25-34", "lsg", "lsg-ninotsminda", Ninotsminda),
        new("lsg-marneuli-staff", "Irakli Demoadze", "male", "35-plus", "lsg", "lsg-marneuli", Marneuli),
    ];

    /// <summary>An organisation's assessments with one instrument; <c>Seed</c> varies the levels, <c>Midline</c> adds a later one.</summary>
    private sealed record Assessed(string Organization, string Instrument, int Seed, bool Midline, string Facilitator);

    private static readonly Assessed[] Assessments =
    [
        new("cso-algeti", "oca-cso", 0, Midline: true, "facilitator-keti"),
        new("cso-tetri", "oca-cso", 1, Midline: false, "facilitator-keti"),
        new("cso-debate", "oca-cso", 2, Midline: true, "facilitator-keti"),
        new("cso-lakeside", "oca-cso", 1, Midline: false, "facilitator-vahe"),
        new("cso-rabati", "oca-cso", 0, Midline: false, "facilitator-vahe"),
        new("lsg-marneuli", "hrba-lsg", 2, Midline: false, "facilitator-keti"),
        new("lsg-akhaltsikhe", "hrba-lsg", 0, Midline: false, "facilitator-vahe"),
        new("lsg-ninotsminda", "hrba-lsg", 1, Midline: false, "facilitator-vahe"),
    ];

    private sealed record Plan(string Description, string Owner, int DueInDays, string[] Support, string Target);

    /// <summary>The action plan of the Algeti Valley Youth Forum's baseline, one action per weak sub-area, in the instrument's order.</summary>
    private static readonly Plan[] ActionPlan =
    [
        new("Write down the board's role and meet every quarter with minutes.", "Board chair", 30, ["mentoring"], "Done"),
        new("Adopt a procurement policy with thresholds and three quotes.", "Operations manager", 90, ["mentoring", "training"], "InProgress"),
        new("Set up a simple monitoring plan with indicators per project.", "Programme coordinator", 150, ["training", "small-grant"], "Planned"),
    ];

    private const string FinanceTraining = "Financial management for small CSOs (demo)";
    private const string HrbaTraining = "The human-rights-based approach in municipal social services (demo)";
    private const string Mentoring = "Mentoring on a procurement policy (demo)";

    public string Name => "Capacity development (Capacity)";

    public async Task RunAsync(DemoContext demo)
    {
        var people = await PeopleAsync(demo);
        var instruments = new Dictionary<string, List<string>>();
        foreach (var code in Assessments.Select(a => a.Instrument).Distinct())
        {
            var instrument = await demo.Admin.GetAsync($"/api/capacity/instruments/{code}/versions/1");
            instruments[code] = [.. instrument.GetProperty("domains").EnumerateArray().SelectMany(d => d.GetProperty("subAreas").EnumerateArray()).Select(s => s.GetProperty("code").GetString()!)];
        }

        Guid? planned = null;
        foreach (var assessed in Assessments)
        {
            var organizationId = demo.Organizations[assessed.Organization];
            var existing = await demo.Admin.ListAsync($"/api/capacity/assessments?organizationId={organizationId}&instrument={assessed.Instrument}");
            var baseline = await AssessAsync(demo, existing, assessed, "Baseline", instruments[assessed.Instrument], people);
            if (assessed.Midline)
            {
                await AssessAsync(demo, existing, assessed, "Midline", instruments[assessed.Instrument], people);
            }

            if (assessed.Organization == "cso-algeti")
            {
                planned = await ActionPlanAsync(demo, baseline);
            }
        }

        var activities = await demo.Admin.ListAsync("/api/capacity/activities");
        var today = DemoContext.Today;
        await ActivityAsync(demo, activities, "finance", FinanceTraining, new
        {
            kind = "Training", title = FinanceTraining, topics = new[] { "budgeting", "accounting", "internal control" }, audience = "cso-staff",
            humanRightsBasedApproach = false, startsOn = today.AddDays(-21), endsOn = today.AddDays(-20), municipality = Marneuli,
            trainers = new[] { "Trainer Nestan Exampleli" },
        }, ["Budgets that match the plan", "Receipts, ledgers and internal control"],
            [people["cso-algeti-staff"], people["cso-tetri-staff"], people["cso-debate-staff"], people["cso-lakeside-staff"]]);
        await ActivityAsync(demo, activities, "hrba", HrbaTraining, new
        {
            kind = "Training", title = HrbaTraining, topics = new[] { "participation", "non-discrimination", "complaint mechanisms" }, audience = "lsg-staff",
            humanRightsBasedApproach = true, startsOn = today.AddDays(-12), endsOn = today.AddDays(-12), municipality = Akhaltsikhe,
            trainers = new[] { "Trainer Vahe Exampleyan" },
        }, ["Who is left out of the municipal services, and why"],
            [people["lsg-akhaltsikhe-staff"], people["lsg-ninotsminda-staff"], people["lsg-marneuli-staff"]]);
        if (planned is { } actionId)
        {
            await ActivityAsync(demo, activities, "mentoring", Mentoring, new
            {
                kind = "Mentoring", title = Mentoring, topics = new[] { "procurement" }, audience = "cso-staff", humanRightsBasedApproach = false,
                startsOn = today.AddDays(-5), endsOn = today.AddDays(-5), municipality = Marneuli, mentor = "Mentor Keti Demoshvili",
                mentoredOrganizationId = demo.Organizations["cso-algeti"], hours = 3m, actionIds = new[] { actionId },
            }, ["Thresholds and quotes in a procurement policy"], [people["cso-algeti-staff"]]);
        }
    }

    /// <summary>The demo's people, recorded with their consent, found again by their invented email address.</summary>
    private static async Task<Dictionary<string, Guid>> PeopleAsync(DemoContext demo)
    {
        var recorded = await demo.Admin.ListAsync("/api/capacity/participants");
        var ids = new Dictionary<string, Guid>();
        foreach (var person in People)
        {
            var email = $"{person.Key}@demo.example.org";
            if (DemoContext.By(recorded.Where(p => p.GetProperty("email").ValueKind == JsonValueKind.String), "email", email) is not { } existing)
            {
                existing = await demo.Admin.PostAsync("/api/capacity/participants", new
                {
                    fullName = person.FullName,
                    gender = person.Gender,
                    ageGroup = person.AgeGroup,
                    sector = person.Sector,
                    organizationId = person.Organization is { } key ? demo.Organizations[key] : (Guid?)null,
                    municipality = person.Municipality,
                    email,
                    consent = new { given = true, purpose = "Capacity development (demo data)", noticeVersion = "demo-1" },
                }, $"demo-capacity-person-{person.Key}");
            }

            ids[person.Key] = existing.GetProperty("id").GetGuid();
        }

        return ids;
    }

    /// <summary>One assessment brought to Validated: started, scored, submitted, validated, each step only if not yet done.</summary>
    private static async Task<JsonElement> AssessAsync(DemoContext demo, List<JsonElement> existing, Assessed assessed, string kind, List<string> subAreas, Dictionary<string, Guid> people)
    {
        var organizationId = demo.Organizations[assessed.Organization];
        var assessment = DemoContext.By(existing, "kind", kind) ?? await demo.Admin.PostAsync("/api/capacity/assessments", new
        {
            organizationId,
            instrument = assessed.Instrument,
            instrumentVersion = 1,
            kind,
            facilitatorIds = new[] { people[assessed.Facilitator] },
        }, $"demo-assessment-{assessed.Organization}-{assessed.Instrument}-{kind}");
        var id = assessment.GetProperty("id").GetGuid();
        var status = assessment.GetProperty("status").GetString();
        if (status == "Draft")
        {
            // Baselines spread over 1-3; a midline is a level better where the baseline was weak. A 3 or 4 needs its evidence.
            var scores = subAreas.Select((code, i) =>
            {
                var level = 1 + ((i + assessed.Seed) % 3);
                if (kind == "Midline" && level < 3)
                {
                    level++;
                }

                return level >= 3
                    ? (object)new { subArea = code, level, justification = "Practice seen in the documents and confirmed in the facilitated discussion.", evidence = new[] { $"{code}-evidence-demo.pdf" } }
                    : new { subArea = code, level };
            }).ToList();
            await demo.Admin.PutAsync($"/api/capacity/assessments/{id}/scores", new { scores });
            await demo.Admin.PostAsync($"/api/capacity/assessments/{id}/submit", null, $"demo-assessment-{id:N}-submit");
            status = "Submitted";
        }

        if (status == "Submitted")
        {
            assessment = await demo.Admin.PostAsync($"/api/capacity/assessments/{id}/validate", null, $"demo-assessment-{id:N}-validate");
        }

        return assessment;
    }

    /// <summary>The plan for the baseline's first weak sub-areas, each action brought to its target state; returns the action under way.</summary>
    private static async Task<Guid?> ActionPlanAsync(DemoContext demo, JsonElement baseline)
    {
        var id = baseline.GetProperty("id").GetGuid();
        var weak = baseline.GetProperty("scores").EnumerateArray().Where(s => s.GetProperty("level").GetInt32() <= 2).Select(s => s.GetProperty("subArea").GetString()!).ToList();
        var actions = await demo.Admin.ListAsync($"/api/capacity/actions?assessmentId={id}");
        Guid? underWay = null;
        foreach (var (plan, subArea) in ActionPlan.Zip(weak))
        {
            var action = DemoContext.By(actions, "subArea", subArea) ?? await demo.Admin.PostAsync($"/api/capacity/assessments/{id}/actions", new
            {
                subArea,
                description = plan.Description,
                owner = plan.Owner,
                dueOn = DemoContext.Today.AddDays(plan.DueInDays),
                support = plan.Support,
            }, $"demo-action-{id:N}-{subArea}");
            var actionId = action.GetProperty("id").GetGuid();
            var status = action.GetProperty("status").GetString();
            if (status == "Planned" && plan.Target != "Planned")
            {
                await demo.Admin.PostAsync($"/api/capacity/actions/{actionId}/start", null, $"demo-action-{actionId:N}-start");
                status = "InProgress";
            }

            if (status == "InProgress" && plan.Target == "Done")
            {
                await demo.Admin.PostAsync($"/api/capacity/actions/{actionId}/complete", new { evidence = new[] { "board-minutes-demo.pdf" } }, $"demo-action-{actionId:N}-complete");
            }

            if (plan.Target == "InProgress")
            {
                underWay = actionId;
            }
        }

        return underWay;
    }

    /// <summary>An activity planned, with a session per topic, its participants, attendance (one missed the last session), tests, delivered.</summary>
    private static async Task ActivityAsync(DemoContext demo, List<JsonElement> activities, string key, string title, object plan, string[] sessionTopics, Guid[] participants)
    {
        var activity = DemoContext.By(activities, "title", title) ?? await demo.Admin.PostAsync("/api/capacity/activities", plan, $"demo-activity-{key}");
        if (activity.GetProperty("status").GetString() == "Delivered")
        {
            return;
        }

        var id = activity.GetProperty("id").GetGuid();
        var starts = activity.GetProperty("startsOn").GetDateOnly();
        var days = activity.GetProperty("endsOn").GetDateOnly().DayNumber - starts.DayNumber + 1;
        for (var i = activity.GetProperty("sessions").GetArrayLength(); i < sessionTopics.Length; i++)
        {
            await demo.Admin.PostAsync($"/api/capacity/activities/{id}/sessions", new { date = starts.AddDays(i % days), topic = sessionTopics[i] }, $"demo-activity-{id:N}-session-{i}");
        }

        var registered = activity.GetProperty("participants").EnumerateArray().Select(p => p.GetProperty("participantId").GetGuid()).ToHashSet();
        foreach (var participant in participants.Where(p => !registered.Contains(p)))
        {
            await demo.Admin.PostAsync($"/api/capacity/activities/{id}/participants", new { participantId = participant }, $"demo-activity-{id:N}-{participant:N}");
        }

        activity = await demo.Admin.GetAsync($"/api/capacity/activities/{id}");
        var sessions = activity.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        for (var i = 0; i < sessions.Count; i++)
        {
            var attended = i > 0 && i == sessions.Count - 1 && participants.Length > 2 ? participants[1..] : participants;
            await demo.Admin.PutAsync($"/api/capacity/activities/{id}/sessions/{sessions[i]}/attendance", new { participantIds = attended });
        }

        for (var i = 0; i < participants.Length; i++)
        {
            await demo.Admin.PutAsync($"/api/capacity/activities/{id}/participants/{participants[i]}/tests", new { preTest = 40 + (5 * i), postTest = 70 + (4 * i) });
        }

        await demo.Admin.PostAsync($"/api/capacity/activities/{id}/deliver", null, $"demo-activity-{id:N}-deliver");
    }
}
