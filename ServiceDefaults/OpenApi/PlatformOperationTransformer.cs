using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Platform.ServiceDefaults.Idempotency;

namespace Platform.ServiceDefaults.OpenApi;

/// <summary>
/// What every operation of the platform has, whether or not its endpoint says so: the security requirement and
/// 401/403 where a token is needed, the <c>Idempotency-Key</c> header on POST, and problem details for the errors
/// the shared middleware produces (400 for a body or parameter that does not bind, 404 for an id that names
/// nothing visible, 409 for a command the record's state or a concurrent change refuses). An endpoint that
/// declares a response itself keeps its own.
/// </summary>
internal sealed class PlatformOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var method = description.HttpMethod ?? HttpMethods.Get;
        var hasRouteId = description.ParameterDescriptions.Any(p => p.Source.Id == "Path");
        var hasInput = description.ParameterDescriptions.Count > 0 || operation.RequestBody is not null;
        var document = context.Document;
        operation.Responses ??= new OpenApiResponses();

        if (HttpMethods.IsPost(method))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = IdempotencyMiddleware.HeaderName,
                In = ParameterLocation.Header,
                Required = false,
                Description = "Makes the command safe to retry: a repeat with the same key returns the first response "
                    + $"(header {IdempotencyMiddleware.ReplayedHeaderName}: true) and changes nothing; the same key with another body is a 422.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = 200 },
            });
            Problem(operation, document, StatusCodes.Status422UnprocessableEntity, "The Idempotency-Key was used before with another body.");
        }

        if (hasInput)
        {
            Problem(operation, document, StatusCodes.Status400BadRequest, "Invalid input: errors names each wrong field.");
        }

        if (hasRouteId)
        {
            Problem(operation, document, StatusCodes.Status404NotFound, "No such record, or not visible to the caller.");
        }

        if (!HttpMethods.IsGet(method) && (hasRouteId || HttpMethods.IsPost(method)))
        {
            Problem(operation, document, StatusCodes.Status409Conflict,
                "Refused in the record's present state, or changed concurrently: code names the rule (concurrent-change, ...).");
        }

        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            Problem(operation, document, StatusCodes.Status401Unauthorized, "No valid access token.");
            Problem(operation, document, StatusCodes.Status403Forbidden, "The token's roles do not allow this.");
            operation.Security ??= [];
            foreach (var scheme in new[] { PlatformDocumentTransformer.SignIn, PlatformDocumentTransformer.Bearer })
            {
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
            }
        }

        // Responses the endpoint declared without a body (NotFound, Conflict) are problem details too.
        foreach (var (status, response) in operation.Responses)
        {
            if (status.Length == 3 && status[0] == '4' && response is OpenApiResponse { Content: null or { Count: 0 } } bare)
            {
                bare.Content = ProblemContent(document);
            }
        }

        return Task.CompletedTask;
    }

    private static void Problem(OpenApiOperation operation, OpenApiDocument? document, int status, string description)
    {
        var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!operation.Responses!.ContainsKey(key))
        {
            operation.Responses[key] = new OpenApiResponse { Description = description, Content = ProblemContent(document) };
        }
    }

    private static Dictionary<string, OpenApiMediaType> ProblemContent(OpenApiDocument? document) => new()
    {
        ["application/problem+json"] = new OpenApiMediaType
        {
            Schema = new OpenApiSchemaReference(PlatformDocumentTransformer.ProblemDetailsSchema, document),
        },
    };
}
