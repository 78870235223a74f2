using Platform.Contracts.ReferenceData;
using Platform.Grants.Calls;
using Platform.Grants.Funding;

namespace Platform.Grants.Applications;

/// <summary>One line of a project's budget, in the call's currency.</summary>
public sealed record BudgetLine(string Description, decimal Amount);

/// <summary>A budget line as a client sends it.</summary>
public sealed record BudgetLineInput(string? Description, decimal? Amount, string? Currency);

/// <summary>The project an applicant proposes: what, where, for how much, and what they bring themselves.</summary>
public sealed record ApplicationDetails(
    string ProjectTitle,
    string Summary,
    string Municipality,
    decimal RequestedAmount,
    decimal CoFunding,
    IReadOnlyList<BudgetLine> BudgetLines)
{
    public const int MaxTitleLength = 200;
    public const int MaxSummaryLength = 4000;
    public const int MaxBudgetLines = 50;

    public bool Equals(ApplicationDetails? other) =>
        other is not null && ProjectTitle == other.ProjectTitle && Summary == other.Summary && Municipality == other.Municipality
        && RequestedAmount == other.RequestedAmount && CoFunding == other.CoFunding && BudgetLines.SequenceEqual(other.BudgetLines);

    public override int GetHashCode() => HashCode.Combine(ProjectTitle, Municipality, RequestedAmount, CoFunding);

    /// <summary>
    /// Checks what a client sent against the call: amounts in the call's currency, budget lines that add up to the
    /// requested amount. Whether the applicant is eligible is decided at submission, not here.
    /// </summary>
    public static ApplicationDetails? Create(
        Call call,
        string? projectTitle,
        string? summary,
        string? municipality,
        decimal? requestedAmount,
        decimal? coFunding,
        string? currency,
        IReadOnlyList<BudgetLineInput?>? budgetLines,
        ValidationErrors errors)
    {
        errors.Required(projectTitle, "projectTitle", MaxTitleLength);
        errors.Required(summary, "summary", MaxSummaryLength);
        if (string.IsNullOrWhiteSpace(municipality))
        {
            errors.Add("municipality", "Required: the municipality where the project takes place.");
        }
        else if (!Contracts.ReferenceData.Municipality.IsKnown(municipality))
        {
            errors.Add("municipality", $"'{Money.Truncate(municipality)}' is not a programme municipality; use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}.");
        }

        Money.ValidateCurrency(currency, call.Currency, "currency", errors);
        var requestedValid = Money.ValidatePositive(requestedAmount, "requestedAmount", errors);
        Money.ValidatePositive(coFunding, "coFunding", errors, allowZero: true);

        var lines = new List<BudgetLine>();
        if (budgetLines is null || budgetLines.Count == 0)
        {
            errors.Add("budgetLines", "Give at least one budget line.");
        }
        else if (budgetLines.Count > MaxBudgetLines)
        {
            errors.Add("budgetLines", $"At most {MaxBudgetLines} budget lines.");
        }
        else
        {
            var linesValid = true;
            for (var i = 0; i < budgetLines.Count; i++)
            {
                var field = $"budgetLines[{i}]";
                if (budgetLines[i] is not { } line)
                {
                    errors.Add(field, "This field is required.");
                    linesValid = false;
                    continue;
                }

                var descriptionValid = !string.IsNullOrWhiteSpace(line.Description) && line.Description.Length <= 300;
                if (!descriptionValid)
                {
                    errors.Add($"{field}.description", "Required, at most 300 characters.");
                }

                var amountValid = Money.ValidatePositive(line.Amount, $"{field}.amount", errors);
                var currencyValid = line.Currency == call.Currency;
                Money.ValidateCurrency(line.Currency, call.Currency, $"{field}.currency", errors);
                linesValid &= descriptionValid && amountValid && currencyValid;
                if (descriptionValid && amountValid && currencyValid)
                {
                    lines.Add(new BudgetLine(line.Description!.Trim(), line.Amount!.Value));
                }
            }

            if (linesValid && requestedValid && lines.Sum(l => l.Amount) is var total && total != requestedAmount)
            {
                errors.Add("budgetLines", $"The budget lines sum to {total} {call.Currency}; they must sum to the requested amount, {requestedAmount} {call.Currency}.");
            }
        }

        if (errors.Any)
        {
            return null;
        }

        return new ApplicationDetails(projectTitle!.Trim(), summary!.Trim(), municipality!, requestedAmount!.Value, coFunding!.Value, lines);
    }
}
