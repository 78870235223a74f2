using Platform.Contracts.ReferenceData;

namespace Platform.Partnerships;

/// <summary>Counts of people by gender and by age group as a client sends them: known codes, no negative numbers.</summary>
internal static class Counts
{
    /// <summary>Checks a map of code to count and returns it with every code present (zeros added), or null when invalid.</summary>
    public static Dictionary<string, int>? Read(IReadOnlyDictionary<string, int>? counts, IReadOnlyList<string> codes, string field, ValidationErrors errors)
    {
        if (counts is null)
        {
            errors.Add(field, $"Required: a count for each of {string.Join(", ", codes)} (missing ones count as 0).");
            return null;
        }

        var valid = true;
        foreach (var (code, count) in counts)
        {
            if (!codes.Contains(code, StringComparer.Ordinal))
            {
                errors.Add($"{field}.{code}", $"Use one of {string.Join(", ", codes)}.");
                valid = false;
            }
            else if (count < 0)
            {
                errors.Add($"{field}.{code}", "Not negative.");
                valid = false;
            }
        }

        return valid ? codes.ToDictionary(c => c, c => counts.GetValueOrDefault(c), StringComparer.Ordinal) : null;
    }

    /// <summary>People counted by gender and again by age group: both must add up to the same total.</summary>
    public static (Dictionary<string, int> ByGender, Dictionary<string, int> ByAgeGroup)? ReadPeople(
        IReadOnlyDictionary<string, int>? byGender, IReadOnlyDictionary<string, int>? byAgeGroup, string genderField, string ageField, ValidationErrors errors)
    {
        var genders = Read(byGender, Gender.All, genderField, errors);
        var ages = Read(byAgeGroup, Age.Groups, ageField, errors);
        if (genders is null || ages is null)
        {
            return null;
        }

        if (genders.Values.Sum() != ages.Values.Sum())
        {
            errors.Add(ageField, $"Adds up to {ages.Values.Sum()}; by gender the total is {genders.Values.Sum()}.");
            return null;
        }

        return (genders, ages);
    }
}
