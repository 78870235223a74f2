using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Grants.Data;
using Platform.ServiceDefaults.Security;

namespace Platform.Grants.Api;

/// <summary>
/// The graduates Grants knows from Youth's <c>ParticipantGraduated</c> events: ids, cohort, home municipality and date,
/// no personal data. The grants team checks here whether a graduate's application will find them eligible.
/// </summary>
public static class GraduatesApi
{
    public static RouteGroupBuilder MapGraduatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/grants/graduates").WithTags("Graduates").RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        api.MapGet("/{participantId:guid}", GetGraduate).WithName("GetGraduate")
            .WithSummary("A graduate of the Young Professionals Program as Grants knows them");
        return api;
    }

    public static async Task<Results<Ok<GraduateResponse>, NotFound>> GetGraduate(Guid participantId, GrantsDbContext db, CancellationToken ct) =>
        await db.Graduates.AsNoTracking().Where(g => g.ParticipantId == participantId)
            .Select(g => new GraduateResponse(g.ParticipantId, g.CohortId, g.Municipality, g.GraduatedOn))
            .FirstOrDefaultAsync(ct) is { } graduate
            ? TypedResults.Ok(graduate)
            : TypedResults.NotFound();
}

public sealed record GraduateResponse(Guid ParticipantId, Guid CohortId, string Municipality, DateOnly GraduatedOn);
