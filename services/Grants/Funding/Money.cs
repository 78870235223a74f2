using Platform.Contracts.ReferenceData;

namespace Platform.Grants.Funding;

/// <summary>The programme's money rules: decimal amounts in whole cents, in one of the currencies it pays in.</summary>
public static class Money
{
    public static IReadOnlyList<string> Currencies => Currency.All;

    public static bool IsKnownCurrency(string? code) => Currency.IsKnown(code);

    /// <summary>A positive amount with at most two decimals; adds the problem under <paramref name="field"/>.</summary>
    public static bool ValidatePositive(decimal? amount, string field, ValidationErrors errors, bool allowZero = false)
    {
        if (amount is null)
        {
            errors.Add(field, "This field is required.");
            return false;
        }

        if (amount < 0 || (!allowZero && amount == 0))
        {
            errors.Add(field, allowZero ? "Must not be negative." : "Must be more than zero.");
            return false;
        }

        if (decimal.Round(amount.Value, 2) != amount.Value)
        {
            errors.Add(field, "At most two decimals (whole tetri or cents).");
            return false;
        }

        if (amount > 1_000_000_000m)
        {
            errors.Add(field, "At most 1,000,000,000.");
            return false;
        }

        return true;
    }

    /// <summary>The currency of an amount must be the call's: one currency per call, never mixed in a sum.</summary>
    public static void ValidateCurrency(string? currency, string expected, string field, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(currency))
        {
            errors.Add(field, $"Required: the call's currency, {expected}.");
        }
        else if (currency != expected)
        {
            errors.Add(field, $"The call is in {expected}; amounts in {Truncate(currency)} are not accepted.");
        }
    }

    public static string Truncate(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
