namespace Platform.Contracts.ReferenceData;

/// <summary>The gender codes every service reports by (in <c>CampHeld</c>, <c>TrainingDelivered</c>, ...).</summary>
public static class Gender
{
    public const string Female = "female";
    public const string Male = "male";
    public const string Other = "other";
    public const string Undisclosed = "undisclosed";

    public static readonly IReadOnlyList<string> All = [Female, Male, Other, Undisclosed];

    public static bool IsKnown(string? code) => code is not null && All.Contains(code, StringComparer.Ordinal);
}

/// <summary>Age in whole years and the age groups the programme reports by.</summary>
public static class Age
{
    public const string Under18 = "under-18";
    public const string From18To24 = "18-24";
    public const string From25To34 = "25-34";
    public const string From35 = "35-plus";

    public static readonly IReadOnlyList<string> Groups = [Under18, From18To24, From25To34, From35];

    /// <summary>Completed years on <paramref name="day"/>; someone born on 29 February turns a year older on 28 February.</summary>
    public static int On(DateOnly birthDate, DateOnly day)
    {
        var years = day.Year - birthDate.Year;
        return day < birthDate.AddYears(years) ? years - 1 : years;
    }

    public static string GroupOf(int years) => years switch
    {
        < 18 => Under18,
        < 25 => From18To24,
        < 35 => From25To34,
        _ => From35,
    };

    /// <summary>A count for every group (or gender), zeros included, so reports always have the same keys.</summary>
    public static Dictionary<string, int> CountBy(IEnumerable<string> values, IReadOnlyList<string> keys)
    {
        var counts = keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var value in values)
        {
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        return counts;
    }
}
