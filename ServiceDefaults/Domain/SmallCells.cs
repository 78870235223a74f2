using System.Numerics;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Domain;

/// <summary>
/// The platform's one rule for small cells in published figures (docs/figures.md). A count of people in a cell by
/// gender, age group, sector or municipality (every cell of a row that is about one municipality is such a cell) that is
/// between 1 and 4 is not shown: it is <c>null</c>, and the row says <c>suppressed: true</c>. Zeros are shown. When a
/// breakdown whose total is shown would have exactly one hidden cell, the next smallest non-zero cell is hidden too, so that
/// the total minus the shown cells cannot give the hidden one away. A total is itself a cell: when it is 1-4 it is hidden,
/// and then every non-zero cell of its breakdowns is 1-4 and hidden with it.
/// </summary>
public static class SmallCells
{
    public const int Threshold = 5;

    public static bool IsSmall<T>(T? count) where T : struct, INumber<T> =>
        count is { } value && value > T.Zero && value < T.CreateChecked(Threshold);

    /// <summary>A count shown on its own (a row's total): null when it is 1-4.</summary>
    public static T? Cell<T>(T count) where T : struct, INumber<T> => IsSmall<T>(count) ? null : count;

    /// <summary>
    /// The cells of one breakdown as they may be published: small counts as null and, when that hides exactly one cell,
    /// the next smallest non-zero cell too (ties broken by the code, ordinally). Keys and their order are kept.
    /// </summary>
    public static IReadOnlyDictionary<string, T?> Suppress<T>(IReadOnlyDictionary<string, T?> cells) where T : struct, INumber<T>
    {
        var result = new Dictionary<string, T?>(cells.Count, StringComparer.Ordinal);
        foreach (var (code, count) in cells)
        {
            result[code] = IsSmall(count) ? null : count;
        }

        if (cells.Count(c => IsSmall(c.Value)) == 1)
        {
            var next = result.Where(c => c.Value is { } v && v > T.Zero).OrderBy(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).FirstOrDefault();
            if (next.Key is not null)
            {
                result[next.Key] = null;
            }
        }

        return result;
    }

    /// <inheritdoc cref="Suppress{T}(IReadOnlyDictionary{string, T?})"/>
    public static IReadOnlyDictionary<string, T?> Suppress<T>(IReadOnlyDictionary<string, T> cells) where T : struct, INumber<T> =>
        Suppress<T>(cells.ToDictionary(c => c.Key, c => (T?)c.Value, StringComparer.Ordinal));

    /// <summary>The cells unchanged, typed as the suppressed ones are, for a reader who may see exact figures.</summary>
    public static IReadOnlyDictionary<string, T?> Exact<T>(IReadOnlyDictionary<string, T> cells) where T : struct, INumber<T> =>
        cells.ToDictionary(c => c.Key, c => (T?)c.Value, StringComparer.Ordinal);

    /// <summary>Whether a cell was hidden: shown as null although the exact figure had one.</summary>
    public static bool AnyHidden<T>(IReadOnlyDictionary<string, T?> shown) where T : struct, INumber<T> => shown.Values.Any(v => v is null);

    /// <summary>
    /// Who may see a service's figures exactly: those who may see the personal data they are counted from, its own team and
    /// the programme admin (<see cref="PlatformPolicies.PersonalDataOf"/>). The monitor and the other teams see small cells suppressed.
    /// </summary>
    public static async Task<bool> SeesExactFiguresAsync(this IAuthorizationService authorization, ClaimsPrincipal user, string service) =>
        (await authorization.AuthorizeAsync(user, PlatformPolicies.PersonalDataOf(service))).Succeeded;
}
