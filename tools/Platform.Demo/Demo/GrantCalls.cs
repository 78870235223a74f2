using System.Text.Json;
using Platform.Contracts.ReferenceData;

namespace Platform.Demo.Demo;

/// <summary>
/// Two calls for proposals with applications at every stage. "Social services close to home" is open: a draft, a
/// submitted and a withdrawn application. "Civic initiatives, first round" has gone through evaluation and awarding:
/// two awards (one with a signed agreement and its first tranche paid), one on the waiting list because the envelope
/// is spent, and one rejected as ineligible (its organisation is outside the call's municipalities).
/// </summary>
internal sealed class GrantCalls : IDemoSection
{
    private const string OpenCall = "Social services close to home (demo)";
    private const string AwardedCall = "Civic initiatives, first round (demo)";

    private sealed record Proposal(string Organization, string Title, decimal Amount, string Target, int Relevance = 0, int Feasibility = 0);

    private static readonly Proposal[] OpenProposals =
    [
        new("cso-algeti", "Evening homework club for village children", 12_000m, "Draft"),
        new("cso-tetri", "Volunteer drivers for home visits to the elderly", 18_000m, "Submitted"),
        new("cso-plateau", "Shepherds' first-aid kits and training", 9_000m, "Withdrawn"),
    ];

    private static readonly Proposal[] AwardedProposals =
    [
        new("cso-debate", "Debate evenings for first-time voters", 20_000m, "Awarded", 9, 8),
        new("cso-lakeside", "Women's legal advice days by the lake", 20_000m, "Awarded", 8, 8),
        new("cso-riverside", "Riverside clean-up and playground repair", 15_000m, "WaitingList", 6, 7),
        new("cso-rabati", "Old town guides trained from school leavers", 15_000m, "Rejected", 0, 0),
    ];

    public string Name => "Grant calls (Grants)";

    public async Task RunAsync(DemoContext demo)
    {
        var calls = await demo.Admin.ListAsync("/api/grants/calls");
        var open = await CallAsync(demo, calls, OpenCall, "open", Municipality.All, envelope: 150_000m);
        await ApplicationsAsync(demo, open, OpenProposals);

        // Kvemo Kartli only: the Akhaltsikhe CSO's application is recorded as ineligible when it is submitted.
        var awarded = await CallAsync(demo, calls, AwardedCall, "awarded", [.. Municipality.All.Where(m => m.StartsWith("KK", StringComparison.Ordinal))], envelope: 45_000m);
        var applications = await ApplicationsAsync(demo, awarded, AwardedProposals);
        await EvaluateAndAwardAsync(demo, awarded, applications);
    }

    private static async Task<Guid> CallAsync(DemoContext demo, List<JsonElement> calls, string title, string key, IReadOnlyList<string> municipalities, decimal envelope)
    {
        if (DemoContext.ByEnglish(calls, "title", title) is not { } call)
        {
            call = await demo.Admin.PostAsync("/api/grants/calls", new
            {
                title = new { en = title },
                description = new { en = "An invented call of the demo data: small grants for civic initiatives and social services." },
                targetGroup = "Cso",
                eligibleMunicipalities = municipalities,
                currency = Currency.Lari,
                envelope,
                minimumAward = 5_000m,
                maximumAward = 25_000m,
                coFundingShare = 0.1m,
                opensAt = DateTimeOffset.UtcNow.AddDays(-7),
                deadline = DateTimeOffset.UtcNow.AddDays(60),
                criteria = new object[]
                {
                    new { code = "relevance", name = "Relevance to local needs", weight = 60, maxScore = 10 },
                    new { code = "feasibility", name = "Feasibility and budget", weight = 40, maxScore = 10 },
                },
                requiredScores = 1,
            }, $"demo-call-{key}");
        }

        var id = call.GetProperty("id").GetGuid();
        if (call.GetProperty("status").GetString() == "Draft")
        {
            await demo.Admin.PostAsync($"/api/grants/calls/{id}/open", null, $"demo-call-{key}-open");
        }

        return id;
    }

