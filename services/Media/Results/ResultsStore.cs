using Platform.ServiceDefaults.Domain;
using Microsoft.EntityFrameworkCore;
using Platform.Media.Data;

namespace Platform.Media.Results;

/// <summary>Loads what figures are computed from: the facts, the organisation replica and the quarter locks.</summary>
public sealed class ResultsStore(MediaDbContext db, TimeProvider clock)
{
    /// <summary>The quarter of today: actuals run from the programme's start to it.</summary>
    public Quarter CurrentQuarter
    {
        get
        {
            var current = Quarter.Of(clock.Today());
            return current < Quarter.ProgrammeStart ? Quarter.ProgrammeStart : current;
        }
    }

    public async Task<ResultsCalculator> CalculatorAsync(CancellationToken ct)
    {
        var facts = await db.Facts.AsNoTracking().ToListAsync(ct);
        var organizations = await db.Organizations.AsNoTracking()
            .Select(o => new { o.Id, o.Municipality, o.Type })
            .ToDictionaryAsync(o => o.Id, o => new OrganizationFacts(o.Municipality, o.Type.ToString()), ct);
        var locks = await db.QuarterLocks.AsNoTracking().ToDictionaryAsync(l => l.Quarter, l => l.LockedAt, ct);
        return new ResultsCalculator(facts, organizations, locks);
    }
}
