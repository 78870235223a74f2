using Platform.ServiceDefaults.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Platform.Media.Results;

/// <summary>
/// A quarter the programme admin locked after reporting it (ActivityInfo's locked periods): its figures stay as
/// reported; facts recorded later for it are kept and shown as a revision beside them, never merged silently.
/// </summary>
public sealed class QuarterLock
{
    private QuarterLock()
    {
    }

    public string Quarter { get; private set; } = "";

    public DateTimeOffset LockedAt { get; private set; }

    /// <summary>The token subject of the admin who locked it.</summary>
    public string LockedBy { get; private set; } = "";

    /// <summary>Only a quarter that has ended can be locked, and only once.</summary>
    public static QuarterLock Lock(Quarter quarter, IEnumerable<QuarterLock> existing, string by, DateTimeOffset now)
    {
        if (DateOnly.FromDateTime(now.UtcDateTime) <= quarter.LastDay)
        {
            throw new RuleViolationException("quarter-not-ended", $"{quarter} ends on {quarter.LastDay:yyyy-MM-dd}; it can be locked after that.");
        }

        if (existing.Any(l => l.Quarter == quarter.ToString()))
        {
            throw new RuleViolationException("quarter-locked", $"{quarter} is already locked.");
        }

        return new QuarterLock { Quarter = quarter.ToString(), LockedAt = now, LockedBy = by };
    }
}

internal sealed class QuarterLockConfiguration : IEntityTypeConfiguration<QuarterLock>
{
    public void Configure(EntityTypeBuilder<QuarterLock> quarterLock)
    {
        quarterLock.ToTable("quarter_locks");
        quarterLock.HasKey(l => l.Quarter);
        quarterLock.Property(l => l.Quarter).HasMaxLength(6);
        quarterLock.Property(l => l.LockedBy).HasMaxLength(200);
    }
}

internal sealed class FactConfiguration : IEntityTypeConfiguration<Fact>
{
    public void Configure(EntityTypeBuilder<Fact> fact)
    {
        fact.ToTable("facts");
        fact.HasKey(f => f.EventId);
        fact.Property(f => f.EventId).ValueGeneratedNever();
        fact.Property(f => f.Kind).HasMaxLength(40);
        fact.Property(f => f.EventType).HasMaxLength(100);
        fact.Property(f => f.Quarter).HasMaxLength(6);
        fact.Property(f => f.Municipality).HasMaxLength(20);
        fact.Property(f => f.Dimensions).HasJsonbConversion();
        fact.Property(f => f.Values).HasJsonbConversion();
        fact.Property(f => f.Text).HasJsonbConversion();
        fact.Ignore(f => f.QuarterOf);
        fact.HasIndex(f => new { f.Kind, f.Quarter });
        fact.HasIndex(f => new { f.Kind, f.SubjectId });
    }
}
