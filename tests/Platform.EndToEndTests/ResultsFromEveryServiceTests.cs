using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static Platform.EndToEndTests.Responses;

namespace Platform.EndToEndTests;

/// <summary>
/// Runs alone (not beside the other classes), so that the indicators it reads move only by what it does itself.
/// </summary>
[CollectionDefinition(nameof(ResultsFromEveryServiceTests), DisableParallelization = true)]
public sealed class ResultsAloneCollection;

/// <summary>
/// Real flows of Capacity, Partnerships and Media, driven through the gateway with each team's own token, move the
/// indicators of the results framework by exactly what they did, in the quarter of each fact's own date; every moved
/// figure is traced to the events that made it; and the adopted recommendation and the institutionalised service get
/// draft stories without personal data.
/// </summary>
[Collection(nameof(ResultsFromEveryServiceTests))]
public sealed class ResultsFromEveryServiceTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static string QuarterOf(DateOnly day) => $"{day.Year}Q{(day.Month + 2) / 3}";

    private static DateOnly FirstDayOfQuarter(DateOnly day) => new(day.Year, (day.Month - 1) / 3 * 3 + 1, 1);

    // Names of people the flows record: none of them may reach a story or a figure.
    private const string Facilitator = "Facilitator Nino Beridze";
    private const string Trainee = "Levan Gelashvili";
    private const string Representative = "Tamar Kapanadze";

    /// <summary>One figure of an indicator: the value (or a percent's numerator and denominator) in a municipality, or overall.</summary>
    private sealed record Reading(decimal Value, decimal Numerator, decimal Denominator, decimal InMunicipality);

    private static Reading Read(JsonElement indicator, string quarter, string municipality)
    {
        var actual = indicator.GetProperty("actuals").EnumerateArray().Single(a => a.GetProperty("quarter").GetString() == quarter);
        var figure = actual.TryGetProperty("revision", out var revision) && revision.ValueKind == JsonValueKind.Object ? revision.GetProperty("figure") : actual;
        static decimal Number(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : 0m;
        var here = figure.GetProperty("by").TryGetProperty("municipality", out var byMunicipality)
                   && byMunicipality.TryGetProperty(municipality, out var cell) && cell.ValueKind == JsonValueKind.Number
            ? cell.GetDecimal()
            : 0m;
        return new Reading(Number(figure, "value"), Number(figure, "numerator"), Number(figure, "denominator"), here);
    }

    [Fact]
    public async Task Capacity_Partnerships_and_Media_move_their_indicators_by_exactly_what_they_did_traced_to_their_events_with_draft_stories()
    {
        using var capacity = await platform.GatewayAsAsync("capacity-team");
        using var partnerships = await platform.GatewayAsAsync("partnerships-team");
        using var media = await platform.GatewayAsAsync("media-team");
        using var monitor = await platform.GatewayAsAsync("monitor");
        var quarter = QuarterOf(Today);
        var previousQuarter = QuarterOf(FirstDayOfQuarter(Today).AddDays(-1));
        var formedOn = FirstDayOfQuarter(Today).AddDays(-20);

        // A municipality whose partnership group is still to be formed, so that the group moves the count of municipalities with one.
        var municipality = await MunicipalityWithoutGroupAsync(partnerships);
        string[] codes = ["R1.1", "R1.2", "R1.3", "R2.1", "R2.2", "R2.4", "R3.3", "R3.4", "R3.5"];
        var before = new Dictionary<string, JsonElement>();
        foreach (var code in codes)
        {
            before[code] = await Json(await media.GetAsync($"/api/media/results/indicators/{code}", Ct));
        }

        // Capacity: organisations registered, a CSO assessed at baseline (level 2) and at midline (level 3), an HRBA training for LSG staff.
        var cso = await RegisterAsync(capacity, "Cso", municipality);
        var cityHall = await RegisterAsync(capacity, "LocalSelfGovernment", municipality);
        var provider = await RegisterAsync(capacity, "SocialServiceProvider", municipality.StartsWith("KK-", StringComparison.Ordinal) ? "SJ-AKHALTSIKHE" : "KK-MARNEULI");
        using var applicant = platform.GatewayWithToken((await platform.Tokens.NewClientAsync("applicant", cso)).Token);
        var facilitator = await PersonAsync(capacity, Facilitator, "female", "cso", municipality);
        var baseline = await AssessAsync(capacity, applicant, cso, "Baseline", level: 2, facilitator);
        var midline = await AssessAsync(capacity, applicant, cso, "Midline", level: 3, facilitator);
        var training = await DeliverHrbaTrainingAsync(capacity, municipality,
            [await PersonAsync(capacity, Trainee, "male", "lsg", municipality), await PersonAsync(capacity, "Eka Lomidze", "female", "lsg", municipality)]);

        // Partnerships: the group is formed (last quarter), meets, the Alliance endorses a recommendation the city hall adopts,
        // the service it led to is institutionalised, and a public hearing is completed.
        foreach (var id in new[] { cso, cityHall, provider })
        {
            await Eventually.GetAsync(
                async () => (await partnerships.GetAsync($"/api/partnerships/organizations/{id}", Ct)).StatusCode == HttpStatusCode.OK ? true : (bool?)null,
                EventTimeout, $"organisation {id} in Partnerships");
        }

        var group = await Json(await partnerships.PostAsJsonAsync("/api/partnerships/groups", new
        {
            municipality, name = $"Partnership group of {municipality}", termsOfReference = "Meets every two months; minutes are approved at the next meeting.",
            formedOn, members = new object[] { new { organizationId = cso, role = "Chair" }, new { organizationId = cityHall, role = "Secretary" } },
        }, Ct), HttpStatusCode.Created);
        var groupId = group.GetProperty("id").GetGuid();
        var csoMember = group.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("organizationId").GetGuid() == cso).GetProperty("id").GetGuid();
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/groups/{groupId}/activate", new { activatedOn = formedOn }, Ct));
        var representative = await IdOfAsync(await partnerships.PostAsJsonAsync($"/api/partnerships/groups/{groupId}/members/{csoMember}/representatives",
            new { name = Representative, gender = "female", contact = "tamar@example.ge" }, Ct));
        var groupMeeting = await IdOfAsync(await partnerships.PostAsJsonAsync("/api/partnerships/meetings", new
        {
            body = "Group", groupId, title = "Day care for children with disabilities", date = Today.AddDays(-3), place = "City hall",
            agenda = new[] { "Co-design of a day-care centre" },
        }, Ct));
        await Json(await partnerships.PutAsJsonAsync($"/api/partnerships/meetings/{groupMeeting}/attendance", new { attendees = new[] { new { representativeId = representative } } }, Ct));

        var recommendation = await AdoptedRecommendationAsync(partnerships, [cso, provider], cityHall, municipality);
        var service = await IdOfAsync(await partnerships.PostAsJsonAsync("/api/partnerships/social-services", new
        {
            name = new { en = "Day care for children with disabilities", ka = "დღის ცენტრი შშმ ბავშვებისთვის" }, municipality,
            need = "Families of children with disabilities have no day care.", recommendationId = recommendation,
        }, Ct));
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/social-services/{service}/workshops", new { meetingId = groupMeeting }, Ct));
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/social-services/{service}/design",
            new { concept = "A day-care centre open five days a week", targetGroup = "Children with disabilities" }, Ct));
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/social-services/{service}/pilot", new
        {
            startsOn = Today.AddDays(-2), endsOn = Today,
            peopleServedByGender = new Dictionary<string, int> { ["female"] = 7, ["male"] = 6 },
            peopleServedByAgeGroup = new Dictionary<string, int> { ["under-18"] = 13 },
        }, Ct));
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/social-services/{service}/institutionalise",
            new { amount = 48_000m, currency = "GEL", budgetYear = Today.Year + 1, decisionReference = "Sakrebulo decision 17", decidedOn = Today }, Ct));

        var pilot = await IdOfAsync(await partnerships.PostAsJsonAsync("/api/partnerships/pilots", new
        {
            kind = "PublicHearing", title = "Hearing on the social budget", csoOrganizationId = cso, localSelfGovernmentId = cityHall,
            startsOn = Today.AddDays(-1), endsOn = Today,
        }, Ct));
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/pilots/{pilot}/complete", new
        {
            participantsByGender = new Dictionary<string, int> { ["female"] = 12, ["male"] = 9 },
            participantsByAgeGroup = new Dictionary<string, int> { ["18-24"] = 6, ["35-plus"] = 15 },
            outcome = "Two proposals went into the draft budget.", followUp = "The council reports back at the next hearing.",
        }, Ct));

        // Media: a campaign in the municipality closes with its one published output's reach.
        var campaign = await ClosedCampaignAsync(media, municipality, reach: 4_000);

        // The owners of the results (the media team) see each indicator move by exactly what was done, in the right quarter.
        var expected = new (string Code, string Quarter, Func<Reading, decimal> Of, decimal Delta)[]
        {
            ("R1.1", quarter, r => r.Numerator, 1), ("R1.1", quarter, r => r.Denominator, 1),
            ("R1.2", quarter, r => r.InMunicipality, 1),
            ("R1.3", quarter, r => r.InMunicipality, 2), ("R1.3", quarter, r => r.Value, 2),
            ("R2.1", previousQuarter, r => r.Value, 1), ("R2.1", quarter, r => r.Value, 1),
            ("R2.2", quarter, r => r.InMunicipality, 1),
            ("R2.4", quarter, r => r.InMunicipality, 21),
            ("R3.3", quarter, r => r.InMunicipality, 1),
            ("R3.4", quarter, r => r.InMunicipality, 4_000),
            ("R3.5", quarter, r => r.Value, 13),
        };
        foreach (var (code, inQuarter, of, delta) in expected)
        {
            var was = of(Read(before[code], inQuarter, municipality));
            var now = await Eventually.GetAsync(async () =>
            {
                var value = of(Read(await Json(await media.GetAsync($"/api/media/results/indicators/{code}", Ct)), inQuarter, municipality));
                return value == was ? null : (decimal?)value;
            }, EventTimeout, $"{code} to move in {inQuarter}");
            Assert.True(now == was + delta, $"{code} in {inQuarter}: expected {was} + {delta}, got {now}.");
        }

        // The group formed last quarter counts there, not in the quarter before it.
        var quarterBefore = QuarterOf(FirstDayOfQuarter(formedOn).AddDays(-1));
        var r21 = await Json(await media.GetAsync("/api/media/results/indicators/R2.1", Ct));
        Assert.Equal(Read(before["R2.1"], quarterBefore, municipality).Value, Read(r21, quarterBefore, municipality).Value);

        // The monitor reads the same figures with small counts of people suppressed: 1-4 trainees in the municipality are
        // hidden (more may be hidden beside another municipality's few); the municipalities with a group, not people, are exact.
        var exactTrainees = Cell(await Json(await media.GetAsync("/api/media/results/indicators/R1.3", Ct)), quarter, municipality);
        var shownTrainees = Cell(await Json(await monitor.GetAsync("/api/media/results/indicators/R1.3", Ct)), quarter, municipality);
        Assert.True(exactTrainees is > 0 and < 5 ? shownTrainees is null : shownTrainees is null || shownTrainees == exactTrainees,
            $"R1.3 in {municipality}: exact {exactTrainees}, shown to the monitor {shownTrainees}.");
        Assert.Equal(Read(r21, quarter, municipality).Value, Read(await Json(await monitor.GetAsync("/api/media/results/indicators/R2.1", Ct)), quarter, municipality).Value);

        // Each figure's trace lists the events that made it.
        await AssertTracedAsync(monitor, "R1.1", quarter, municipality, ("CapacityAssessmentCompleted", baseline), ("CapacityAssessmentCompleted", midline));
        // People-counting figures are traced for the media team: for the monitor, an event in a municipality whose cell
        // is hidden names no municipality (the listed events would count the cell), so the filter finds none.
        await AssertTracedAsync(media, "R1.3", quarter, municipality, ("TrainingDelivered", training));
        if (shownTrainees is null)
        {
            var hidden = await Json(await monitor.GetAsync($"/api/media/results/indicators/R1.3/quarters/{quarter}/events?municipality={municipality}&pageSize=100", Ct));
            Assert.DoesNotContain(hidden.GetProperty("items").EnumerateArray(), e => e.GetProperty("subjectId").GetGuid() == training);
        }

        await AssertTracedAsync(monitor, "R2.1", previousQuarter, municipality, ("PartnershipGroupFormed", groupId));
        await AssertTracedAsync(monitor, "R2.2", quarter, municipality, ("RecommendationAdopted", recommendation));
        await AssertTracedAsync(media, "R2.4", quarter, municipality, ("PilotInitiativeCompleted", pilot));
        await AssertTracedAsync(monitor, "R3.3", quarter, municipality, ("SocialServiceLaunched", service));
        await AssertTracedAsync(monitor, "R3.4", quarter, municipality, ("CampaignClosed", campaign));

        // The adopted recommendation and the institutionalised service have draft stories, with no personal data in them.
        var (adoptedStory, serviceStory) = await Eventually.GetAsync(async () =>
        {
            var drafts = (await Json(await media.GetAsync($"/api/media/stories?status=Draft&municipality={municipality}&pageSize=100", Ct)))
                .GetProperty("items").EnumerateArray().ToList();
            var adopted = drafts.Where(s => s.GetProperty("subjectId").GetGuid() == recommendation).Select(s => (JsonElement?)s).SingleOrDefault();
            var launched = drafts.Where(s => s.GetProperty("subjectId").GetGuid() == service).Select(s => (JsonElement?)s).SingleOrDefault();
            return adopted is { } a && launched is { } l ? (a, l) : ((JsonElement, JsonElement)?)null;
        }, EventTimeout, "draft stories for the recommendation and the service");
        Assert.Equal("RecommendationAdopted", adoptedStory.GetProperty("kind").GetString());
        Assert.Equal("ServiceInstitutionalised", serviceStory.GetProperty("kind").GetString());
        JsonElement[] stories = [adoptedStory, serviceStory];
        foreach (var story in stories)
        {
            Assert.Equal("Draft", story.GetProperty("status").GetString());
            Assert.False(story.GetProperty("containsPersonalData").GetBoolean());
            foreach (var name in new[] { Facilitator, Trainee, Representative, "Kapanadze", "Gelashvili", "tamar@example.ge" })
            {
                Assert.DoesNotContain(name, story.GetRawText(), StringComparison.Ordinal);
            }
        }

        // Drafts are not public.
        var published = await Json(await platform.Gateway.GetAsync($"/api/media/catalogue/stories?pageSize=100", Ct));
        Assert.DoesNotContain(published.GetProperty("items").EnumerateArray(), s => s.GetProperty("id").GetGuid() == stories[0].GetProperty("id").GetGuid());
    }

    /// <summary>An indicator's cell for a municipality in a quarter: null when it is hidden.</summary>
    private static decimal? Cell(JsonElement indicator, string quarter, string municipality) =>
        indicator.GetProperty("actuals").EnumerateArray().Single(a => a.GetProperty("quarter").GetString() == quarter)
            .GetProperty("by").GetProperty("municipality").GetProperty(municipality) is { ValueKind: JsonValueKind.Number } cell ? cell.GetDecimal() : null;

    private static async Task AssertTracedAsync(HttpClient reader, string code, string quarter, string municipality, params (string EventType, Guid Subject)[] events)
    {
        var trace = await Json(await reader.GetAsync($"/api/media/results/indicators/{code}/quarters/{quarter}/events?municipality={municipality}&pageSize=100", Ct));
        var items = trace.GetProperty("items").EnumerateArray().ToList();
        foreach (var (eventType, subject) in events)
        {
            Assert.True(items.Any(e => e.GetProperty("eventType").GetString() == eventType && e.GetProperty("subjectId").GetGuid() == subject),
                $"{code} in {quarter} at {municipality}: no {eventType} of {subject} among {trace.GetRawText()}");
        }
    }

    private static async Task<string> MunicipalityWithoutGroupAsync(HttpClient partnerships)
    {
        // Preferred in this order: the ones the other end-to-end flows use least.
        foreach (var municipality in new[] { "KK-GARDABANI", "KK-TETRITSKARO", "SJ-NINOTSMINDA", "KK-DMANISI", "SJ-AKHALTSIKHE", "KK-MARNEULI", "KK-BOLNISI", "KK-TSALKA" })
        {
            var groups = await Json(await partnerships.GetAsync($"/api/partnerships/groups?municipality={municipality}&pageSize=100", Ct));
            if (groups.GetProperty("total").GetInt32() == 0)
            {
                return municipality;
            }
        }

        throw new InvalidOperationException("Every municipality has a partnership group already; this test needs one without.");
    }

    private static async Task<Guid> RegisterAsync(HttpClient capacity, string type, string municipality) =>
        await IdOfAsync(await capacity.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"{type} {Guid.NewGuid():N}" }, type, municipality }, Ct));

    private static async Task<Guid> PersonAsync(HttpClient capacity, string name, string gender, string sector, string municipality) =>
        await IdOfAsync(await capacity.PostAsJsonAsync("/api/capacity/participants", new
        {
            fullName = name, gender, ageGroup = "35-plus", sector, municipality,
            consent = new { given = true, purpose = "Capacity development", noticeVersion = "capacity-privacy-2026-1" },
        }, Ct));

    /// <summary>An OCA assessment the organisation fills in at one level everywhere and the capacity team validates.</summary>
    private static async Task<Guid> AssessAsync(HttpClient capacity, HttpClient applicant, Guid organization, string kind, int level, Guid facilitator)
    {
        var assessment = await IdOfAsync(await capacity.PostAsJsonAsync("/api/capacity/assessments",
            new { organizationId = organization, instrument = "oca-cso", kind, facilitatorIds = new[] { facilitator } }, Ct));
        var instrument = await Json(await applicant.GetAsync("/api/capacity/instruments/oca-cso/versions/1", Ct));
        var scores = instrument.GetProperty("domains").EnumerateArray().SelectMany(d => d.GetProperty("subAreas").EnumerateArray())
            .Select(s => new
            {
                subArea = s.GetProperty("code").GetString(), level,
                // A strong score (3 or 4) is justified with evidence.
                justification = level >= 3 ? "Policies adopted by the board and applied in the last year." : null,
                evidence = level >= 3 ? new[] { "Board minutes 2026-04" } : null,
            }).ToList();
        await Json(await applicant.PutAsJsonAsync($"/api/capacity/assessments/{assessment}/scores", new { scores }, Ct));
        await Json(await applicant.PostAsync($"/api/capacity/assessments/{assessment}/submit", null, Ct));
        var validated = await Json(await capacity.PostAsync($"/api/capacity/assessments/{assessment}/validate", null, Ct));
        Assert.Equal(level, validated.GetProperty("overall").GetDecimal());
        return assessment;
    }

    private static async Task<Guid> DeliverHrbaTrainingAsync(HttpClient capacity, string municipality, Guid[] people)
    {
        var training = await IdOfAsync(await capacity.PostAsJsonAsync("/api/capacity/activities", new
        {
            kind = "Training", title = "The human-rights-based approach in municipal social programmes", topics = new[] { "hrba" }, audience = "lsg-staff",
            humanRightsBasedApproach = true, startsOn = Today, endsOn = Today, municipality, trainers = new[] { "Trainer Ana Kvaratskhelia" },
        }, Ct));
        var session = await IdOfAsync(await capacity.PostAsJsonAsync($"/api/capacity/activities/{training}/sessions", new { date = Today, topic = "Non-discrimination" }, Ct));
        foreach (var person in people)
        {
            await Json(await capacity.PostAsJsonAsync($"/api/capacity/activities/{training}/participants", new { participantId = person }, Ct), HttpStatusCode.Created);
        }

        await Json(await capacity.PutAsJsonAsync($"/api/capacity/activities/{training}/sessions/{session}/attendance", new { participantIds = people }, Ct));
        await Json(await capacity.PostAsync($"/api/capacity/activities/{training}/deliver", null, Ct));
        return training;
    }

    /// <summary>A recommendation the Alliance endorses by the vote of the members present and the authority adopts today.</summary>
    private static async Task<Guid> AdoptedRecommendationAsync(HttpClient partnerships, Guid[] members, Guid authority, string municipality)
    {
        foreach (var member in members)
        {
            await Json(await partnerships.PostAsJsonAsync("/api/partnerships/alliance/members", new { organizationId = member, joinedOn = Today.AddDays(-20) }, Ct), HttpStatusCode.Created);
        }

        var present = (await Json(await partnerships.GetAsync($"/api/partnerships/alliance/members?on={Today.AddDays(-2):yyyy-MM-dd}&pageSize=100", Ct)))
            .GetProperty("items").EnumerateArray().Select(m => m.GetProperty("organizationId").GetGuid()).ToList();
        var meeting = await IdOfAsync(await partnerships.PostAsJsonAsync("/api/partnerships/meetings",
            new { body = "Alliance", title = "Alliance assembly", date = Today.AddDays(-2), online = true, agenda = new[] { "Day care" } }, Ct));
        await Json(await partnerships.PutAsJsonAsync($"/api/partnerships/meetings/{meeting}/attendance",
            new { attendees = present.Select(o => new { organizationId = o }).ToArray() }, Ct));
        var recommendation = await IdOfAsync(await partnerships.PostAsJsonAsync("/api/partnerships/recommendations", new
        {
            title = new { en = $"Day care for children with disabilities in {municipality}", ka = "დღის ცენტრი შშმ ბავშვებისთვის" },
            summary = new { en = "Fund a day-care centre for children with disabilities." },
            problem = "Families of children with disabilities have no day care.",
            evidence = new[] { "Needs assessment 2026" },
            proposedAction = "Fund a day-care centre from the municipal budget.",
            authorityOrganizationId = authority,
            municipalities = new[] { municipality },
        }, Ct));
        var vote = await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/recommendations/{recommendation}/vote",
            new { meetingId = meeting, votes = present.Select(o => new { organizationId = o, choice = "For" }).ToArray() }, Ct));
        Assert.True(vote.GetProperty("endorsed").GetBoolean());
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/recommendations/{recommendation}/submit", new { submittedOn = Today.AddDays(-1), reference = "Letter 7/2026" }, Ct));
        await Json(await partnerships.PostAsJsonAsync($"/api/partnerships/recommendations/{recommendation}/answer",
            new { answer = "Adopted", reply = "The city hall funds the centre from next year.", answeredOn = Today }, Ct));
        return recommendation;
    }

    private static async Task<Guid> ClosedCampaignAsync(HttpClient media, string municipality, long reach)
    {
        var campaign = await IdOfAsync(await media.PostAsJsonAsync("/api/media/campaigns", new
        {
            title = new { en = $"Day care is a right {Guid.NewGuid():N}" },
            objective = new { en = "Families know the day-care centre their municipality funds." },
            audiences = new[] { "women" }, languages = new[] { "ka" }, channels = new[] { "social" }, municipalities = new[] { municipality },
            startsOn = Today.AddDays(-10), endsOn = Today.AddDays(10),
            targetReachByChannel = new { social = 5000 }, targetReachByLanguage = new { ka = 5000 },
        }, Ct));
        await Json(await media.PostAsync($"/api/media/campaigns/{campaign}/start", null, Ct));
        var output = await IdOfAsync(await media.PostAsJsonAsync("/api/media/outputs", new
        {
            type = "SocialPost", language = "ka", channel = "social", municipality, campaignId = campaign, ownChannel = "KKM Facebook page",
            title = $"The day-care centre opens {Guid.NewGuid():N}", date = Today.AddDays(-1).ToString("yyyy-MM-dd"), link = "https://kkm.ge/posts/1",
        }, Ct));
        await Json(await media.PostAsJsonAsync($"/api/media/outputs/{output}/checks", new
        {
            euEmblemPresent = true, fundingStatementPresent = true, emblemAndStatementTogether = true, partnerLogosNotMoreProminent = true,
        }, Ct), HttpStatusCode.Created);
        await Json(await media.PostAsync($"/api/media/outputs/{output}/approve", null, Ct));
        await Json(await media.PostAsync($"/api/media/outputs/{output}/publish", null, Ct));
        await Json(await media.PostAsJsonAsync($"/api/media/outputs/{output}/reach",
            new { metric = "views", value = reach, measuredOn = Today, source = "Page statistics" }, Ct), HttpStatusCode.Created);
        await Json(await media.PostAsync($"/api/media/campaigns/{campaign}/close", null, Ct));
        return campaign;
    }

    private static async Task<Guid> IdOfAsync(HttpResponseMessage response) =>
        (await Json(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
}
