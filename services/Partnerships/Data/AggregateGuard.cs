using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Platform.Partnerships.Data;

internal static class AggregateGuard
{
    /// <summary>
    /// A change to an aggregate's children only (a member, a representative, attendance, a decision) leaves the aggregate's
    /// row untouched, so its row version would not be checked: writing one of its columns again makes the save fail with
    /// <c>concurrent-change</c> when someone else changed the aggregate meanwhile (two members leaving at once, attendance
    /// recorded while the minutes are approved).
    /// </summary>
    public static void GuardRowVersion<TEntity, TProperty>(this DbContext db, TEntity aggregate, Expression<Func<TEntity, TProperty>> column)
        where TEntity : class =>
        db.Entry(aggregate).Property(column).IsModified = true;
}
