using System.Globalization;

namespace Platform.Partnerships.Figures;

/// <summary>A reporting quarter, written like <c>2025Q3</c>.</summary>
public readonly record struct Quarter(int Year, int Number)
{
    public DateOnly FirstDay => new(Year, (Number - 1) * 3 + 1, 1);

    public DateOnly LastDay => FirstDay.AddMonths(3).AddDays(-1);

    public bool Contains(DateOnly day) => day >= FirstDay && day <= LastDay;

    public static Quarter Of(DateOnly day) => new(day.Year, (day.Month - 1) / 3 + 1);

    public static bool TryParse(string? text, out Quarter quarter)
    {
        quarter = default;
        if (text is not { Length: 6 } || text[4] != 'Q' || text[5] is < '1' or > '4'
            || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 2000)
        {
            return false;
        }

        quarter = new Quarter(year, text[5] - '0');
        return true;
    }

    public override string ToString() => $"{Year}Q{Number}";
}
