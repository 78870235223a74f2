using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Platform.ServiceDefaults.Http;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Audit;

/// <summary>
/// Records every change an HTTP command makes, in the same SaveChanges as the change itself, so no command
/// goes unrecorded and no record is written for a command that failed. Changes made by event consumers
/// (projections) are not commands and are not audited.
/// </summary>
internal sealed class AuditInterceptor(IHttpContextAccessor httpContextAccessor, TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData.Context);
        return result;
    }

    private void Record(DbContext? db)
    {
        if (db is null || httpContextAccessor.HttpContext is not { } http || !db.Model.GetEntityTypes().Any(t => t.ClrType == typeof(AuditEntry)))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var actor = http.User.Subject() ?? "anonymous";
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not (AuditEntry or OutboxMessage or InboxMessage))
            // The token server's own bookkeeping (tokens, authorizations) is not a command.
            .Where(e => e.Metadata.ClrType.Namespace?.StartsWith("OpenIddict", StringComparison.Ordinal) != true)
            .Select(e => new AuditEntry
            {
                RecordType = e.Metadata.ClrType.Name,
                RecordId = string.Join("/", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue)),
                Action = e.State.ToString(),
                ChangedFields = e.State == EntityState.Modified
                    ? e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name).ToList()
                    : [],
                Actor = actor,
                ClientId = http.User.ClientId(),
                CorrelationId = CorrelationId.Of(http),
                OccurredAt = now,
            })
            .ToList();
        db.Set<AuditEntry>().AddRange(entries);
    }
}
