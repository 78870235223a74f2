using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Messaging;

/// <summary>
/// What an operator does about messages MassTransit moved to a consumer's <c>_error</c> queue (see
/// <see cref="ErrorQueues"/>), on every service with consumers, for the programme admin only: see how many wait in
/// each, and once the cause is fixed move them back to their queue (one, <c>?queue=</c>, or all). Called on the
/// service itself, like <see cref="OutboxOperations"/>; docs/operations.md has the commands.
/// </summary>
public static class ErrorQueueOperations
{
    public const string Path = "/operations/messaging/error-queues";

    public static IEndpointRouteBuilder MapErrorQueueOperations(this IEndpointRouteBuilder app)
    {
        var operations = app.MapGroup(Path).RequireAuthorization(PlatformPolicies.ProgrammeAdmin).ExcludeFromDescription();
        operations.MapGet("/", List).WithName("ListErrorQueues");
        operations.MapPost("/redrive", Redrive).WithName("RedriveErrorQueues");
        return app;
    }

    public sealed record Redriven(string Queue, int Count);

    private static async Task<IResult> List(ErrorQueues errorQueues, CancellationToken ct)
    {
        try
        {
            return Results.Ok(await errorQueues.ReadAsync(ct));
        }
        catch (Exception ex) when (ErrorQueues.IsBrokerUnavailable(ex))
        {
            return BrokerUnavailable();
        }
    }

    private static async Task<IResult> Redrive(ErrorQueues errorQueues, string? queue, CancellationToken ct)
    {
        if (queue is not null && !errorQueues.Queues.Contains(queue))
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such queue", detail: $"'{queue}' is not a consumer queue of this service.");
        }

        var redriven = new List<Redriven>();
        try
        {
            foreach (var name in queue is null ? errorQueues.Queues : [queue])
            {
                redriven.Add(new Redriven(name, await errorQueues.RedriveAsync(name, ct)));
            }
        }
        catch (Exception ex) when (ErrorQueues.IsBrokerUnavailable(ex))
        {
            return BrokerUnavailable(); // what was moved before stays moved; a repeat moves the rest
        }

        return Results.Ok(redriven);
    }

    private static IResult BrokerUnavailable() =>
        Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The message broker cannot be reached", detail: "Try again when RabbitMQ is back.");
}
