using System.Text.Json;
using static Platform.Contracts.ReferenceData.Municipality;

namespace Platform.Demo.Demo;

/// <summary>
/// Participatory governance (Partnerships): partnership groups in Marneuli, Bolnisi and Akhaltsikhe (active, each with a
/// held meeting, approved minutes and a decision) and a newly formed one in Gardabani; the Regional Social Services
/// Alliance with members from both regions and an assembly that voted; recommendations at every stage (drafted,
/// endorsed, submitted, adopted, partially adopted, rejected, implemented); co-created social services from idea to one
/// institutionalised with municipal money; and two pilot initiatives, one completed. A municipality that already has a
/// group of its own (not the demo's) is left alone.
/// </summary>
internal sealed class ParticipatoryGovernance : IDemoSection
{
    private sealed record Group(string Municipality, string Town, string Chair, string Secretary, string Member, bool Activate, string Chairperson, string Clerk);

    private static readonly Group[] Groups =
    [
        new(Marneuli, "Marneuli", "cso-algeti", "lsg-marneuli", "cso-crafts", Activate: true, "Rustam Demoyev", "Eka Sampleishvili"),
        new(Bolnisi, "Bolnisi", "cso-debate", "lsg-bolnisi", "ssp-physio", Activate: true, "Sabina Exampleva", "Zurab Mockadze"),
        new(Akhaltsikhe, "Akhaltsikhe", "cso-rabati", "lsg-akhaltsikhe", "ssp-daycentre", Activate: true, "Karine Inventyan", "Levan Testadze"),
        new(Gardabani, "Gardabani", "cso-riverside", "lsg-gardabani", "ssp-homecare", Activate: false, "Ulviyya Placeholdova", "Maka Fictionadze"),
    ];

    private static readonly string[] AllianceMembers = ["cso-algeti", "cso-debate", "cso-rabati", "cso-highland", "ssp-homecare", "ssp-daycentre", "lsg-marneuli", "lsg-akhaltsikhe"];

    private const string Assembly = "Alliance assembly, spring session (demo)";

    /// <summary>A recommendation and the stage the demo brings it to; the authority is a city hall of the registry or a national body by name.</summary>
    private sealed record Proposal(string Key, string Title, string Georgian, string Problem, string Action, string[] Municipalities, string? Authority, string? AuthorityName, string Target);

    private static readonly Proposal[] Recommendations =
    [
        new("interpreting", "Sign-language interpreting at city halls (demo)", "ჟესტური ენის თარგმანი მერიებში (დემო)",
            "Deaf residents cannot be served at the city hall without an interpreter.", "Book an interpreter for the reception on two days a week.",
            [Tsalka, Dmanisi], null, "Ministry of Regional Services (demo)", "Drafted"),
        new("ramps", "Ramps at the village polyclinics (demo)", "პანდუსები სოფლის პოლიკლინიკებთან (დემო)",
            "Three polyclinics cannot be entered in a wheelchair.", "Build ramps and handrails at the three entrances.",
            [Tetritskaro], null, "Ministry of Regional Services (demo)", "Endorsed"),
        new("ambulance", "Night ambulance cover for highland villages (demo)", "ღამის სასწრაფო დახმარება მთის სოფლებისთვის (დემო)",
            "At night the nearest ambulance is more than an hour away.", "Station a night crew in Ninotsminda in winter.",
            [Ninotsminda], null, "Emergency Care Centre (demo)", "Submitted"),
        new("homecare", "Home care for older people living alone (demo)", "შინ მოვლა მარტოხელა ხანდაზმულებისთვის (დემო)",
            "Older people in the villages live alone and receive no care at home.", "Fund a home-care team from the municipal budget.",
            [Marneuli], "lsg-marneuli", null, "Implemented"),
        new("buses", "School transport for children with disabilities (demo)", "სასკოლო ტრანსპორტი შშმ ბავშვებისთვის (დემო)",
            "Children with disabilities miss school for want of transport.", "Run an adapted school bus on three routes.",
            [Bolnisi], "lsg-bolnisi", null, "PartiallyAdopted"),
        new("daycentre", "A day centre for children with disabilities (demo)", "დღის ცენტრი შშმ ბავშვებისთვის (დემო)",
            "Families travel to Tbilisi for day care.", "Open a day centre in a municipal building.",
            [Akhaltsikhe], "lsg-akhaltsikhe", null, "Adopted"),
        new("dental", "Dental check-ups at rural schools (demo)", "სტომატოლოგიური შემოწმება სოფლის სკოლებში (დემო)",
            "Children in the villages see a dentist only in an emergency.", "Send a mobile dental unit to each rural school once a year.",
            [Gardabani], null, "Ministry of Health Services (demo)", "Rejected"),
    ];

