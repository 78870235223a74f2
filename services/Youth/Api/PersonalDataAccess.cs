using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Security;
using Platform.Youth.Data;

namespace Platform.Youth.Api;

/// <summary>Whether the caller may see the personal data Youth holds: the Youth team and the programme admin.</summary>
public sealed class PersonalDataAccess(IAuthorizationService authorization, IHttpContextAccessor http)
{
    public static readonly string Policy = PlatformPolicies.PersonalDataOf("youth");

    public async Task<bool> AllowedAsync() =>
        http.HttpContext is { } context && (await authorization.AuthorizeAsync(context.User, Policy)).Succeeded;
}

internal static class Locks
{
    /// <summary>
    /// Runs <paramref name="work"/> in a transaction under the database's retry strategy (a retried attempt starts
    /// from a clean change tracker).
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this YouthDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            var result = await work(token);
            await transaction.CommitAsync(token);
            return result;
        }, ct);
}
