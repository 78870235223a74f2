namespace Platform.UnitTests.Domain;

public sealed class ValidationErrorsTests
{
    [Fact]
    public void Messages_for_the_same_field_are_kept_together()
    {
        var errors = new ValidationErrors();
        errors.Add("name.en", "first");
        errors.Add("email", "other");
        errors.Add("name.en", "second");

        var dictionary = errors.ToDictionary();

        Assert.Equal(["first", "second"], dictionary["name.en"]);
        Assert.Equal(["other"], dictionary["email"]);
        Assert.Equal(2, dictionary.Count);
    }

    [Fact]
    public void ThrowIfAny_throws_only_when_there_are_errors_and_names_the_fields()
    {
        var errors = new ValidationErrors();
        errors.ThrowIfAny();
        errors.Required(" ", "title", 10);
        errors.MaxLength("eleven chars", "summary", 10);

        var exception = Assert.Throws<DomainValidationException>(errors.ThrowIfAny);

        Assert.Equal(["summary", "title"], exception.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("title", exception.Message, StringComparison.Ordinal);
    }
}