    /// <summary>Each proposal as an application of its organisation's applicant, brought as far as its target stage allows before evaluation.</summary>
    private static async Task<Dictionary<Proposal, Guid>> ApplicationsAsync(DemoContext demo, Guid callId, IEnumerable<Proposal> proposals)
    {
        var ids = new Dictionary<Proposal, Guid>();
        foreach (var proposal in proposals)
        {
            var organizationId = demo.Organizations[proposal.Organization];
            var applicant = await demo.AsAsync("applicant", organizationId);
            var own = await applicant.ListAsync($"/api/grants/applications?callId={callId}");
            if (DemoContext.By(own, "projectTitle", proposal.Title) is not { } application)
            {
                await demo.KnownToAsync("grants", organizationId);
                var municipality = OrganizationRegistry.Entries.Single(e => e.Key == proposal.Organization).Municipality;
                application = await applicant.PostAsync("/api/grants/applications", new
                {
                    callId,
                    projectTitle = proposal.Title,
                    summary = $"{proposal.Title}: an invented project of the demo data.",
                    municipality,
                    requestedAmount = proposal.Amount,
                    coFunding = proposal.Amount * 0.15m,
                    currency = Currency.Lari,
                    budgetLines = new object[]
                    {
                        new { description = "Activities", amount = proposal.Amount * 0.7m, currency = Currency.Lari },
                        new { description = "Staff and volunteers", amount = proposal.Amount * 0.3m, currency = Currency.Lari },
                    },
                }, $"demo-application-{callId:N}-{proposal.Organization}");
            }

            var id = application.GetProperty("id").GetGuid();
            ids[proposal] = id;
            var status = application.GetProperty("status").GetString();
            if (status == "Draft" && proposal.Target != "Draft")
            {
                await applicant.PostAsync($"/api/grants/applications/{id}/submit", null, $"demo-application-{id:N}-submit");
                status = "Submitted";
            }

            if (status == "Submitted" && proposal.Target == "Withdrawn")
            {
                await applicant.PostAsync($"/api/grants/applications/{id}/withdraw", null, $"demo-application-{id:N}-withdraw");
            }
        }

        return ids;
    }

    /// <summary>Close, score (one evaluator, no conflict of interest), complete the evaluation, award the ranking, sign and pay.</summary>
    private static async Task EvaluateAndAwardAsync(DemoContext demo, Guid callId, Dictionary<Proposal, Guid> applications)
    {
        var status = (await demo.Admin.GetAsync($"/api/grants/calls/{callId}")).GetProperty("status").GetString();
        if (status == "Open")
        {
            await demo.Admin.PostAsync($"/api/grants/calls/{callId}/close", null, $"demo-call-{callId:N}-close");
            status = "Closed";
        }

        if (status == "Closed")
        {
            var evaluator = await demo.AsAsync("evaluator", clientId: "demo-evaluator");
            var assignments = await evaluator.ListAsync($"/api/grants/evaluations?callId={callId}");
            if (assignments.Count == 0)
            {
                await demo.Admin.PostAsync($"/api/grants/calls/{callId}/evaluators", new { evaluators = new[] { "demo-evaluator" } }, $"demo-call-{callId:N}-evaluators");
                assignments = await evaluator.ListAsync($"/api/grants/evaluations?callId={callId}");
            }

            foreach (var assignment in assignments)
            {
                var id = assignment.GetProperty("id").GetGuid();
                var proposal = applications.Single(a => a.Value == assignment.GetProperty("applicationId").GetGuid()).Key;
                if (assignment.GetProperty("declaration").GetString() == "Pending")
                {
                    await evaluator.PostAsync($"/api/grants/evaluations/{id}/declaration", new { conflictOfInterest = false }, $"demo-evaluation-{id:N}-declaration");
                }

                if (assignment.GetProperty("scoredAt").ValueKind == JsonValueKind.Null)
                {
                    await evaluator.PutAsync($"/api/grants/evaluations/{id}/scores", new
                    {
                        scores = new object[]
                        {
                            new { criterion = "relevance", score = proposal.Relevance, comment = "Answers a need the partnership group named." },
                            new { criterion = "feasibility", score = proposal.Feasibility, comment = "Budget and plan are realistic." },
                        },
                    });
                }
            }

            await demo.Admin.PostAsync($"/api/grants/calls/{callId}/evaluation/complete", null, $"demo-call-{callId:N}-evaluated");
            status = "Evaluated";
        }

        if (status == "Evaluated")
        {
            var awarding = await demo.Admin.PostAsync($"/api/grants/calls/{callId}/awards/from-ranking", null, $"demo-call-{callId:N}-awards");
            var first = awarding.GetProperty("awarded").EnumerateArray().First(a => a.GetProperty("applicationId").GetGuid() == applications.First(p => p.Key.Target == "Awarded").Value);
            await AgreementAsync(demo, first.GetProperty("id").GetGuid(), first.GetProperty("amount").GetDecimal());
        }
    }

    /// <summary>The first award's agreement, 40/40/20, with the first tranche paid.</summary>
    private static async Task AgreementAsync(DemoContext demo, Guid awardId, decimal amount)
    {
        var today = DemoContext.Today;
        var agreement = await demo.Admin.PostAsync("/api/grants/agreements", new
        {
            awardId,
            signedOn = today,
            tranches = new object[]
            {
                new { percentage = 40, reportDueOn = today.AddDays(90) },
                new { percentage = 40, reportDueOn = today.AddDays(180) },
                new { percentage = 20, reportDueOn = today.AddDays(270) },
            },
        }, $"demo-agreement-{awardId:N}");
        var id = agreement.GetProperty("id").GetGuid();
        await demo.Admin.PostAsync($"/api/grants/agreements/{id}/tranches/1/payment",
            new { amount = amount * 0.4m, currency = Currency.Lari, paidOn = today }, $"demo-agreement-{id:N}-tranche-1");
    }
}