    private static readonly string[] Stages = ["Drafted", "Endorsed", "Submitted", "Answered", "Implemented"];

    public string Name => "Participatory governance (Partnerships)";

    public async Task RunAsync(DemoContext demo)
    {
        foreach (var key in Groups.SelectMany(g => new[] { g.Chair, g.Secretary, g.Member }).Concat(AllianceMembers).Distinct())
        {
            await demo.KnownToAsync("partnerships", demo.Organizations[key]);
        }

        var heldMeetings = new Dictionary<string, Guid>();
        foreach (var group in Groups)
        {
            if (await GroupAsync(demo, group) is { } meeting)
            {
                heldMeetings[group.Municipality] = meeting;
            }
        }

        var assembly = await AllianceAsync(demo);
        var recommendations = await RecommendationsAsync(demo, assembly);
        await SocialServicesAsync(demo, recommendations, heldMeetings);
        await PilotsAsync(demo);
    }

    /// <summary>The group formed (and activated), representatives of chair and secretary, a held meeting with a decision and approved minutes.</summary>
    private static async Task<Guid?> GroupAsync(DemoContext demo, Group plan)
    {
        var today = DemoContext.Today;
        var name = $"{plan.Town} partnership group (demo)";
        var here = await demo.Admin.ListAsync($"/api/partnerships/groups?municipality={plan.Municipality}");
        if (DemoContext.By(here, "name", name) is not { } group)
        {
            if (here.Any(g => g.GetProperty("status").GetString() != "Closed"))
            {
                return null;    // the municipality has a group of its own: one per municipality
            }

            group = await demo.Admin.PostAsync("/api/partnerships/groups", new
            {
                municipality = plan.Municipality,
                name,
                termsOfReference = "Meets every two months; decides by consensus; minutes are approved at the next meeting. (demo)",
                formedOn = today.AddDays(-120),
                members = new object[]
                {
                    new { organizationId = demo.Organizations[plan.Chair], role = "Chair", joinedOn = today.AddDays(-120) },
                    new { organizationId = demo.Organizations[plan.Secretary], role = "Secretary", joinedOn = today.AddDays(-120) },
                    new { organizationId = demo.Organizations[plan.Member], joinedOn = today.AddDays(-120) },
                },
            }, $"demo-group-{plan.Municipality}");
        }

        var id = group.GetProperty("id").GetGuid();
        if (!plan.Activate)
        {
            return null;
        }

        if (group.GetProperty("status").GetString() == "Formed")
        {
            group = await demo.Admin.PostAsync($"/api/partnerships/groups/{id}/activate", new { activatedOn = group.GetProperty("formedOn").GetDateOnly().AddDays(10) }, $"demo-group-{id:N}-activate");
        }

        var representatives = new List<Guid>();
        foreach (var (organization, person) in new[] { (plan.Chair, plan.Chairperson), (plan.Secretary, plan.Clerk) })
        {
            var member = group.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("organizationId").GetGuid() == demo.Organizations[organization]);
            var memberId = member.GetProperty("id").GetGuid();
            var representative = DemoContext.By(member.GetProperty("representatives").EnumerateArray(), "name", person)
                ?? await demo.Admin.PostAsync($"/api/partnerships/groups/{id}/members/{memberId}/representatives",
                    new { name = person, gender = person.Split(' ')[0] is "Rustam" or "Zurab" or "Levan" ? "male" : "female", contact = $"{person.Split(' ')[1].ToLowerInvariant()}@demo.example.org" },
                    $"demo-group-{id:N}-representative-{organization}");
            representatives.Add(representative.GetProperty("id").GetGuid());
        }

        var meetings = await demo.Admin.ListAsync($"/api/partnerships/meetings?groupId={id}");
        var title = $"Social services in {plan.Town}: needs and priorities (demo)";
        var meeting = DemoContext.By(meetings, "title", title) ?? await demo.Admin.PostAsync("/api/partnerships/meetings", new
        {
            body = "Group",
            groupId = id,
            title,
            date = today.AddDays(-60),
            place = $"{plan.Town} city hall, small hall",
            agenda = new[] { "Findings of the social services mapping", "Priorities for the Alliance", "Co-design of a new service" },
        }, $"demo-group-{id:N}-meeting");
        var meetingId = meeting.GetProperty("id").GetGuid();
        if (meeting.GetProperty("locked").GetBoolean())
        {
            return meetingId;
        }

