namespace Platform.UnitTests.Domain;

public sealed class LocalizedTextTests
{
    private static IDictionary<string, string[]> Validate(Dictionary<string, string?>? values, int maxLength = 10)
    {
        var errors = new ValidationErrors();
        LocalizedText.Validate(values, "title", maxLength, errors);
        return errors.ToDictionary();
    }

    [Fact]
    public void From_trims_every_entry()
    {
        var text = LocalizedText.From(new Dictionary<string, string?> { ["en"] = "  Social services \n", ["ka"] = "\tსოციალური სერვისები " });

        Assert.Equal("Social services", text.Values["en"]);
        Assert.Equal("სოციალური სერვისები", text.Values["ka"]);
    }

    [Fact]
    public void Equality_is_by_content_regardless_of_order()
    {
        var first = LocalizedText.From(new Dictionary<string, string?> { ["en"] = "Youth", ["az"] = "Gənclik", ["hy"] = "Երիտասարդություն" });
        var second = LocalizedText.From(new Dictionary<string, string?> { ["hy"] = "Երիտասարդություն ", ["en"] = " Youth", ["az"] = "Gənclik" });

        Assert.True(first.Equals(second));
        Assert.True(first.Equals((object)second));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void Texts_that_differ_in_a_value_a_language_or_the_number_of_entries_are_not_equal()
    {
        var text = LocalizedText.From(new Dictionary<string, string?> { ["en"] = "Youth", ["ka"] = "ახალგაზრდობა" });

        Assert.False(text.Equals(LocalizedText.From(new Dictionary<string, string?> { ["en"] = "youth", ["ka"] = "ახალგაზრდობა" })));
        Assert.False(text.Equals(LocalizedText.From(new Dictionary<string, string?> { ["en"] = "Youth", ["az"] = "ახალგაზრდობა" })));
        Assert.False(text.Equals(LocalizedText.From(new Dictionary<string, string?> { ["en"] = "Youth" })));
        Assert.False(LocalizedText.From(new Dictionary<string, string?> { ["en"] = "Youth" }).Equals(text));
        Assert.False(text.Equals(null));
    }

    [Fact]
    public void From_refuses_what_does_not_validate()
    {
        var exception = Assert.Throws<DomainValidationException>(() => LocalizedText.From(new Dictionary<string, string?> { ["de"] = "Jugend" }));

        Assert.Equal(["text.de"], exception.Errors.Keys);
        Assert.Throws<DomainValidationException>(() => LocalizedText.From(new Dictionary<string, string?>()));
        Assert.Throws<DomainValidationException>(() => LocalizedText.From(new Dictionary<string, string?> { ["en"] = null }));
    }

    [Fact]
    public void ToString_prefers_English()
    {
        Assert.Equal("Youth", LocalizedText.From(new Dictionary<string, string?> { ["ka"] = "ახალგაზრდობა", ["en"] = "Youth" }).ToString());
        Assert.Equal("ახალგაზრდობა", LocalizedText.From(new Dictionary<string, string?> { ["ka"] = "ახალგაზრდობა" }).ToString());
    }

    [Fact]
    public void Valid_text_in_every_programme_language_passes()
    {
        var errors = Validate(new() { ["ka"] = "ტექსტი", ["az"] = "mətn", ["hy"] = "տեքստ", ["en"] = "0123456789" });

        Assert.Empty(errors);
    }

    [Fact]
    public void A_missing_or_empty_map_is_an_error_on_the_field_itself()
    {
        Assert.Equal(["title"], Validate(null).Keys);
        Assert.Equal(["title"], Validate([]).Keys);
    }

    [Theory]
    [InlineData("fr", "texte")]
    [InlineData("EN", "text")]
    [InlineData("", "text")]
    [InlineData("en", "")]
    [InlineData("en", "   ")]
    [InlineData("en", null)]
    [InlineData("en", "eleven char")]
    public void A_bad_entry_is_an_error_under_field_dot_language(string language, string? text)
    {
        var errors = Validate(new() { [language] = text });

        Assert.Equal([$"title.{language}"], errors.Keys);
    }

    [Fact]
    public void Each_bad_entry_is_reported()
    {
        var errors = Validate(new() { ["en"] = "fine", ["ka"] = " ", ["ru"] = "текст", ["hy"] = new string('x', 11) });

        Assert.Equal(["title.hy", "title.ka", "title.ru"], errors.Keys.Order(StringComparer.Ordinal));
    }
}
