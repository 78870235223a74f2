using Microsoft.EntityFrameworkCore;

namespace Platform.ServiceDefaults.Idempotency;

/// <summary>
/// What a service keeps of an idempotent command, in its own database and in the command's own transaction: the
/// key (hashed), the request's fingerprint and the first response. The response body is sealed with a key derived
/// from the client's <c>Idempotency-Key</c>, which the service never stores: only the client that sent the command
/// can have it replayed, and what the table holds reveals nothing of the people in it. Erasing a person also
/// deletes the records of their resources (<see cref="IdempotencyRecords.ForgetAsync"/>); the rest expire.
/// </summary>
public sealed class IdempotencyRecord
{
    public string KeyHash { get; init; } = "";

    public string Fingerprint { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public int StatusCode { get; init; }

    public string? ContentType { get; init; }

    public string? Location { get; init; }

    /// <summary>The response body, AES-GCM sealed (nonce, tag, ciphertext).</summary>
    public byte[]? SealedBody { get; init; }

    /// <summary>The id of the resource the command created or changed, when the response names one.</summary>
    public Guid? ResourceId { get; init; }
}

public static class IdempotencyRecords
{
    internal const string Table = "idempotency_records";

    /// <summary>Maps the idempotency records; call it from the service's <c>OnModelCreating</c>, beside the outbox.</summary>
    public static ModelBuilder AddIdempotencyRecords(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable(Table);
            record.HasKey(r => r.KeyHash);
            record.Property(r => r.KeyHash).HasColumnName("key_hash").HasMaxLength(64);
            record.Property(r => r.Fingerprint).HasColumnName("fingerprint").HasMaxLength(64);
            record.Property(r => r.CreatedAt).HasColumnName("created_at");
            record.Property(r => r.StatusCode).HasColumnName("status_code");
            record.Property(r => r.ContentType).HasColumnName("content_type").HasMaxLength(200);
            record.Property(r => r.Location).HasColumnName("location").HasMaxLength(2000);
            record.Property(r => r.SealedBody).HasColumnName("sealed_body");
            record.Property(r => r.ResourceId).HasColumnName("resource_id");
            record.HasIndex(r => r.CreatedAt).HasDatabaseName("ix_idempotency_records_created_at");
            record.HasIndex(r => r.ResourceId).HasDatabaseName("ix_idempotency_records_resource_id");
        });
        return modelBuilder;
    }

    /// <summary>
    /// Deletes the recorded responses about these resources (a person being erased, their applications, ...), so no
    /// copy of what they returned outlives the erasure. Runs in the caller's transaction when there is one.
    /// </summary>
    public static Task<int> ForgetAsync(this DbContext db, IReadOnlyCollection<Guid> resourceIds, CancellationToken ct) =>
        db.Set<IdempotencyRecord>().Where(r => r.ResourceId != null && resourceIds.Contains(r.ResourceId.Value)).ExecuteDeleteAsync(ct);
}
