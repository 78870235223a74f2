using Platform.Grants.Data;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<GrantsDbContext>("grants-db");
builder.AddPlatformMessaging<GrantsDbContext>("grants", bus => bus.AddOrganizationReplica<GrantsDbContext>("grants"));
builder.AddPlatformAuthentication();
builder.AddIdempotentCommands();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapOrganizationReplicaApi<GrantsDbContext>("grants");
app.MapAuditTrailApi<GrantsDbContext>("grants");

app.Run();
