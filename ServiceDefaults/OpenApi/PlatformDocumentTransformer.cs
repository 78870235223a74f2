using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// What is the same in every service's document: its title, the gateway as its server, the two ways to send a
/// token (sign in with the authorization code flow and PKCE at the token server, or paste a bearer token, e.g. from
/// <c>./platform.sh token</c>), and the problem details every error response carries.
/// </summary>
internal sealed class PlatformDocumentTransformer(string service) : IOpenApiDocumentTransformer
{
    public const string SignIn = "sign-in";
    public const string Bearer = "bearer";
    public const string ProblemDetailsSchema = "ProblemDetails";

    /// <summary>The token server's scopes; <c>platform-api</c> is the one every service's token needs.</summary>
    public static readonly IReadOnlyDictionary<string, string> Scopes = new Dictionary<string, string>
    {
        ["openid"] = "Sign in",
        ["profile"] = "Name and email of the person signed in",
        ["offline_access"] = "A refresh token",
        ["platform-api"] = "Call the platform's services",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = $"Platform: {service}",
            Version = PlatformOpenApiExtensions.DocumentName,
            Description = $"The {service} service of the programme platform. Every path is reached through the gateway; "
                + "errors are RFC 7807 problem details; POST commands accept an Idempotency-Key header.",
        };
        // Relative to the document's own URL, so the gateway's address, whatever it is, is the server.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The gateway" }];

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SignIn] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Sign in at the platform's token server (authorization code with PKCE, client platform-docs or platform-web).",
            Flows = new OpenApiOAuthFlows
            {
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = new Uri("/api/identity/connect/authorize", UriKind.Relative),
                    TokenUrl = new Uri("/api/identity/connect/token", UriKind.Relative),
                    RefreshUrl = new Uri("/api/identity/connect/token", UriKind.Relative),
                    Scopes = Scopes.ToDictionary(),
                },
            },
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token of the platform's token server, e.g. from ./platform.sh token.",
        };

        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemDetailsSchema] = ProblemDetails();
        return Task.CompletedTask;
    }

    // Written out rather than generated: the generator would describe the Mvc type, not what the platform sends.
    private static OpenApiSchema ProblemDetails() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 7807 problem details.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the kind of problem."),
            ["title"] = Text("A short summary."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
            ["detail"] = Text("What went wrong in this case."),
            ["code"] = Text("For a 409: the rule that refused the request (deadline-passed, concurrent-change, ...)."),
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "For a 400: the wrong fields, keyed by camelCase JSON path (name.en, tranches[1].percentage).",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Text(null) },
            },
            ["traceId"] = Text("The trace of the request (the dashboard's Traces page)."),
            ["correlationId"] = Text("The X-Correlation-Id of the request."),
        },
        Examples = [JsonNode.Parse("""{"title":"One or more validation errors occurred.","status":400,"errors":{"municipality":["Unknown municipality code."]}}""")!],
    };

    private static OpenApiSchema Text(string? description) => new() { Type = JsonSchemaType.String, Description = description };
}
