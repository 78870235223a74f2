using Platform.Partnerships.Data;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformOpenApi("partnerships");
builder.AddServiceDatabase<PartnershipsDbContext>("partnerships-db");
builder.AddPlatformMessaging<PartnershipsDbContext>("partnerships", bus => bus.AddOrganizationReplica<PartnershipsDbContext>());
builder.AddPlatformAuthentication();
builder.AddIdempotentCommands();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapOrganizationReplicaApi<PartnershipsDbContext>("partnerships");
app.MapAuditTrailApi<PartnershipsDbContext>("partnerships");

app.Run();
