using Platform.Contracts.Partnerships;
using Platform.Contracts.ReferenceData;

namespace Platform.Partnerships.SocialServices;

public enum SocialServiceStatus
{
    Idea,
    Designed,
    Piloted,
    Institutionalised,
    Stopped,
}

/// <summary>
/// A social service co-created by CSOs and the municipality: a need (from a recommendation or a group's decision), co-design
/// workshops (meetings), a concept and target group, a pilot and the people it served (counts), and the municipality's
/// decision to fund it from its own budget. Idea -> designed -> piloted -> institutionalised, or stopped with a reason.
/// </summary>
public sealed class SocialService
{
    public const int MaxNameLength = 200;
    public const int MaxTextLength = 10_000;
    public const int MaxShortLength = 300;

    private SocialService() { }

    public Guid Id { get; private set; }

    public LocalizedText Name { get; private set; } = null!;

    public string Municipality { get; private set; } = "";

    public string Need { get; private set; } = "";

    public Guid? RecommendationId { get; private set; }

    public Guid? DecisionId { get; private set; }

    /// <summary>The meetings that were its co-design workshops.</summary>
    public List<Guid> WorkshopMeetingIds { get; private set; } = [];

    public string? Concept { get; private set; }

    public string? TargetGroup { get; private set; }

    public SocialServiceStatus Status { get; private set; }

    public DateOnly? PilotStartsOn { get; private set; }

    public DateOnly? PilotEndsOn { get; private set; }

    public Dictionary<string, int>? PeopleServedByGender { get; private set; }

    public Dictionary<string, int>? PeopleServedByAgeGroup { get; private set; }

    public int? PeopleServed => PeopleServedByGender?.Values.Sum();

    public decimal? FundingAmount { get; private set; }

    public string? FundingCurrency { get; private set; }

    public int? BudgetYear { get; private set; }

