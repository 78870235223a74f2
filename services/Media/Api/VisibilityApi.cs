using Microsoft.AspNetCore.Http.HttpResults;
using Platform.Media.Visibility;
using Platform.ServiceDefaults.Security;

namespace Platform.Media.Api;

/// <summary>The EU visibility reference data: the funding statement in the programme's languages and the checklist's points.</summary>
public static class VisibilityApi
{
    public static RouteHandlerBuilder MapVisibilityApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/media/visibility/funding-statement", () => TypedResults.Ok(new FundingStatementResponse(FundingStatement.Texts, VisibilityPoint.All)))
            .WithTags("EU visibility").WithName("GetFundingStatement")
            .WithSummary("\"Funded by the European Union\" in ka, az, hy and en, and the points every check covers")
            .RequireAuthorization(PlatformPolicies.ReadProgrammeData);
}
