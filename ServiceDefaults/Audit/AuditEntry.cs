namespace Platform.ServiceDefaults.Audit;

/// <summary>
/// One change a command made to one record: who (subject and client), when, and under which correlation id.
/// It names the changed fields, never their values, so the trail itself holds no personal data.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string RecordType { get; init; }

    public required string RecordId { get; init; }

    /// <summary><c>Added</c>, <c>Modified</c> or <c>Deleted</c>.</summary>
    public required string Action { get; init; }

    public IReadOnlyList<string> ChangedFields { get; init; } = [];

    /// <summary>The token's subject: a person's user id or a machine client's id.</summary>
    public required string Actor { get; init; }

    public string? ClientId { get; init; }

    public string? CorrelationId { get; init; }

    public DateTimeOffset OccurredAt { get; init; }
}
