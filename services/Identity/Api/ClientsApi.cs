using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenIddict.Abstractions;
using Platform.Identity.Clients;
using Platform.Identity.Data;

namespace Platform.Identity.Api;

/// <summary>The programme admin registers and removes machine clients (client credentials).</summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/clients").WithTags("Clients").RequireAuthorization(PlatformPolicies.ProgrammeAdmin);

        api.MapPost("/", CreateClient).WithName("CreateClient").WithSummary("Register a machine client; its secret is returned once");
        api.MapGet("/{clientId}", GetClient).WithName("GetClient").WithSummary("A machine client by client id");
        api.MapDelete("/{clientId}", DeleteClient).WithName("DeleteClient").WithSummary("Remove a machine client and revoke what it was given");
        return api;
    }

    public static async Task<Results<Created<ClientResponse>, ValidationProblem, ProblemHttpResult>> CreateClient(
        CreateClientRequest request, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (MachineClient.Create(request.ClientId, request.DisplayName, request.Roles, request.OrganizationId, errors, request.ParticipantId) is not { } client)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (await applications.FindByClientIdAsync(client.ClientId, ct) is not null)
        {
            return Duplicate(client.ClientId);
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        try
        {
            await applications.CreateAsync(client.ToDescriptor(secret), ct);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Duplicate(client.ClientId);
        }

        return TypedResults.Created($"/api/identity/clients/{client.ClientId}", ClientResponse.From(client, secret));
    }

    public static async Task<Results<Ok<ClientResponse>, NotFound>> GetClient(string clientId, IOpenIddictApplicationManager applications, CancellationToken ct) =>
        await FindMachineClient(clientId, applications, ct) is ({ } client, _)
            ? TypedResults.Ok(ClientResponse.From(client))
            : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteClient(
        string clientId, IOpenIddictApplicationManager applications, IdentityDbContext db, CancellationToken ct)
    {
        var (client, application) = await FindMachineClient(clientId, applications, ct);
        if (application is null)
        {
            return TypedResults.NotFound();
        }

        if (client is null)
        {
            return TypedResults.Problem(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Not a machine client",
                Detail = $"{clientId} is the platform's own sign-in client; it is configured, not created through this API.",
            });
        }

        // OpenIddict removes the client's authorizations and tokens in one transaction: run it as one retriable unit.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(() => applications.DeleteAsync(application, ct).AsTask());
        return TypedResults.NoContent();
    }

    private static async Task<(MachineClient? Client, object? Application)> FindMachineClient(
        string clientId, IOpenIddictApplicationManager applications, CancellationToken ct)
    {
        if (await applications.FindByClientIdAsync(clientId, ct) is not { } application)
        {
            return (null, null);
        }

        var client = MachineClient.From(
            clientId, await applications.GetDisplayNameAsync(application, ct), await applications.GetPropertiesAsync(application, ct));
        return (client, application);
    }

    private static ProblemHttpResult Duplicate(string clientId) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Client id already in use",
            Detail = $"A client with the id {clientId} exists already.",
        });
}
