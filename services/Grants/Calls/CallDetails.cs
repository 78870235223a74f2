using Platform.Contracts.ReferenceData;
using Platform.Grants.Funding;

namespace Platform.Grants.Calls;

/// <summary>What the grants team decides about a call for proposals, checked against the programme's rules.</summary>
public sealed record CallDetails(
    LocalizedText Title,
    LocalizedText Description,
    TargetGroup TargetGroup,
    IReadOnlyList<string> EligibleMunicipalities,
    string Currency,
    decimal Envelope,
    decimal MinimumAward,
    decimal MaximumAward,
    decimal CoFundingShare,
    DateTimeOffset OpensAt,
    DateTimeOffset Deadline,
    IReadOnlyList<EvaluationCriterion> Criteria,
    bool RequiresAssessment,
    int RequiredScores)
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;
    public const int MaxCriteria = 20;
    public const int MaxRequiredScores = 10;

    /// <summary>Checks what a client sent; every problem is named by its JSON field. Returns the details only when all is well.</summary>
    public static CallDetails? Create(
        IReadOnlyDictionary<string, string?>? title,
        IReadOnlyDictionary<string, string?>? description,
        TargetGroup? targetGroup,
        IReadOnlyList<string?>? eligibleMunicipalities,
        string? currency,
        decimal? envelope,
        decimal? minimumAward,
        decimal? maximumAward,
        decimal? coFundingShare,
        DateTimeOffset? opensAt,
        DateTimeOffset? deadline,
        IReadOnlyList<CriterionInput?>? criteria,
        bool? requiresAssessment,
        int? requiredScores,
        ValidationErrors errors)
    {
        LocalizedText.Validate(title, "title", MaxTitleLength, errors);
        LocalizedText.Validate(description, "description", MaxDescriptionLength, errors);
        if (targetGroup is null || !Enum.IsDefined(targetGroup.Value))
        {
            errors.Add("targetGroup", $"Use one of {string.Join(", ", Enum.GetNames<TargetGroup>())}.");
        }

        ValidateMunicipalities(eligibleMunicipalities, errors);

        if (!Money.IsKnownCurrency(currency))
        {
            errors.Add("currency", $"Use one of {string.Join(", ", Money.Currencies)}.");
        }

        var amountsValid = Money.ValidatePositive(envelope, "envelope", errors)
            & Money.ValidatePositive(minimumAward, "minimumAward", errors)
            & Money.ValidatePositive(maximumAward, "maximumAward", errors);
        if (amountsValid && maximumAward < minimumAward)
        {
            errors.Add("maximumAward", "Must not be less than the minimum award.");
        }
        else if (amountsValid && maximumAward > envelope)
        {
            errors.Add("maximumAward", "Must not be more than the envelope.");
        }

        if (coFundingShare is null)
        {
            errors.Add("coFundingShare", "Required: the least share of the project's cost the applicant brings, from 0 to 0.9 (0.1 is 10%).");
        }
        else if (coFundingShare is < 0 or > 0.9m || decimal.Round(coFundingShare.Value, 4) != coFundingShare)
        {
            errors.Add("coFundingShare", "A share from 0 to 0.9 (0.1 is 10%), with at most four decimals.");
        }

        if (opensAt is null)
        {
            errors.Add("opensAt", "This field is required.");
        }

        if (deadline is null)
        {
            errors.Add("deadline", "This field is required.");
        }
        else if (opensAt is not null && deadline <= opensAt)
        {
            errors.Add("deadline", "Must be after the opening.");
        }

        var validCriteria = ValidateCriteria(criteria, errors);

        if (requiresAssessment == true && targetGroup == TargetGroup.ProgrammeGraduate)
        {
            errors.Add("requiresAssessment", "Graduates are people, not organisations: a graduate call cannot require a capacity assessment.");
        }

        if (requiredScores is < 1 or > MaxRequiredScores)
        {
            errors.Add("requiredScores", $"From 1 to {MaxRequiredScores} evaluators' scores per eligible application.");
        }

        if (errors.Any)
        {
            return null;
        }

        return new CallDetails(
            LocalizedText.From(title!),
            LocalizedText.From(description!),
            targetGroup!.Value,
            eligibleMunicipalities!.Select(m => m!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            currency!,
            envelope!.Value,
            minimumAward!.Value,
            maximumAward!.Value,
            coFundingShare!.Value,
            opensAt!.Value.ToUniversalTime(),
            deadline!.Value.ToUniversalTime(),
            validCriteria,
            requiresAssessment ?? false,
            requiredScores ?? 1);
    }

    private static void ValidateMunicipalities(IReadOnlyList<string?>? municipalities, ValidationErrors errors)
    {
        if (municipalities is null || municipalities.Count == 0)
        {
            errors.Add("eligibleMunicipalities", "Name at least one of the programme's municipalities.");
            return;
        }

        if (municipalities.Count > Municipality.All.Count * 2)
        {
            errors.Add("eligibleMunicipalities", $"At most {Municipality.All.Count} municipalities.");
            return;
        }

        for (var i = 0; i < municipalities.Count; i++)
        {
            if (!Municipality.IsKnown(municipalities[i]))
            {
                errors.Add($"eligibleMunicipalities[{i}]", $"Use one of {string.Join(", ", Municipality.All)}.");
            }
        }
    }

    private static List<EvaluationCriterion> ValidateCriteria(IReadOnlyList<CriterionInput?>? criteria, ValidationErrors errors)
    {
        var valid = new List<EvaluationCriterion>();
        if (criteria is null || criteria.Count == 0)
        {
            errors.Add("criteria", "Give at least one evaluation criterion.");
            return valid;
        }

        if (criteria.Count > MaxCriteria)
        {
            errors.Add("criteria", $"At most {MaxCriteria} criteria.");
            return valid;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < criteria.Count; i++)
        {
            var field = $"criteria[{i}]";
            var criterion = criteria[i];
            if (criterion is null)
            {
                errors.Add(field, "This field is required.");
                continue;
            }

            if (string.IsNullOrWhiteSpace(criterion.Code) || criterion.Code.Length > 40
                || !criterion.Code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                errors.Add($"{field}.code", "Required: lower-case letters, digits and '-', at most 40 characters.");
            }
            else if (!codes.Add(criterion.Code))
            {
                errors.Add($"{field}.code", $"The code '{criterion.Code}' is used twice.");
            }

            errors.Required(criterion.Name, $"{field}.name", 200);
            if (criterion.Weight is null or < 1 or > 100)
            {
                errors.Add($"{field}.weight", "A whole percentage from 1 to 100.");
            }

            if (criterion.MaxScore is null or < 1 or > 100)
            {
                errors.Add($"{field}.maxScore", "The highest score, from 1 to 100.");
            }

            if (IsComplete(criterion))
            {
                valid.Add(new EvaluationCriterion(criterion.Code!, criterion.Name!.Trim(), criterion.Weight!.Value, criterion.MaxScore!.Value));
            }
        }

        var eachValid = !errors.ToDictionary().Keys.Any(k => k.StartsWith("criteria[", StringComparison.Ordinal));
        if (eachValid && valid.Sum(c => c.Weight) is var sum && sum != 100)
        {
            errors.Add("criteria", $"The weights sum to {sum}; they must sum to 100.");
        }

        return valid;
    }

    private static bool IsComplete(CriterionInput c) =>
        !string.IsNullOrWhiteSpace(c.Code) && !string.IsNullOrWhiteSpace(c.Name) && c.Weight is >= 1 and <= 100 && c.MaxScore is >= 1 and <= 100;
}

/// <summary>An evaluation criterion as a client sends it.</summary>
public sealed record CriterionInput(string? Code, string? Name, int? Weight, int? MaxScore);
