using Platform.ServiceDefaults.Domain;

namespace Platform.Media.Api;

/// <summary>Checks of the query parameters Media's lists and figures take; each wrong one is named.</summary>
internal static class ListQuery
{
    public static TEnum? Enum<TEnum>(string? value, string field, ValidationErrors errors) where TEnum : struct, System.Enum
    {
        // Names only: Enum.TryParse would also take "2" or "-1".
        var match = System.Enum.GetNames<TEnum>().FirstOrDefault(name => name == value);
        if (value is not null && match is null)
        {
            errors.Add(field, $"Use one of {string.Join(", ", System.Enum.GetNames<TEnum>())}.");
        }

        return match is null ? null : System.Enum.Parse<TEnum>(match);
    }

    public static void Code(string? value, IReadOnlyList<string> known, string field, ValidationErrors errors)
    {
        if (value is not null && !known.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(field, $"Use one of {string.Join(", ", known)}.");
        }
    }

    public static Paging Paging(int? page, int? pageSize, ValidationErrors errors)
    {
        var paging = new Paging(page, pageSize);
        paging.Validate(errors);
        return paging;
    }
}
