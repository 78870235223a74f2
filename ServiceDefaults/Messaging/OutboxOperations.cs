using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// What an operator does about dead events (see <see cref="OutboxDispatcher{TDbContext}"/>), on every service with
/// an outbox, for the programme admin only: list them with their last error, and re-drive them once the cause is
/// fixed (a consumer deployed that knows the type again, a payload repaired): they are due again with a fresh count
/// of attempts. Called on the service itself (not through the gateway); docs/operations.md has the commands.
/// </summary>
public static class OutboxOperations
{
    public const string Path = "/operations/outbox/dead";

    public static IEndpointRouteBuilder MapOutboxOperations(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup(Path).RequireAuthorization(PlatformPolicies.ProgrammeAdmin).ExcludeFromDescription();
        operations.MapGet("/", ListDead).WithName("ListDeadEvents");
        operations.MapPost("/redrive", Redrive).WithName("RedriveDeadEvents");
        return app;
    }

    public sealed record DeadEvent(Guid Id, string MessageType, int Attempts, string? LastError, DateTimeOffset CreatedAt);

    public sealed record Redriven(int Count);

    private static async Task<IResult> ListDead(HttpContext context, IOptions<OutboxOptions> options, CancellationToken ct)
    {
        var maxAttempts = options.Value.MaxAttempts;
        var db = context.RequestServices.GetRequiredService<ServiceDbContext>().Context;
        var dead = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null && m.Attempts >= maxAttempts)
            .OrderBy(m => m.CreatedAt).Take(100)
            .Select(m => new DeadEvent(m.Id, m.MessageType, m.Attempts, m.LastError, m.CreatedAt))
            .ToListAsync(ct);
        return Results.Ok(dead);
    }

    /// <summary>Re-drives one dead event (<c>?id=</c>) or all of them.</summary>
    private static async Task<IResult> Redrive(HttpContext context, Guid? id, IOptions<OutboxOptions> options, TimeProvider clock, OutboxSignal signal, CancellationToken ct)
    {
        var maxAttempts = options.Value.MaxAttempts;
        var now = clock.GetUtcNow();
        var db = context.RequestServices.GetRequiredService<ServiceDbContext>().Context;
        var count = await db.Set<OutboxMessage>()
            .Where(m => m.SentAt == null && m.Attempts >= maxAttempts && (id == null || m.Id == id))
            .ExecuteUpdateAsync(row => row.SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), ct);
        signal.Notify();
        return Results.Ok(new Redriven(count));
    }
}
