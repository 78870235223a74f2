using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using Platform.Identity.Clients;
using Platform.Identity.Data;
using Platform.Identity.Registry;
using Platform.Identity.Tokens;

namespace Platform.Identity.Api;

/// <summary>The programme admin registers, lists, rotates the secrets of and removes machine clients (client credentials).</summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/identity/clients").WithTags("Clients").RequireAuthorization(PlatformPolicies.ProgrammeAdmin);

        api.MapPost("/", CreateClient).WithName("CreateClient").WithSummary("Register a machine client; its secret is returned once");
        api.MapGet("/", ListClients).WithName("ListClients").WithSummary("Machine clients, paged, by client id (never their secrets)");
        api.MapGet("/{clientId}", GetClient).WithName("GetClient").WithSummary("A machine client by client id");
        api.MapPost("/{clientId}/secret", RotateSecret).WithName("RotateClientSecret")
            .WithSummary("A new secret, returned once; the old one stops working at once and tokens obtained with it are refused within seconds");
        api.MapDelete("/{clientId}", DeleteClient).WithName("DeleteClient").WithSummary("Remove a machine client and revoke what it was given");
        return api;
    }

    public static async Task<Results<Created<ClientResponse>, ValidationProblem, ProblemHttpResult>> CreateClient(
        CreateClientRequest request, IOpenIddictApplicationManager applications, OrganizationRegistry registry, HttpContext context, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (MachineClient.Create(request.ClientId, request.DisplayName, request.Roles, request.OrganizationId, errors, request.ParticipantId) is not { } client)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (await registry.CheckAsync(client.OrganizationId, context, errors) is ProblemHttpResult unavailable)
        {
            return unavailable;
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (await applications.FindByClientIdAsync(client.ClientId, ct) is not null)
        {
            return Duplicate(client.ClientId);
        }

        var secret = NewSecret();
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

    public static async Task<Results<Ok<PagedList<ClientResponse>>, ValidationProblem>> ListClients(
        [AsParameters] ClientQuery query, IdentityDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        if (query.Role is not null)
        {
            Users.Membership.ValidateRole(query.Role, "role", errors);
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        // Machine clients are the confidential ones marked by the admin API (the web client is public and seeded).
        var marker = $"\"{MachineClient.KindProperty}\":\"{MachineClient.Kind}\"";
        var clients = db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking()
            .Where(a => a.ClientType == OpenIddictConstants.ClientTypes.Confidential && a.Properties != null && a.Properties.Contains(marker));
        if (query.Role is not null)
        {
            var role = JsonSerializer.Serialize(query.Role);
            clients = clients.Where(a => a.Properties!.Contains(role));
        }

        var total = await clients.LongCountAsync(ct);
        var page = await clients.OrderBy(a => a.ClientId).Skip(paging.Skip).Take(paging.Size)
            .Select(a => new { a.ClientId, a.DisplayName, a.Properties }).ToListAsync(ct);
        var items = page
            .Select(a => MachineClient.From(a.ClientId!, a.DisplayName, JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(a.Properties!)!))
            .OfType<MachineClient>()
            .Select(c => ClientResponse.From(c))
            .ToList();
        return TypedResults.Ok(new PagedList<ClientResponse>(items, paging.Number, paging.Size, total));
    }

    public static async Task<Results<Ok<ClientResponse>, NotFound>> RotateSecret(
        string clientId, IOpenIddictApplicationManager applications, IdentityDbContext db, TokenRevoker revoker, CancellationToken ct)
    {
        var (client, application) = await FindMachineClient(clientId, applications, ct);
        if (client is null || application is null)
        {
            return TypedResults.NotFound();
        }

        // No grace period: a secret is rotated because it may have leaked. The client's tokens go with the old secret.
        var secret = NewSecret();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await applications.UpdateAsync(application, secret, ct);
            await revoker.RevokeSubjectAsync(client.ClientId, ct);
            await transaction.CommitAsync(ct);
        });
        return TypedResults.Ok(ClientResponse.From(client, secret));
    }

    public static async Task<Results<Ok<ClientResponse>, NotFound>> GetClient(string clientId, IOpenIddictApplicationManager applications, CancellationToken ct) =>
        await FindMachineClient(clientId, applications, ct) is ({ } client, _)
            ? TypedResults.Ok(ClientResponse.From(client))
            : TypedResults.NotFound();

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteClient(
        string clientId, IOpenIddictApplicationManager applications, IdentityDbContext db, TokenRevoker revoker, CancellationToken ct)
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

        // OpenIddict removes the client's authorizations and tokens; its access tokens go on the revocation list. One retriable unit.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await applications.DeleteAsync(application, ct);
            await revoker.RevokeSubjectAsync(client.ClientId, ct);
            await transaction.CommitAsync(ct);
        });
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

    private static string NewSecret() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static ProblemHttpResult Duplicate(string clientId) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Client id already in use",
            Detail = $"A client with the id {clientId} exists already.",
        });
}
