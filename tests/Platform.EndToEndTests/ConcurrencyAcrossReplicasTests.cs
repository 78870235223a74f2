using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using static Platform.EndToEndTests.Responses;

namespace Platform.EndToEndTests;

/// <summary>
/// The races that must have one winner, fired at once through the gateway: awards against one envelope, acceptances
/// into a cohort's places, and one command sent several times with the same idempotency key. In the suite's replicas
/// run (E2E_REPLICAS=2) they go through the orchestrator's proxies to two processes of the gateway and of the service,
/// and each test writes which replicas answered (X-Served-By): the rules hold because they live in the database.
/// </summary>
public sealed class ConcurrencyAcrossReplicasTests(PlatformFixture platform)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Awards_fired_at_once_never_commit_more_than_the_envelope()
    {
        const int applications = 8;
        const decimal envelope = 30_000m; // four awards of 7,000 fit, the other four must be refused
        using var capacity = await platform.GatewayAsAsync("capacity-team");
        using var team = await platform.GatewayAsAsync("grants-team");
        var organization = (await Json(await capacity.PostAsJsonAsync("/api/capacity/organizations",
            new { name = new { en = $"Gardabani Civic Forum {Guid.NewGuid():N}" }, type = "Cso", municipality = "KK-GARDABANI" }, Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();
        await Eventually.GetAsync(async () => (await team.GetAsync($"/api/grants/organizations/{organization}", Ct)).StatusCode == HttpStatusCode.OK ? true : (bool?)null,
            EventTimeout, $"organisation {organization} in Grants");

        var callId = (await Json(await team.PostAsJsonAsync("/api/grants/calls", new
        {
            title = new { en = "Small civic grants in Gardabani" },
            description = new { en = "Many small projects, one envelope." },
            targetGroup = "Cso",
            eligibleMunicipalities = new[] { "KK-GARDABANI" },
            currency = "GEL",
            envelope,
            minimumAward = 1_000m,
            maximumAward = 10_000m,
            coFundingShare = 0.1m,
            opensAt = DateTimeOffset.UtcNow.AddDays(-1),
            deadline = DateTimeOffset.UtcNow.AddDays(30),
            criteria = new object[] { new { code = "relevance", name = "Relevance", weight = 100, maxScore = 10 } },
            requiredScores = 1,
        }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Json(await team.PostAsync($"/api/grants/calls/{callId}/open", null, Ct));

        using var applicant = platform.GatewayWithToken((await platform.Tokens.NewClientAsync("applicant", organization)).Token);
        var applicationIds = new List<Guid>();
        for (var i = 0; i < applications; i++)
        {
            var id = (await Json(await applicant.PostAsJsonAsync("/api/grants/applications", new
            {
                callId,
                projectTitle = $"Neighbourhood project {i}",
                summary = "A small project of the forum's members.",
                municipality = "KK-GARDABANI",
                requestedAmount = 7_000m,
                coFunding = 1_000m,
                currency = "GEL",
                budgetLines = new object[] { new { description = "Activities", amount = 7_000m, currency = "GEL" } },
            }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            await Json(await applicant.PostAsync($"/api/grants/applications/{id}/submit", null, Ct));
            applicationIds.Add(id);
        }

        await Json(await team.PostAsync($"/api/grants/calls/{callId}/close", null, Ct));
        var (evaluatorId, evaluatorToken) = await platform.Tokens.NewClientAsync("evaluator");
        using var evaluator = platform.GatewayWithToken(evaluatorToken);
        var assignments = await Json(await team.PostAsJsonAsync($"/api/grants/calls/{callId}/evaluators", new { evaluators = new[] { evaluatorId } }, Ct));
        foreach (var assignment in assignments.EnumerateArray().Select(a => a.GetProperty("id").GetGuid()))
        {
            await Json(await evaluator.PostAsJsonAsync($"/api/grants/evaluations/{assignment}/declaration", new { conflictOfInterest = false }, Ct));
            await Json(await evaluator.PutAsJsonAsync($"/api/grants/evaluations/{assignment}/scores",
                new { scores = new object[] { new { criterion = "relevance", score = 8, comment = "Relevant to the neighbourhood." } } }, Ct));
        }

        await Json(await team.PostAsync($"/api/grants/calls/{callId}/evaluation/complete", null, Ct));

        var token = await platform.Tokens.ForRoleAsync("grants-team");
        var answers = await AtOnceAsync(token, applicationIds.Select(id => (Func<HttpClient, Task<HttpResponseMessage>>)(client =>
            client.PostAsJsonAsync($"/api/grants/calls/{callId}/awards", new { applicationId = id }, Ct))).ToArray());

        Assert.Equal(4, answers.Count(a => a.Status == HttpStatusCode.Created));
        Assert.Equal(4, answers.Count(a => a.Status == HttpStatusCode.Conflict && a.Body.GetProperty("code").GetString() == "envelope-exceeded"));
        var call = await Json(await team.GetAsync($"/api/grants/calls/{callId}", Ct));
        Assert.Equal(28_000m, call.GetProperty("awardedAmount").GetDecimal());
        ReportSpreadOverReplicas(answers, "Platform.Grants");
    }

    [Fact]
    public async Task Acceptances_fired_at_once_never_fill_more_than_the_cohort_s_places()
    {
        const int places = 3;
        const int candidates = 12;
        using var youth = await platform.GatewayAsAsync("youth-team");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var cohortId = (await Json(await youth.PostAsJsonAsync("/api/youth/cohorts", new
        {
            name = $"YPP replicas {Guid.NewGuid():N}",
            intakeOpensOn = start.AddMonths(-2),
            intakeClosesOn = start.AddDays(-1),
            startsOn = start,
            places,
            eligibleMunicipalities = new[] { "KK-TSALKA" },
            minAge = 18,
            maxAge = 29,
        }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var applications = new List<Guid>();
        for (var i = 0; i < candidates; i++)
        {
            var personId = (await Json(await youth.PostAsJsonAsync("/api/youth/people", new
            {
                firstName = "Nino",
                lastName = $"Beridze {i}",
                birthDate = "2001-03-02",
                gender = "female",
                municipality = "KK-TSALKA",
                languages = new[] { "ka" },
                education = "BA in social work",
                email = $"nino.beridze.{i}@example.ge",
                consent = new { given = true, purpose = "Young Professionals Program", noticeVersion = "youth-privacy-2026-1" },
            }, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
            applications.Add((await Json(await youth.PostAsJsonAsync($"/api/youth/cohorts/{cohortId}/applications", new { personId }, Ct), HttpStatusCode.Created))
                .GetProperty("id").GetGuid());
        }

        await Json(await youth.PostAsync($"/api/youth/cohorts/{cohortId}/start-selection", null, Ct));

        var answers = await AtOnceAsync(await platform.Tokens.ForRoleAsync("youth-team"), applications.Select(id => (Func<HttpClient, Task<HttpResponseMessage>>)(client =>
            client.PostAsJsonAsync($"/api/youth/applications/{id}/decision", new { decision = "Accepted", score = 80, reason = "Eligible and motivated" }, Ct))).ToArray());

        Assert.Equal(places, answers.Count(a => a.Status == HttpStatusCode.OK));
        Assert.Equal(candidates - places, answers.Count(a => a.Status == HttpStatusCode.Conflict));
        var cohort = await Json(await youth.GetAsync($"/api/youth/cohorts/{cohortId}", Ct));
        Assert.Equal(places, cohort.GetProperty("accepted").GetInt32());
        Assert.Equal(0, cohort.GetProperty("freePlaces").GetInt32());
        ReportSpreadOverReplicas(answers, "Platform.Youth");
    }

    [Fact]
    public async Task One_command_sent_at_once_with_the_same_idempotency_key_registers_once()
    {
        const int copies = 10;
        var key = Guid.NewGuid().ToString();
        var name = $"Tetritskaro Women's Council {Guid.NewGuid():N}";
        var answers = await AtOnceAsync(await platform.Tokens.ForRoleAsync("capacity-team"), Enumerable.Range(0, copies).Select(_ => (Func<HttpClient, Task<HttpResponseMessage>>)(client =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/capacity/organizations")
            {
                Content = JsonContent.Create(new { name = new { en = name }, type = "Cso", municipality = "KK-TETRITSKARO" }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return client.SendAsync(request, Ct);
        })).ToArray());

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Single(answers.Select(a => a.Body.GetProperty("id").GetGuid()).Distinct());
        using var capacity = await platform.GatewayAsAsync("capacity-team");
        var list = await Json(await capacity.GetAsync("/api/capacity/organizations?municipality=KK-TETRITSKARO&type=Cso&pageSize=100", Ct));
        Assert.Single(list.GetProperty("items").EnumerateArray(), o => o.GetProperty("name").GetProperty("en").GetString() == name);
        ReportSpreadOverReplicas(answers, "Platform.Capacity");
    }

    private sealed record Answer(HttpStatusCode Status, JsonElement Body, string[] ServedBy);

    /// <summary>Every request on a client (and connections) of its own, all released together once every client is ready.</summary>
    private async Task<List<Answer>> AtOnceAsync(string token, Func<HttpClient, Task<HttpResponseMessage>>[] requests)
    {
        var clients = requests.Select(_ => platform.GatewayWithToken(token)).ToList();
        try
        {
            using var start = new SemaphoreSlim(0);
            var running = requests.Select(async (send, i) =>
            {
                await start.WaitAsync(Ct);
                using var response = await send(clients[i]);
                var text = await response.Content.ReadAsStringAsync(Ct);
                var body = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
                return new Answer(response.StatusCode, body,
                    response.Headers.TryGetValues("X-Served-By", out var servedBy) ? servedBy.SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries)).ToArray() : []);
            }).ToList();
            start.Release(requests.Length);
            return [.. await Task.WhenAll(running)];
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    /// <summary>
    /// With several replicas, which processes of the gateway and of the service answered, written to the test's output.
    /// Not asserted: the orchestrator's proxy, not the platform, chooses a replica per connection; under heavy load every
    /// request once reached the same gateway process, in a quiet run both of each (docs/operations.md, Replicas).
    /// </summary>
    private static void ReportSpreadOverReplicas(List<Answer> answers, string service)
    {
        if (PlatformFixture.Replicas < 2)
        {
            return;
        }

        foreach (var application in new[] { "Platform.Gateway", service })
        {
            var instances = answers.SelectMany(a => a.ServedBy).Where(s => s.StartsWith(application + "/", StringComparison.Ordinal)).Distinct().ToList();
            TestContext.Current.TestOutputHelper?.WriteLine(
                $"{application}: the {answers.Count} requests reached {instances.Count} of its {PlatformFixture.Replicas} replicas ({string.Join(", ", instances)}).");
        }
    }
}