        if (meeting.GetProperty("heldOn").ValueKind == JsonValueKind.Null)
        {
            await demo.Admin.PutAsync($"/api/partnerships/meetings/{meetingId}/attendance", new { attendees = representatives.Select(r => new { representativeId = r }).ToArray() });
        }

        if (meeting.GetProperty("decisions").GetArrayLength() == 0)
        {
            await demo.Admin.PostAsync($"/api/partnerships/meetings/{meetingId}/decisions", new
            {
                text = "The city hall shares the list of social-service beneficiaries by village, without names.",
                ownerOrganizationId = demo.Organizations[plan.Secretary],
                dueOn = today.AddDays(30),
            }, $"demo-meeting-{meetingId:N}-decision");
        }

        var minutes = meeting.GetProperty("minutesStatus").GetString();
        if (minutes == "None")
        {
            await demo.Admin.PutAsync($"/api/partnerships/meetings/{meetingId}/minutes", new { text = "The group reviewed the mapping and agreed its priorities for the Alliance. (demo)" });
            minutes = "Drafted";
        }

        if (minutes == "Drafted")
        {
            await demo.Admin.PostAsync($"/api/partnerships/meetings/{meetingId}/minutes/circulate", null, $"demo-meeting-{meetingId:N}-circulate");
        }

