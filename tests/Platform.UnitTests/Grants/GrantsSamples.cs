using Platform.Contracts.Grants;
using Platform.Grants.Applications;
using Platform.Grants.Calls;

namespace Platform.UnitTests.Grants;

/// <summary>Calls, projects and applicants as the rules see them, with only what a test changes spelled out.</summary>
internal static class GrantsSamples
{
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly CriterionInput[] Criteria =
    [
        new("relevance", "Relevance", 40, 10),
        new("feasibility", "Feasibility", 35, 10),
        new("sustainability", "Sustainability", 25, 5),
    ];

    public static CallDetails? Details(
        ValidationErrors errors,
        TargetGroup targetGroup = TargetGroup.Cso,
        string?[]? municipalities = null,
        string currency = "GEL",
        decimal envelope = 100_000m,
        decimal minimumAward = 5_000m,
        decimal maximumAward = 30_000m,
        decimal coFundingShare = 0.1m,
        DateTimeOffset? opensAt = null,
        DateTimeOffset? deadline = null,
        CriterionInput?[]? criteria = null,
        bool requiresAssessment = false,
        int? requiredScores = 1) =>
        CallDetails.Create(
            new Dictionary<string, string?> { ["en"] = "Community services" },
            new Dictionary<string, string?> { ["en"] = "Small grants." },
            targetGroup,
            municipalities ?? ["KK-MARNEULI", "KK-GARDABANI"],
            currency,
            envelope,
            minimumAward,
            maximumAward,
            coFundingShare,
            opensAt ?? Now.AddDays(-1),
            deadline ?? Now.AddDays(30),
            criteria ?? Criteria,
            requiresAssessment,
            requiredScores,
            errors);

    public static Call DraftCall(
        TargetGroup targetGroup = TargetGroup.Cso,
        decimal envelope = 100_000m,
        decimal coFundingShare = 0.1m,
        bool requiresAssessment = false,
        DateTimeOffset? deadline = null,
        DateTimeOffset? opensAt = null)
    {
        var errors = new ValidationErrors();
        var details = Details(errors, targetGroup, envelope: envelope, coFundingShare: coFundingShare, requiresAssessment: requiresAssessment,
            deadline: deadline, opensAt: opensAt, maximumAward: Math.Min(30_000m, envelope));
        Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return Call.Draft(details!, Now.AddDays(-2));
    }

    public static Call OpenCall(TargetGroup targetGroup = TargetGroup.Cso, decimal envelope = 100_000m, bool requiresAssessment = false, decimal coFundingShare = 0.1m)
    {
        var call = DraftCall(targetGroup, envelope, coFundingShare, requiresAssessment);
        call.Open(Now.AddDays(-1));
        return call;
    }

    /// <summary>A call whose evaluation is complete, ready for awards.</summary>
    public static Call EvaluatedCall(decimal envelope = 100_000m)
    {
        var call = OpenCall(envelope: envelope);
        call.Close(Now);
        call.CompleteEvaluation([], Now);
        return call;
    }

    public static ApplicationDetails Project(decimal requested = 10_000m, decimal coFunding = 2_000m, string municipality = "KK-MARNEULI") =>
        new("Youth centre", "After-school classes.", municipality, requested, coFunding, [new BudgetLine("Rent", requested)]);

    public static ApplicantFacts Cso(string municipality = "KK-MARNEULI", bool assessed = true) =>
        new(OrganizationType.Cso, municipality, assessed, false, null);

    public static ApplicantFacts Graduate(string municipality = "KK-MARNEULI") => new(null, null, false, true, municipality);

    public static readonly Applicant Organisation = new(Guid.CreateVersion7(), null);

    public static GrantApplication Submitted(Call call, decimal requested = 10_000m, ApplicantFacts? facts = null, DateTimeOffset? at = null)
    {
        var application = GrantApplication.Start(call, new Applicant(Guid.CreateVersion7(), null), "applicant", Project(requested), Now);
        application.Submit(call, facts ?? Cso(), at ?? Now);
        return application;
    }

    public static void AssertErrorFor(ValidationErrors errors, string field, string? containing = null)
    {
        var all = errors.ToDictionary();
        Assert.True(all.ContainsKey(field), $"no error for {field}; got {string.Join(", ", all.Keys)}");
        if (containing is not null)
        {
            Assert.Contains(all[field], m => m.Contains(containing, StringComparison.Ordinal));
        }
    }
}
