using Platform.Contracts.ReferenceData;
using Platform.ServiceDefaults.Domain;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// The checks every service's list and figure filters share: an unknown value is added to <see cref="ValidationErrors"/>
/// under the parameter's name, so the 400 names it and lists what is allowed.
/// </summary>
public static class QueryFilter
{
    /// <summary>An enum by its exact name, never by a number (<c>Enum.TryParse</c> would also take "2" or "-1").</summary>
    public static TEnum? Enum<TEnum>(string? value, string field, ValidationErrors errors) where TEnum : struct, System.Enum
    {
        if (value is null)
        {
            return null;
        }

        if (System.Enum.GetNames<TEnum>().Contains(value, StringComparer.Ordinal))
        {
            return System.Enum.Parse<TEnum>(value, ignoreCase: false);
        }

        errors.Add(field, $"Use one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        return null;
    }

    /// <summary>A municipality code (<see cref="Contracts.ReferenceData.Municipality"/>), in the parameter <c>municipality</c>.</summary>
    public static void Municipality(string? value, ValidationErrors errors) =>
        Code(value, Contracts.ReferenceData.Municipality.All, "municipality", errors);

    /// <summary>One of a list of known codes, compared exactly.</summary>
    public static void Code(string? value, IReadOnlyList<string> known, string field, ValidationErrors errors)
    {
        if (value is not null && !known.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(field, $"Use one of {string.Join(", ", known)}.");
        }
    }

    /// <summary>The page asked for, checked (<c>page</c> from 1, <c>pageSize</c> at most 100).</summary>
    public static Paging Paging(int? page, int? pageSize, ValidationErrors errors)
    {
        var paging = new Paging(page, pageSize);
        paging.Validate(errors);
        return paging;
    }
}
