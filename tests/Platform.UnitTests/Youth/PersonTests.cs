using Platform.Contracts.ReferenceData;
using Platform.Youth.People;
using static Platform.UnitTests.Youth.YouthExamples;

namespace Platform.UnitTests.Youth;

public sealed class PersonTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Fact]
    public void Personal_data_is_checked_field_by_field()
    {
        var errors = new ValidationErrors();

        var details = PersonDetails.Create(" ", null, Today.AddDays(1), "woman", "KK-NOWHERE", ["ka", "ru"], null, "not-an-email", "phone!", null, Today, errors);

        Assert.Null(details);
        Assert.Equal(
            ["birthDate", "email", "firstName", "gender", "languages[1]", "lastName", "municipality", "phone"],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Ethnicity_is_kept_only_when_given()
    {
        var errors = new ValidationErrors();
        var without = PersonDetails.Create("Aysel", "Mammadova", new DateOnly(2002, 1, 1), Gender.Female, Municipality.Marneuli, null, null, null, null, "  ", Today, errors);
        var with = PersonDetails.Create("Aysel", "Mammadova", new DateOnly(2002, 1, 1), Gender.Female, Municipality.Marneuli, null, null, null, null, "Azerbaijani", Today, errors);

        Assert.False(errors.Any);
        Assert.Null(without!.Ethnicity);
        Assert.Equal("Azerbaijani", with!.Ethnicity);
    }

    [Fact]
    public void Erasure_removes_every_piece_of_personal_data_once()
    {
        var person = Person();
        var erasedAt = Now.AddDays(10);

        person.Erase(erasedAt);

        Assert.True(person.IsErased);
        Assert.Equal(erasedAt, person.ErasedAt);
        Assert.Null(person.FirstName);
        Assert.Null(person.LastName);
        Assert.Null(person.BirthDate);
        Assert.Null(person.Gender);
        Assert.Null(person.Email);
        Assert.Null(person.Phone);
        Assert.Null(person.Education);
        Assert.Null(person.Ethnicity);
        Assert.Null(person.Consent);
        Assert.Empty(person.Languages);
        Assert.Equal(Municipality.Marneuli, person.Municipality);
        Assert.Throws<RuleViolationException>(() => person.Erase(erasedAt));
    }

    [Theory]
    [InlineData(17, "under-18")]
    [InlineData(18, "18-24")]
    [InlineData(24, "18-24")]
    [InlineData(25, "25-34")]
    [InlineData(34, "25-34")]
    [InlineData(35, "35-plus")]
    public void Age_groups_are_those_of_the_CampHeld_contract(int age, string group) => Assert.Equal(group, Age.GroupOf(age));
}
