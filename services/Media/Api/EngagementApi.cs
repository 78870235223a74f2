using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Platform.Media.Data;
using Platform.Media.Outputs;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Security;

namespace Platform.Media.Api;

/// <summary>Media engagement: journalists trained and partnerships with outlets, counted by outlet in the figures.</summary>
public static class EngagementApi
{
    public static RouteGroupBuilder MapEngagementApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/media/engagement").WithTags("Media engagement").RequireAuthorization(PlatformPolicies.WriteIn("media"));
        api.MapPost("/trainings", RecordTraining).WithName("RecordJournalistTraining").WithSummary("Record how many of an outlet's journalists a training reached");
        api.MapPost("/partnerships", RecordPartnership).WithName("RecordMediaPartnership").WithSummary("Record a partnership with a media outlet");
        return api;
    }

    public static async Task<Created<TrainingResponse>> RecordTraining(TrainingRequest request, MediaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var outlet = request.OutletId is { } id ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        var training = JournalistTraining.Record(outlet, request.OutletId, request.HeldOn, request.Topic, request.JournalistsTrained, clock.Today(), clock.GetUtcNow());
        db.JournalistTrainings.Add(training);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/media/figures/engagement", TrainingResponse.From(training));
    }

    public static async Task<Created<PartnershipResponse>> RecordPartnership(PartnershipRequest request, MediaDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var outlet = request.OutletId is { } id ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        var partnership = MediaPartnership.Record(outlet, request.OutletId, request.StartsOn, request.EndsOn, request.Scope, clock.GetUtcNow());
        db.MediaPartnerships.Add(partnership);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/media/figures/engagement", PartnershipResponse.From(partnership));
    }
}