    public string? DecisionReference { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? StoppedReason { get; private set; }

    public DateOnly? StoppedOn { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// A new idea. Its need comes from a recommendation concerning the municipality or a decision of the municipality's
    /// group; the caller has looked those up (<paramref name="recommendationFound"/>, <paramref name="decisionFound"/>).
    /// </summary>
    public static SocialService Propose(IReadOnlyDictionary<string, string?>? name, string? municipality, string? need,
        Guid? recommendationId, bool recommendationFound, Guid? decisionId, bool decisionFound, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        LocalizedText.Validate(name, "name", MaxNameLength, errors);
        if (!Contracts.ReferenceData.Municipality.IsKnown(municipality))
        {
            errors.Add("municipality", $"Use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}.");
        }

        errors.Required(need, "need", MaxTextLength);
        if (recommendationId is null && decisionId is null)
        {
            errors.Add("recommendationId", "The need comes from a recommendation (recommendationId) or a group's decision (decisionId).");
        }

        if (recommendationId is not null && !recommendationFound)
        {
            errors.Add("recommendationId", "No recommendation concerning this municipality.");
        }

        if (decisionId is not null && !decisionFound)
        {
            errors.Add("decisionId", "No decision of this municipality's partnership group.");
        }

        errors.ThrowIfAny();
        return new SocialService
        {
            Id = Guid.CreateVersion7(now),
            Name = LocalizedText.From(name!),
            Municipality = municipality!,
            Need = need!.Trim(),
            RecommendationId = recommendationId,
            DecisionId = decisionId,
            Status = SocialServiceStatus.Idea,
            CreatedAt = now,
        };
    }

    /// <summary>Adds a held meeting as a co-design workshop.</summary>
    public void AddWorkshop(Guid meetingId, bool meetingHeld)
    {
        if (!meetingHeld)
        {
            throw new DomainValidationException(new Dictionary<string, string[]> { ["meetingId"] = ["A meeting that was held (its attendance recorded)."] });
        }

        Expect(SocialServiceStatus.Idea, SocialServiceStatus.Designed);
        if (!WorkshopMeetingIds.Contains(meetingId))
        {
            WorkshopMeetingIds = [.. WorkshopMeetingIds, meetingId];
        }
    }

    /// <summary>The concept and target group, once at least one co-design workshop was held.</summary>
    public void Design(string? concept, string? targetGroup)
    {
        var errors = new ValidationErrors();
        errors.Required(concept, "concept", MaxTextLength);
        errors.Required(targetGroup, "targetGroup", MaxShortLength);
        errors.ThrowIfAny();
        Expect(SocialServiceStatus.Idea, SocialServiceStatus.Designed);
        if (WorkshopMeetingIds.Count == 0)
        {
            throw new RuleViolationException("no-workshop", "A service is co-designed: add at least one workshop first.");
        }

        Concept = concept!.Trim();
        TargetGroup = targetGroup!.Trim();
        Status = SocialServiceStatus.Designed;
    }

    /// <summary>The pilot that ran, and the people it served (counts by gender and again by age group).</summary>
    public void RecordPilot(DateOnly? startsOn, DateOnly? endsOn, IReadOnlyDictionary<string, int>? byGender, IReadOnlyDictionary<string, int>? byAgeGroup, DateOnly today)
    {
        var errors = new ValidationErrors();
        if (startsOn is null)
        {
            errors.Add("startsOn", "Required.");
        }

        if (endsOn is null || endsOn > today || (startsOn is not null && endsOn < startsOn))
        {
            errors.Add("endsOn", "Required: on or after the start, not in the future (the pilot is recorded once it ran).");
        }

        var people = Counts.ReadPeople(byGender, byAgeGroup, "peopleServedByGender", "peopleServedByAgeGroup", errors);
        errors.ThrowIfAny();
        Expect(SocialServiceStatus.Designed);
        PilotStartsOn = startsOn;
        PilotEndsOn = endsOn;
        (PeopleServedByGender, PeopleServedByAgeGroup) = people!.Value;
        Status = SocialServiceStatus.Piloted;
    }

    /// <summary>The municipality decided to fund the service from its own budget: it is institutionalised.</summary>
    public SocialServiceLaunched Institutionalise(decimal? amount, string? currency, int? budgetYear, string? decisionReference, DateOnly? decidedOn, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (amount is not > 0)
        {
            errors.Add("amount", "Required: more than 0.");
        }
        else if (decimal.Round(amount.Value, 2) != amount.Value)
        {
            errors.Add("amount", "At most two decimals.");
        }

        if (!Currency.IsKnown(currency))
        {
            errors.Add("currency", $"Use one of {string.Join(", ", Currency.All)}.");
        }

        if (budgetYear is null || budgetYear < 2000 || budgetYear > today.Year + 5)
        {
            errors.Add("budgetYear", "Required: the municipal budget year.");
        }

        errors.Required(decisionReference, "decisionReference", MaxShortLength);
        if (decidedOn is null || decidedOn > today || (PilotStartsOn is not null && decidedOn < PilotStartsOn))
        {
            errors.Add("decidedOn", "Required: not in the future, not before the pilot.");
        }

        errors.ThrowIfAny();
        Expect(SocialServiceStatus.Piloted);
        FundingAmount = amount;
        FundingCurrency = currency;
        BudgetYear = budgetYear;
        DecisionReference = decisionReference!.Trim();
        DecidedOn = decidedOn;
        Status = SocialServiceStatus.Institutionalised;
        return new SocialServiceLaunched(Id, Name.Values, Municipality, TargetGroup!, amount!.Value, currency!, budgetYear!.Value, decidedOn!.Value,
            RecommendationId, PeopleServed ?? 0, PeopleServedByGender!, PeopleServedByAgeGroup!) { OccurredAt = now };
    }

    public void Stop(string? reason, DateOnly today)
    {
        var errors = new ValidationErrors();
        errors.Required(reason, "reason", MaxTextLength);
        errors.ThrowIfAny();
        Expect(SocialServiceStatus.Idea, SocialServiceStatus.Designed, SocialServiceStatus.Piloted);
        StoppedReason = reason!.Trim();
        StoppedOn = today;
        Status = SocialServiceStatus.Stopped;
    }

    private void Expect(params SocialServiceStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new RuleViolationException("step-out-of-order", $"The service is {Status}; this step needs it {string.Join(" or ", allowed)}.");
        }
    }
}
