using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.OpenApi;

// In the hosting namespace, like AddServiceDefaults: a service's Program.cs needs no using for it.
namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The service's OpenAPI document (ASP.NET Core's own generator), served at <c>/api/{service}/openapi/v1.json</c>,
/// the path the gateway routes to the service unchanged, so the same URL works directly and through the gateway.
/// </summary>
public static class PlatformOpenApiExtensions
{
    public const string DocumentName = "v1";

    /// <summary>Where a service's document is, relative to the gateway (and to the service itself).</summary>
    public static string DocumentPath(string service) => $"/api/{service}/openapi/{DocumentName}.json";

    /// <summary>
    /// Describes every endpoint of the service in one document: the bearer and sign-in security schemes, the
    /// <c>Idempotency-Key</c> header on POST commands, problem details for the errors, reference-data codes as
    /// enums. <c>MapDefaultEndpoints</c> serves it.
    /// </summary>
    public static TBuilder AddPlatformOpenApi<TBuilder>(this TBuilder builder, string service) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddSingleton(new PlatformOpenApiService(service));
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.CreateSchemaReferenceId = SchemaReferenceId;
            options.AddDocumentTransformer(new PlatformDocumentTransformer(service));
            options.AddOperationTransformer<PlatformOperationTransformer>();
            options.AddSchemaTransformer<ReferenceDataSchemaTransformer>();
        });
        return builder;
    }

    /// <summary>
    /// A nested type's schema is named after the types it is nested in (<c>CampFiguresResponseRow</c>): by default only
    /// its own name counts, so every response's <c>Row</c> collapsed into one schema and most of them pointed at the
    /// wrong shape.
    /// </summary>
    private static string? SchemaReferenceId(JsonTypeInfo type)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(type);
        if (id is null || !type.Type.IsNested || type.Type.IsGenericType)
        {
            return id;
        }

        for (var outer = type.Type.DeclaringType; outer is not null; outer = outer.DeclaringType)
        {
            id = outer.Name.Split('`')[0] + id;
        }

        return id;
    }

    /// <summary>Serves the document if <see cref="AddPlatformOpenApi"/> was called; anyone may read it.</summary>
    internal static WebApplication MapPlatformOpenApi(this WebApplication app)
    {
        if (app.Services.GetService<PlatformOpenApiService>() is { } described)
        {
            app.MapOpenApi(DocumentPath(described.Name).Replace($"{DocumentName}.json", "{documentName}.json", StringComparison.Ordinal))
                .AllowAnonymous();
        }

        return app;
    }
}

/// <summary>Which service this process describes (registered by <c>AddPlatformOpenApi</c>).</summary>
internal sealed record PlatformOpenApiService(string Name);
