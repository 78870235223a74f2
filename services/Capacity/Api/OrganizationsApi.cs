using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Platform.Capacity.Data;
using Platform.Capacity.Organizations;
using Platform.Contracts.Capacity;
using Platform.Contracts.ReferenceData;
using Platform.ServiceDefaults.Security;

namespace Platform.Capacity.Api;

/// <summary>The organisation registry: register, update, read and list organisations.</summary>
public static class OrganizationsApi
{
    public static RouteGroupBuilder MapOrganizationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/capacity/organizations").WithTags("Organizations")
            .RequireAuthorization(PlatformPolicies.ReadProgrammeData);

        api.MapPost("/", RegisterOrganization).WithName("RegisterOrganization").WithSummary("Register an organisation")
            .RequireAuthorization(PlatformPolicies.WriteIn("capacity"));
        api.MapPut("/{id:guid}", UpdateOrganization).WithName("UpdateOrganization").WithSummary("Replace an organisation's registry entry")
            .RequireAuthorization(PlatformPolicies.WriteIn("capacity"));
        api.MapGet("/{id:guid}", GetOrganization).WithName("GetOrganization").WithSummary("An organisation by id");
        api.MapGet("/", ListOrganizations).WithName("ListOrganizations").WithSummary("Organisations, paged, by municipality and type");
        return api;
    }

    public static async Task<Results<Created<OrganizationResponse>, ValidationProblem>> RegisterOrganization(
        OrganizationRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (request.ToDetails(errors) is not { } details)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var (organization, registered) = Organization.Register(details, clock.GetUtcNow());
        db.Organizations.Add(organization);
        db.AddIntegrationEvent(registered);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/capacity/organizations/{organization.Id}", OrganizationResponse.From(organization));
    }

    public static async Task<Results<Ok<OrganizationResponse>, NotFound, ValidationProblem>> UpdateOrganization(
        Guid id, OrganizationRequest request, CapacityDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var details = request.ToDetails(errors);
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null)
        {
            return TypedResults.NotFound();
        }

        if (details is null)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        if (organization.Update(details, clock.GetUtcNow()) is { } updated)
        {
            db.AddIntegrationEvent(updated);
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(OrganizationResponse.From(organization));
    }

    public static async Task<Results<Ok<OrganizationResponse>, NotFound>> GetOrganization(Guid id, CapacityDbContext db, CancellationToken ct) =>
        await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } organization
            ? TypedResults.Ok(OrganizationResponse.From(organization))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<PagedList<OrganizationResponse>>, ValidationProblem>> ListOrganizations(
        [AsParameters] OrganizationQuery query, CapacityDbContext db, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var paging = new Paging(query.Page, query.PageSize);
        paging.Validate(errors);
        if (query.Municipality is not null && !Municipality.IsKnown(query.Municipality))
        {
            errors.Add("municipality", $"Use one of {string.Join(", ", Municipality.All)}.");
        }

        OrganizationType? type = null;
        if (query.Type is not null)
        {
            if (Enum.TryParse<OrganizationType>(query.Type, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(query.Type[0]))
            {
                type = parsed;
            }
            else
            {
                errors.Add("type", $"Use one of {string.Join(", ", Enum.GetNames<OrganizationType>())}.");
            }
        }

        if (errors.Any)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary());
        }

        var organizations = db.Organizations.AsNoTracking();
        if (query.Municipality is not null)
        {
            organizations = organizations.Where(o => o.Municipality == query.Municipality);
        }

        if (type is not null)
        {
            organizations = organizations.Where(o => o.Type == type);
        }

        var total = await organizations.LongCountAsync(ct);
        var page = await organizations.OrderBy(o => o.RegisteredAt).ThenBy(o => o.Id)
            .Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return TypedResults.Ok(new PagedList<OrganizationResponse>(page.Select(OrganizationResponse.From).ToList(), paging.Number, paging.Size, total));
    }
}

public sealed record OrganizationQuery(string? Municipality, string? Type, int? Page, int? PageSize);
