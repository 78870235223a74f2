using Platform.Capacity.Api;

namespace Platform.UnitTests.Capacity;

/// <summary>Requests as a client would send them: a valid one, and ways to spoil it one field at a time.</summary>
internal static class OrganizationRequests
{
    public static OrganizationRequest Valid() => new(
        Name: new() { ["en"] = "Marneuli Women's Union", ["ka"] = "მარნეულის ქალთა კავშირი" },
        Type: OrganizationType.Cso,
        Municipality: Municipality.Marneuli,
        Languages: ["ka", "az"],
        Email: "office@mwu.example.ge",
        Phone: "+995 (357) 22-33-44",
        Website: "https://mwu.example.ge",
        RegistrationNumber: "404123456",
        Description: new() { ["en"] = "Supports women in rural Kvemo Kartli." });

    /// <summary>Checks a request and returns the details with the errors it produced.</summary>
    public static (Platform.Capacity.Organizations.OrganizationDetails? Details, IDictionary<string, string[]> Errors) Check(OrganizationRequest request)
    {
        var errors = new ValidationErrors();
        var details = request.ToDetails(errors);
        return (details, errors.ToDictionary());
    }
}
