using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Contracts.ReferenceData;
using Platform.IntegrationTests.Infrastructure;

namespace Platform.IntegrationTests.OpenApi;

/// <summary>
/// What an API consumer reads in each service's document, and the checked-in copy that makes an API change show in
/// review. <c>UPDATE_OPENAPI_SNAPSHOTS=1</c> rewrites the copies instead of comparing (docs: README, "API reference").
/// </summary>
public sealed class OpenApiDocumentTests(OpenApiDocuments documents) : IClassFixture<OpenApiDocuments>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    // The token server's protocol endpoints answer as OpenID Connect specifies (OAuth error responses, redirects), not
    // as this API's problem details: their errors are the specification's, not documented here.
    private const string OpenIdConnectEndpoints = "/api/identity/connect/";

    [Theory]
    [MemberData(nameof(OpenApiDocuments.Services), MemberType = typeof(OpenApiDocuments))]
    public void Every_operation_has_a_name_a_summary_and_documented_problem_responses(string service)
    {
        var failures = new List<string>();
        foreach (var (path, method, operation) in Operations(documents.Of(service)))
        {
            var where = $"{method.ToUpperInvariant()} {path}";
            if (string.IsNullOrWhiteSpace((string?)operation["operationId"]))
            {
                failures.Add($"{where}: no name (.WithName)");
            }

            if (string.IsNullOrWhiteSpace((string?)operation["summary"]))
            {
                failures.Add($"{where}: no summary (.WithSummary)");
            }

            var errors = (operation["responses"]?.AsObject() ?? []).Where(r => r.Key.StartsWith('4')).ToList();
            if (errors.Count == 0 && !path.StartsWith(OpenIdConnectEndpoints, StringComparison.Ordinal))
            {
                failures.Add($"{where}: no documented error response");
            }

            failures.AddRange(errors
                .Where(e => e.Value?["content"]?["application/problem+json"] is null)
                .Select(e => $"{where}: {e.Key} is not described as problem details"));

            if (method == "post" && !(operation["parameters"]?.AsArray() ?? []).Any(p => (string?)p?["name"] == "Idempotency-Key"))
            {
                failures.Add($"{where}: no Idempotency-Key header");
            }

            var secured = operation["security"] is JsonArray { Count: > 0 };
            if (secured && (errors.All(e => e.Key != "401") || errors.All(e => e.Key != "403")))
            {
                failures.Add($"{where}: needs a token but documents no 401 and 403");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.NotEmpty(Operations(documents.Of(service)));
    }

    [Theory]
    [MemberData(nameof(OpenApiDocuments.Services), MemberType = typeof(OpenApiDocuments))]
    public void Sign_in_is_the_token_servers_authorization_code_flow_and_tokens_are_bearer(string service)
    {
        var schemes = documents.Of(service)["components"]!["securitySchemes"]!;
        var code = schemes["sign-in"]!["flows"]!["authorizationCode"]!;
        Assert.Equal("/api/identity/connect/authorize", (string?)code["authorizationUrl"]);
        Assert.Equal("/api/identity/connect/token", (string?)code["tokenUrl"]);
        Assert.NotNull(code["scopes"]!["platform-api"]);
        Assert.Equal("bearer", (string?)schemes["bearer"]!["scheme"]);
    }

    [Fact]
    public void Reference_codes_are_enums_and_public_text_is_a_language_map()
    {
        var document = documents.Of("capacity");
        var request = document["components"]!["schemas"]!["OrganizationRequest"]!["properties"]!;
        Assert.Equal(Municipality.All, Strings(request["municipality"]!["enum"]));
        Assert.Equal(Language.All, Strings(request["languages"]!["items"]!["enum"]));
        Assert.Equal(Language.All, Strings(request["description"]!["propertyNames"]!["enum"]));
        Assert.Contains("LocalSelfGovernment", Strings(document["components"]!["schemas"]!["OrganizationType"]!["enum"]));
        Assert.Equal("string", (string?)request["email"]!["type"]!.AsArray().Single(t => (string?)t != "null"));

        var list = Operations(document).Single(o => (string?)o.Operation["operationId"] == "ListOrganizations").Operation;
        // Query parameters of an [AsParameters] record keep its property names (Municipality); binding ignores case.
        var municipality = list["parameters"]!.AsArray().Single(p => string.Equals((string?)p!["name"], "municipality", StringComparison.OrdinalIgnoreCase))!;
        Assert.Equal(Municipality.All, Strings(municipality["schema"]!["enum"]));
    }

    [Fact]
    public void Nested_records_of_the_same_name_keep_their_own_schemas()
    {
        // Youth's cohort and camp figures both answer rows of a nested record named Row, of different shapes.
        var schemas = documents.Of("youth")["components"]!["schemas"]!;
        Assert.Null(schemas["Row"]);
        Assert.NotNull(schemas["CohortFiguresResponseRow"]!["properties"]!["cohortName"]);
        Assert.NotNull(schemas["CampFiguresResponseRow"]!["properties"]!["campsHeld"]);
        var camps = documents.Of("youth")["paths"]!.AsObject().Single(p => p.Key.EndsWith("/figures/camps", StringComparison.Ordinal)).Value!;
        Assert.Contains("CampFiguresResponse", camps.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(OpenApiDocuments.Services), MemberType = typeof(OpenApiDocuments))]
    public void Document_matches_its_checked_in_copy(string service)
    {
        var copy = Path.Combine(PlatformServers.RepositoryRoot(), "tests", "Platform.IntegrationTests", "OpenApi", $"{service}.json");
        var actual = documents.Of(service).ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
        if (Environment.GetEnvironmentVariable("UPDATE_OPENAPI_SNAPSHOTS") == "1")
        {
            File.WriteAllText(copy, actual);
            return;
        }

        Assert.True(File.Exists(copy), $"{copy} is missing: UPDATE_OPENAPI_SNAPSHOTS=1 writes it (README, API reference).");
        var expected = File.ReadAllText(copy).ReplaceLineEndings("\n");
        Assert.True(expected == actual,
            $"The {service} API changed: review the difference, then rewrite the copy with UPDATE_OPENAPI_SNAPSHOTS=1.\n{FirstDifference(expected, actual)}");
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select (path.Key, method.Key, method.Value!.AsObject());

    private static List<string> Strings(JsonNode? array) => [.. array!.AsArray().Select(n => (string)n!)];

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "<end>";
            var right = i < a.Length ? a[i] : "<end>";
            if (left != right)
            {
                return $"line {i + 1}: checked in `{left.Trim()}`, served `{right.Trim()}`";
            }
        }

        return "";
    }
}
