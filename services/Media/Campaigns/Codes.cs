using Platform.ServiceDefaults.Domain;

namespace Platform.Media.Campaigns;

/// <summary>Who a campaign addresses; the codes <see cref="Platform.Contracts.Media.CampaignClosed"/> carries.</summary>
public static class Audience
{
    public const string Youth = "youth";
    public const string Women = "women";
    public const string Cso = "cso";
    public const string Lsg = "lsg";
    public const string GeneralPublic = "general-public";

    public static readonly IReadOnlyList<string> All = [Youth, Women, Cso, Lsg, GeneralPublic];
}

/// <summary>Where a campaign's outputs appear; an output's type decides which channels it can use.</summary>
public static class Channel
{
    public const string Tv = "tv";
    public const string Radio = "radio";
    public const string Print = "print";
    public const string Online = "online";
    public const string Social = "social";
    public const string Events = "events";

    public static readonly IReadOnlyList<string> All = [Tv, Radio, Print, Online, Social, Events];
}

/// <summary>Checks of lists of codes that requests carry.</summary>
internal static class Codes
{
    /// <summary>
    /// A required list of distinct known codes; each wrong entry is named (<c>channels[2]</c>). Returns the codes, in
    /// the order given, or an empty list when invalid.
    /// </summary>
    public static List<string> Check(IReadOnlyList<string?>? values, IReadOnlyList<string> known, string field, ValidationErrors errors)
    {
        if (values is null || values.Count == 0)
        {
            errors.Add(field, $"At least one of {string.Join(", ", known)}.");
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var valid = true;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is not { } code || !known.Contains(code, StringComparer.Ordinal))
            {
                errors.Add($"{field}[{i}]", $"Use one of {string.Join(", ", known)}.");
                valid = false;
            }
            else if (!seen.Add(code))
            {
                errors.Add($"{field}[{i}]", "Listed twice.");
                valid = false;
            }
        }

        return valid ? [.. values.Select(v => v!)] : [];
    }
}
