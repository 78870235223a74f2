using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Audit;

public sealed record AuditEntryResponse(
    Guid Id, string RecordType, string RecordId, string Action, IReadOnlyList<string> ChangedFields,
    string Actor, string? ClientId, string? CorrelationId, DateTimeOffset OccurredAt);

public static class AuditTrailExtensions
{
    /// <summary>Maps the <c>audit_entries</c> table; call it from the service's <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddAuditTrail(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("audit_entries");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.RecordType).HasMaxLength(100);
            audit.Property(a => a.RecordId).HasMaxLength(200);
            audit.Property(a => a.Action).HasMaxLength(20);
            audit.Property(a => a.Actor).HasMaxLength(200);
            audit.Property(a => a.ClientId).HasMaxLength(200);
            audit.Property(a => a.CorrelationId).HasMaxLength(128);
            audit.HasIndex(a => new { a.RecordId, a.OccurredAt });
        });
        return modelBuilder;
    }

    /// <summary><c>GET /api/{service}/audit/{recordId}</c>: who changed a record, when, from which client; programme admin only.</summary>
    public static RouteGroupBuilder MapAuditTrailApi<TDbContext>(this IEndpointRouteBuilder app, string serviceName)
        where TDbContext : DbContext
    {
        var group = app.MapGroup($"/api/{serviceName}/audit").WithTags("Audit").RequireAuthorization(PlatformPolicies.ProgrammeAdmin);
        // The handler takes no generic parameter: ASP.NET's route analyzer cannot read one.
        group.MapGet("/{recordId}", (string recordId, HttpContext http, CancellationToken ct) =>
                GetTrailAsync(recordId, http.RequestServices.GetRequiredService<TDbContext>(), ct))
            .WithName($"Get{serviceName}AuditTrail")
            .WithSummary("The audit trail of one record, oldest first.");
        return group;
    }

    private static async Task<Ok<List<AuditEntryResponse>>> GetTrailAsync<TDbContext>(string recordId, TDbContext db, CancellationToken ct)
        where TDbContext : DbContext =>
        TypedResults.Ok(await db.Set<AuditEntry>().AsNoTracking()
            .Where(a => a.RecordId == recordId)
            .OrderBy(a => a.OccurredAt).ThenBy(a => a.Id)
            .Select(a => new AuditEntryResponse(a.Id, a.RecordType, a.RecordId, a.Action, a.ChangedFields, a.Actor, a.ClientId, a.CorrelationId, a.OccurredAt))
            .ToListAsync(ct));
}
