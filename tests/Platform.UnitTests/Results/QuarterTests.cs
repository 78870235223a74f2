using Platform.Media.Results;
using Platform.ServiceDefaults.Domain;

namespace Platform.UnitTests.Results;

public sealed class QuarterTests
{
    [Theory]
    [InlineData("2025-01-01", "2025Q1")]
    [InlineData("2025-03-31", "2025Q1")]
    [InlineData("2025-07-01", "2025Q3")]
    [InlineData("2025-12-31", "2025Q4")]
    public void A_day_belongs_to_its_calendar_quarter(string day, string quarter) =>
        Assert.Equal(quarter, Quarter.Of(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)).ToString());

    [Fact]
    public void A_quarter_parses_from_its_name_and_knows_its_days()
    {
        var q = Quarter.Parse("2025Q3");
        Assert.Equal(new DateOnly(2025, 7, 1), q.FirstDay);
        Assert.Equal(new DateOnly(2025, 9, 30), q.LastDay);
        Assert.Equal("2025Q4", q.Next.ToString());
        Assert.Equal("2026Q1", q.Next.Next.ToString());
        Assert.Equal(["2025Q3", "2025Q4", "2026Q1"], Quarter.Range(q, new Quarter(2026, 1)).Select(x => x.ToString()));
    }

    [Theory]
    [InlineData("2025Q5")]
    [InlineData("2025Q0")]
    [InlineData("2025-Q3")]
    [InlineData("25Q3")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_not_a_quarter(string? text) => Assert.False(Quarter.TryParse(text, out _));

    [Fact]
    public void Only_an_ended_quarter_is_locked_and_only_once()
    {
        var q = Quarter.Parse("2025Q3");
        var during = Assert.Throws<RuleViolationException>(() => QuarterLock.Lock(q, [], "admin", new DateTimeOffset(2025, 9, 30, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal("quarter-not-ended", during.Code);

        var locked = QuarterLock.Lock(q, [], "admin", new DateTimeOffset(2025, 10, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Equal("2025Q3", locked.Quarter);
        var again = Assert.Throws<RuleViolationException>(() => QuarterLock.Lock(q, [locked], "admin", new DateTimeOffset(2025, 10, 2, 8, 0, 0, TimeSpan.Zero)));
        Assert.Equal("quarter-locked", again.Code);
    }
}
