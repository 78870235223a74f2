using Platform.Capacity.Api;
using static Platform.UnitTests.Capacity.OrganizationRequests;

namespace Platform.UnitTests.Capacity;

public sealed class OrganizationValidationTests
{
    [Fact]
    public void A_valid_request_gives_details_and_no_errors()
    {
        var (details, errors) = Check(Valid());

        Assert.Empty(errors);
        Assert.NotNull(details);
        Assert.Equal("Marneuli Women's Union", details.Name.Values["en"]);
        Assert.Equal(OrganizationType.Cso, details.Type);
        Assert.Equal(Municipality.Marneuli, details.Municipality);
    }

    [Fact]
    public void Optional_contacts_may_be_left_out()
    {
        var (details, errors) = Check(Valid() with { Languages = null, Email = null, Phone = " ", Website = "", RegistrationNumber = null, Description = null });

        Assert.Empty(errors);
        Assert.NotNull(details);
        Assert.Empty(details.Languages);
        Assert.Null(details.Email);
        Assert.Null(details.Phone);
        Assert.Null(details.Website);
        Assert.Null(details.RegistrationNumber);
        Assert.Null(details.Description);
    }

    [Fact]
    public void Values_are_trimmed_and_languages_deduplicated_in_a_stable_order()
    {
        var (details, errors) = Check(Valid() with
        {
            Name = new() { ["en"] = "  Tsalka Youth Centre  " },
            Languages = ["ka", "hy", "ka"],
            Email = " info@tsalka.example.ge ",
            RegistrationNumber = " 204987654 ",
        });

        Assert.Empty(errors);
        Assert.NotNull(details);
        Assert.Equal("Tsalka Youth Centre", details.Name.Values["en"]);
        Assert.Equal(["hy", "ka"], details.Languages);
        Assert.Equal("info@tsalka.example.ge", details.Email);
        Assert.Equal("204987654", details.RegistrationNumber);
    }

    public static TheoryData<string, string> SpoiledRequests => new()
    {
        { "unknown municipality", "municipality" },
        { "lowercase municipality", "municipality" },
        { "missing municipality", "municipality" },
        { "missing type", "type" },
        { "undefined type", "type" },
        { "missing name", "name" },
        { "empty name", "name" },
        { "blank name", "name.en" },
        { "unknown name language", "name.fr" },
        { "name too long", "name.en" },
        { "bad e-mail", "email" },
        { "e-mail with display name", "email" },
        { "bad phone", "phone" },
        { "ftp website", "website" },
        { "javascript website", "website" },
        { "relative website", "website" },
        { "registration number with 8 digits", "registrationNumber" },
        { "registration number with 10 digits", "registrationNumber" },
        { "registration number with a letter", "registrationNumber" },
        { "too many languages", "languages" },
        { "unknown language", "languages[1]" },
        { "missing language", "languages[0]" },
        { "blank description", "description.ka" },
        { "description too long", "description.en" },
    };

    [Theory]
    [MemberData(nameof(SpoiledRequests))]
    public void Each_problem_is_reported_under_its_json_field_and_nothing_else(string problem, string field)
    {
        var (details, errors) = Check(Spoil(problem));

        Assert.Null(details);
        Assert.Equal([field], errors.Keys);
        Assert.All(errors[field], message => Assert.False(string.IsNullOrWhiteSpace(message)));
    }

    [Fact]
    public void A_name_of_exactly_200_characters_is_accepted()
    {
        var (details, errors) = Check(Valid() with { Name = new() { ["en"] = new string('a', 200) } });

        Assert.Empty(errors);
        Assert.NotNull(details);
    }

    [Fact]
    public void Every_problem_of_a_request_is_reported_at_once()
    {
        var request = new OrganizationRequest(
            Name: new() { ["en"] = " ", ["xx"] = "Name" },
            Type: null,
            Municipality: "KK-TBILISI",
            Languages: ["ka", "ru"],
            Email: "not an address",
            Phone: "call us",
            Website: "ftp://files.example.ge",
            RegistrationNumber: "12345",
            Description: new());

        var (details, errors) = Check(request);

        Assert.Null(details);
        Assert.Equal(
            ["description", "email", "languages[1]", "municipality", "name.en", "name.xx", "phone", "registrationNumber", "type", "website"],
            errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_municipality_of_the_programme_is_accepted()
    {
        Assert.All(Municipality.All, code =>
        {
            var (details, errors) = Check(Valid() with { Municipality = code });
            Assert.Empty(errors);
            Assert.Equal(code, details?.Municipality);
        });
    }

    private static OrganizationRequest Spoil(string problem)
    {
        var valid = Valid();
        return problem switch
        {
            "unknown municipality" => valid with { Municipality = "KK-TBILISI" },
            "lowercase municipality" => valid with { Municipality = "kk-marneuli" },
            "missing municipality" => valid with { Municipality = "  " },
            "missing type" => valid with { Type = null },
            // What the API's JSON reader makes of "type": "SocialServiceProvider, MediaOutlet".
            "undefined type" => valid with { Type = OrganizationType.SocialServiceProvider | OrganizationType.MediaOutlet },
            "missing name" => valid with { Name = null },
            "empty name" => valid with { Name = [] },
            "blank name" => valid with { Name = new() { ["en"] = "   " } },
            "unknown name language" => valid with { Name = new() { ["en"] = "Union", ["fr"] = "Union" } },
            "name too long" => valid with { Name = new() { ["en"] = new string('a', 201) } },
            "bad e-mail" => valid with { Email = "office@" },
            "e-mail with display name" => valid with { Email = "Office <office@mwu.example.ge>" },
            "bad phone" => valid with { Phone = "call 555" },
            "ftp website" => valid with { Website = "ftp://mwu.example.ge" },
            "javascript website" => valid with { Website = "javascript:alert(1)" },
            "relative website" => valid with { Website = "mwu.example.ge" },
            "registration number with 8 digits" => valid with { RegistrationNumber = "40412345" },
            "registration number with 10 digits" => valid with { RegistrationNumber = "4041234567" },
            "registration number with a letter" => valid with { RegistrationNumber = "40412345X" },
            "too many languages" => valid with { Languages = ["ka", "az", "hy", "en", "ru"] },
            "unknown language" => valid with { Languages = ["ka", "KA"] },
            "missing language" => valid with { Languages = [null] },
            "blank description" => valid with { Description = new() { ["ka"] = null } },
            "description too long" => valid with { Description = new() { ["en"] = new string('d', 2001) } },
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };
    }
}
