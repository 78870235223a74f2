using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Grants;
using Platform.Partnerships.Data;

namespace Platform.Partnerships.Awards;

/// <summary>Keeps the grant awards pilot initiatives may link to, from Grants' events; each event applied once.</summary>
public sealed class GrantAwardsConsumer(Inbox<PartnershipsDbContext> inbox) : IConsumer<GrantAwarded>
{
    public Task Consume(ConsumeContext<GrantAwarded> context)
    {
        var e = context.Message;
        return inbox.ApplyOnceAsync(e, "grant-awards", async (db, ct) =>
        {
            // An award is made once; a repeated event with a new id changes nothing.
            if (!await db.GrantAwards.AnyAsync(a => a.AwardId == e.AwardId, ct))
            {
                db.GrantAwards.Add(GrantAward.From(e));
            }
        }, context.CancellationToken);
    }
}