        await demo.Admin.PostAsync($"/api/partnerships/meetings/{meetingId}/minutes/approve", null, $"demo-meeting-{meetingId:N}-approve");
        return meetingId;
    }

    /// <summary>The Alliance's demo members and its assembly, held online with every member of the day present.</summary>
    private static async Task<Guid> AllianceAsync(DemoContext demo)
    {
        var today = DemoContext.Today;
        var members = await demo.Admin.ListAsync("/api/partnerships/alliance/members");
        foreach (var key in AllianceMembers)
        {
            if (!members.Any(m => m.GetProperty("organizationId").GetGuid() == demo.Organizations[key] && m.GetProperty("current").GetBoolean()))
            {
                await demo.Admin.PostAsync("/api/partnerships/alliance/members", new { organizationId = demo.Organizations[key], joinedOn = today.AddDays(-100) }, $"demo-alliance-{key}");
            }
        }

        var meetings = await demo.Admin.ListAsync("/api/partnerships/meetings?body=Alliance");
        var assembly = DemoContext.By(meetings, "title", Assembly) ?? await demo.Admin.PostAsync("/api/partnerships/meetings", new
        {
            body = "Alliance",
            title = Assembly,
            date = today.AddDays(-45),
            online = true,
            agenda = new[] { "Recommendations from the partnership groups", "Votes" },
        }, "demo-alliance-assembly");
        var id = assembly.GetProperty("id").GetGuid();
        if (assembly.GetProperty("heldOn").ValueKind == JsonValueKind.Null)
        {
            var present = await demo.Admin.ListAsync($"/api/partnerships/alliance/members?on={assembly.GetProperty("date").GetString()}");
            await demo.Admin.PutAsync($"/api/partnerships/meetings/{id}/attendance",
                new { attendees = present.Select((m, i) => new { organizationId = m.GetProperty("organizationId").GetGuid(), gender = i % 3 == 0 ? "male" : "female" }).ToArray() });
        }

        return id;
    }

    /// <summary>Each recommendation drafted and taken step by step to its target stage (a timeline never goes back in time: drafted today, every later step today).</summary>
    private static async Task<Dictionary<string, JsonElement>> RecommendationsAsync(DemoContext demo, Guid assembly)
    {
        var today = DemoContext.Today;
        var existing = await demo.Admin.ListAsync("/api/partnerships/recommendations");
        var ballots = (await demo.Admin.GetAsync($"/api/partnerships/meetings/{assembly}")).GetProperty("organizationsPresent").EnumerateArray()
            .Select(o => new { organizationId = o.GetGuid(), choice = "For" }).ToArray();
        var result = new Dictionary<string, JsonElement>();
        foreach (var plan in Recommendations)
        {
            var recommendation = DemoContext.ByEnglish(existing, "title", plan.Title) ?? await demo.Admin.PostAsync("/api/partnerships/recommendations", new
            {
                title = new Dictionary<string, string> { ["en"] = plan.Title, ["ka"] = plan.Georgian },
                summary = new Dictionary<string, string> { ["en"] = $"{plan.Action} An invented recommendation of the demo data." },
                problem = plan.Problem,
                evidence = new[] { "Social services mapping of the partnership groups (demo)" },
                proposedAction = plan.Action,
                authorityOrganizationId = plan.Authority is { } authority ? demo.Organizations[authority] : (Guid?)null,
                authorityName = plan.AuthorityName,
                municipalities = plan.Municipalities,
            }, $"demo-recommendation-{plan.Key}");
            var id = recommendation.GetProperty("id").GetGuid();
            var target = Array.IndexOf(Stages, plan.Target is "Adopted" or "PartiallyAdopted" or "Rejected" ? "Answered" : plan.Target);
            var status = recommendation.GetProperty("status").GetString();
            if (status == "Drafted" && target >= 1)
            {
                recommendation = (await demo.Admin.PostAsync($"/api/partnerships/recommendations/{id}/vote",
                    new { meetingId = assembly, votes = ballots, note = "Voted at the spring assembly" }, $"demo-recommendation-{id:N}-vote")).GetProperty("recommendation");
                status = recommendation.GetProperty("status").GetString();
            }

            if (status == "Endorsed" && target >= 2)
            {
                recommendation = await demo.Admin.PostAsync($"/api/partnerships/recommendations/{id}/submit",
                    new { submittedOn = today, reference = $"Alliance letter {plan.Key}/demo" }, $"demo-recommendation-{id:N}-submit");
                status = "Submitted";
            }

            if (status == "Submitted" && target >= 3)
            {
                var answer = plan.Target == "Implemented" ? "Adopted" : plan.Target;
                recommendation = await demo.Admin.PostAsync($"/api/partnerships/recommendations/{id}/answer", new
                {
                    answer,
                    reply = answer switch
                    {
                        "Rejected" => "Not in this year's budget; to be reconsidered next year.",
                        "PartiallyAdopted" => "One route from next term; the others when the second bus is bought.",
                        _ => "Adopted: the municipality will fund it from its own budget.",
                    },
                    answeredOn = today,
                }, $"demo-recommendation-{id:N}-answer");
                status = answer;
            }

            // Progress: the implemented one to 100 %, the partially adopted one under way at 40 %.
            if (recommendation.GetProperty("progressPercent").ValueKind == JsonValueKind.Null && (plan.Target == "Implemented" || plan.Target == "PartiallyAdopted") && status is "Adopted" or "PartiallyAdopted")
            {
                recommendation = await demo.Admin.PostAsync($"/api/partnerships/recommendations/{id}/progress", new
                {
                    progressPercent = plan.Target == "Implemented" ? 100 : 40,
                    evidence = new[] { $"Municipal order {plan.Key}-demo" },
                    recordedOn = today,
                }, $"demo-recommendation-{id:N}-progress");
            }

            result[plan.Key] = recommendation;
        }

        return result;
    }

    private sealed record Service(string Key, string English, string Municipality, string Recommendation, string Target);

    private static readonly Service[] Services =
    [
        new("homecare", "Home care for older people living alone (demo)", Marneuli, "homecare", "Institutionalised"),
        new("daycentre", "Day centre for children with disabilities (demo)", Akhaltsikhe, "daycentre", "Designed"),
        new("schoolbus", "Adapted school bus (demo)", Bolnisi, "buses", "Idea"),
    ];

    /// <summary>Co-created services from the adopted recommendations: one institutionalised with municipal money, one designed, one an idea.</summary>
    private static async Task SocialServicesAsync(DemoContext demo, Dictionary<string, JsonElement> recommendations, Dictionary<string, Guid> heldMeetings)
    {
        var today = DemoContext.Today;
        var existing = await demo.Admin.ListAsync("/api/partnerships/social-services");
        foreach (var plan in Services)
        {
            if (!heldMeetings.TryGetValue(plan.Municipality, out var workshop))
            {
                continue;   // no demo group met there (the municipality has a group of its own)
            }

            var service = DemoContext.ByEnglish(existing, "name", plan.English) ?? await demo.Admin.PostAsync("/api/partnerships/social-services", new
            {
                name = new { en = plan.English },
                municipality = plan.Municipality,
                need = recommendations[plan.Recommendation].GetProperty("problem").GetString(),
                recommendationId = recommendations[plan.Recommendation].GetProperty("id").GetGuid(),
            }, $"demo-service-{plan.Key}");
            var id = service.GetProperty("id").GetGuid();
            var status = service.GetProperty("status").GetString();
            if (status == "Idea" && plan.Target != "Idea")
            {
                if (service.GetProperty("workshopMeetingIds").GetArrayLength() == 0)
                {
                    await demo.Admin.PostAsync($"/api/partnerships/social-services/{id}/workshops", new { meetingId = workshop }, $"demo-service-{id:N}-workshop");
                }

                await demo.Admin.PostAsync($"/api/partnerships/social-services/{id}/design",
                    new { concept = "A nurse and a social worker visit twice a week; the CSO trains volunteers.", targetGroup = "Older people living alone" }, $"demo-service-{id:N}-design");
                status = "Designed";
            }

            if (status == "Designed" && plan.Target == "Institutionalised")
            {
                await demo.Admin.PostAsync($"/api/partnerships/social-services/{id}/pilot", new
                {
                    startsOn = today.AddDays(-40),
                    endsOn = today.AddDays(-10),
                    peopleServedByGender = new Dictionary<string, int> { ["female"] = 17, ["male"] = 11 },
                    peopleServedByAgeGroup = new Dictionary<string, int> { ["35-plus"] = 28 },
                }, $"demo-service-{id:N}-pilot");
                status = "Piloted";
            }

            if (status == "Piloted" && plan.Target == "Institutionalised")
            {
                service = await demo.Admin.PostAsync($"/api/partnerships/social-services/{id}/institutionalise", new
                {
                    amount = 84_000m, currency = "GEL", budgetYear = today.Year + 1, decisionReference = "Sakrebulo decision 17 (demo)", decidedOn = today.AddDays(-3),
                }, $"demo-service-{id:N}-institutionalise");
            }

            demo.Subjects[$"service-{plan.Key}"] = id;
        }

        foreach (var (key, recommendation) in recommendations)
        {
            demo.Subjects[$"recommendation-{key}"] = recommendation.GetProperty("id").GetGuid();
        }
    }

    /// <summary>A public hearing held and completed in Marneuli, and participatory budgeting planned in Bolnisi.</summary>
    private static async Task PilotsAsync(DemoContext demo)
    {
        var today = DemoContext.Today;
        var existing = await demo.Admin.ListAsync("/api/partnerships/pilots");
        var hearing = DemoContext.By(existing, "title", "Public hearing on the Marneuli social budget (demo)") ?? await demo.Admin.PostAsync("/api/partnerships/pilots", new
        {
            kind = "PublicHearing",
            title = "Public hearing on the Marneuli social budget (demo)",
            csoOrganizationId = demo.Organizations["cso-crafts"],
            localSelfGovernmentId = demo.Organizations["lsg-marneuli"],
            startsOn = today.AddDays(-30),
            endsOn = today.AddDays(-30),
        }, "demo-pilot-hearing");
        if (hearing.GetProperty("status").GetString() == "Planned")
        {
            var id = hearing.GetProperty("id").GetGuid();
            await demo.Admin.PostAsync($"/api/partnerships/pilots/{id}/complete", new
            {
                participantsByGender = new Dictionary<string, int> { ["female"] = 36, ["male"] = 22 },
                participantsByAgeGroup = new Dictionary<string, int> { ["18-24"] = 12, ["25-34"] = 19, ["35-plus"] = 27 },
                outcome = "Residents asked for home care and street lighting; both are in the draft budget.",
                followUp = "The city hall answers in writing within a month.",
            }, $"demo-pilot-{id:N}-complete");
        }

        if (DemoContext.By(existing, "title", "Participatory budgeting for Bolnisi villages (demo)") is null)
        {
            await demo.Admin.PostAsync("/api/partnerships/pilots", new
            {
                kind = "ParticipatoryBudgeting",
                title = "Participatory budgeting for Bolnisi villages (demo)",
                csoOrganizationId = demo.Organizations["cso-debate"],
                localSelfGovernmentId = demo.Organizations["lsg-bolnisi"],
                startsOn = today.AddDays(14),
                endsOn = today.AddDays(74),
            }, "demo-pilot-budgeting");
        }
    }
}
