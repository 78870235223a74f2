using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// The one way an aggregate with a lifecycle is protected against concurrent changes: PostgreSQL's own row version,
/// the system column <c>xmin</c>, as an optimistic concurrency token. Two requests that load the same row and both
/// save: the second gets a <see cref="DbUpdateConcurrencyException"/>, which every service answers with a 409
/// (code <c>concurrent-change</c>) and whose transaction, events included, is rolled back. Nothing to migrate:
/// every PostgreSQL row has an <c>xmin</c>.
/// </summary>
public static class RowVersion
{
    public const string PropertyName = "xmin";

    public static EntityTypeBuilder<TEntity> HasRowVersion<TEntity>(this EntityTypeBuilder<TEntity> entity)
        where TEntity : class
    {
        entity.Property<uint>(PropertyName).HasColumnName("xmin").HasColumnType("xid").IsRowVersion();
        return entity;
    }
}
