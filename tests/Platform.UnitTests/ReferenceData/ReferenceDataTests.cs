namespace Platform.UnitTests.ReferenceData;

public sealed class MunicipalityTests
{
    public static TheoryData<string, string> Programme => new()
    {
        { "KK-MARNEULI", "KK" },
        { "KK-TETRITSKARO", "KK" },
        { "KK-DMANISI", "KK" },
        { "KK-GARDABANI", "KK" },
        { "KK-BOLNISI", "KK" },
        { "KK-TSALKA", "KK" },
        { "SJ-AKHALTSIKHE", "SJ" },
        { "SJ-NINOTSMINDA", "SJ" },
    };

    [Fact]
    public void The_programme_has_exactly_its_eight_municipalities()
    {
        Assert.Equal(
            ["KK-BOLNISI", "KK-DMANISI", "KK-GARDABANI", "KK-MARNEULI", "KK-TETRITSKARO", "KK-TSALKA", "SJ-AKHALTSIKHE", "SJ-NINOTSMINDA"],
            Municipality.All.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Programme))]
    public void Each_municipality_is_known_in_its_region(string code, string region)
    {
        Assert.True(Municipality.IsKnown(code));
        Assert.Equal(region, Municipality.RegionOf(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("kk-marneuli")]
    [InlineData("Kk-Marneuli")]
    [InlineData(" KK-MARNEULI")]
    [InlineData("KK-MARNEULI ")]
    [InlineData("MARNEULI")]
    [InlineData("KK")]
    [InlineData("TB-TBILISI")]
    public void An_unknown_code_is_refused(string? code)
    {
        Assert.False(Municipality.IsKnown(code));
        if (code is not null)
        {
            Assert.Throws<ArgumentException>(() => Municipality.RegionOf(code));
        }
    }
}

public sealed class LanguageTests
{
    [Fact]
    public void The_programme_serves_four_languages()
    {
        Assert.Equal(["az", "en", "hy", "ka"], Language.All.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("ka")]
    [InlineData("az")]
    [InlineData("hy")]
    [InlineData("en")]
    public void Each_language_is_known(string code)
    {
        Assert.True(Language.IsKnown(code));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("KA")]
    [InlineData("ru")]
    [InlineData("en-GB")]
    [InlineData(" en")]
    public void Other_codes_are_not(string? code)
    {
        Assert.False(Language.IsKnown(code));
    }
}
