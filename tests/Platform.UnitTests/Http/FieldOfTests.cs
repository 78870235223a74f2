using Platform.ServiceDefaults.Http;

namespace Platform.UnitTests.Http;

public sealed class FieldOfTests
{
    [Theory]
    [InlineData("$.name.en", "name.en")]
    [InlineData("$.type", "type")]
    [InlineData("$['name']['ka']", "name.ka")]
    [InlineData("$.name['hy']", "name.hy")]
    [InlineData("$.languages[1]", "languages[1]")]
    [InlineData("$.description.az", "description.az")]
    public void A_json_path_becomes_the_field_name(string jsonPath, string field)
    {
        Assert.Equal(field, BadRequestExceptionHandler.FieldOf(jsonPath));
    }

    [Theory]
    [InlineData("$")]
    [InlineData("")]
    [InlineData(null)]
    public void A_body_that_is_not_json_is_the_body_field(string? jsonPath)
    {
        Assert.Equal("body", BadRequestExceptionHandler.FieldOf(jsonPath));
    }
}
