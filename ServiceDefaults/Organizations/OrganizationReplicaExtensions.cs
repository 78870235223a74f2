using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.ServiceDefaults.Domain;
using Platform.ServiceDefaults.Messaging;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Organizations;

/// <summary>What a service reads of an organisation it knows from the registry.</summary>
public sealed record OrganizationReplicaResponse(
    Guid Id, IReadOnlyDictionary<string, string> Name, string Type, string Municipality, int Version, DateTimeOffset UpdatedAt);

public static class OrganizationReplicaExtensions
{
    /// <summary>Maps the <c>organizations</c> table of the projection; call it from the service's <c>OnModelCreating</c>.</summary>
    public static ModelBuilder AddOrganizationReplica(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrganizationReplica>(organization =>
        {
            organization.ToTable("organizations");
            organization.HasKey(o => o.Id);
            organization.Property(o => o.Id).ValueGeneratedNever();
            organization.Property(o => o.Name).HasLocalizedTextConversion();
            organization.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
            organization.Property(o => o.Municipality).HasMaxLength(20);
            organization.HasIndex(o => o.Municipality);
        });
        return modelBuilder;
    }

    /// <summary>Subscribes the service to the registry's events on its own queue, <c>{queue prefix}-organization-replica</c>.</summary>
    public static IBusRegistrationConfigurator AddOrganizationReplica<TDbContext>(this IBusRegistrationConfigurator bus)
        where TDbContext : DbContext, IOutboxDbContext
    {
        bus.AddConsumer<OrganizationReplicaConsumer<TDbContext>, OrganizationReplicaDefinition<TDbContext>>();
        return bus;
    }

    // A generic consumer gets no readable name from the formatter; the service's queue prefix comes from DI.
    private sealed class OrganizationReplicaDefinition<TDbContext> : ConsumerDefinition<OrganizationReplicaConsumer<TDbContext>>
        where TDbContext : DbContext, IOutboxDbContext
    {
        public OrganizationReplicaDefinition(QueueNames queues) => EndpointName = queues.For("organization-replica");
    }

    /// <summary><c>GET /api/{service}/organizations/{id}</c>: the service's copy of a registered organisation.</summary>
    public static RouteGroupBuilder MapOrganizationReplicaApi<TDbContext>(this IEndpointRouteBuilder app, string serviceName)
        where TDbContext : DbContext
    {
        var group = app.MapGroup($"/api/{serviceName}/organizations").WithTags("Organizations")
            .RequireAuthorization(PlatformPolicies.ReadProgrammeData);
        // The handler takes no generic parameter: ASP.NET's route analyzer cannot read one.
        group.MapGet("/{id:guid}", (Guid id, HttpContext http, CancellationToken ct) =>
                GetOrganizationAsync(id, http.RequestServices.GetRequiredService<TDbContext>(), ct))
            .WithName($"Get{serviceName}Organization")
            .WithSummary("An organisation as this service knows it from the registry's events.");
        return group;
    }

    private static async Task<Results<Ok<OrganizationReplicaResponse>, NotFound>> GetOrganizationAsync<TDbContext>(Guid id, TDbContext db, CancellationToken ct)
        where TDbContext : DbContext =>
        await db.Set<OrganizationReplica>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } o
            ? TypedResults.Ok(new OrganizationReplicaResponse(o.Id, o.Name.Values, o.Type.ToString(), o.Municipality, o.Version, o.UpdatedAt))
            : TypedResults.NotFound();
}
