using Platform.Media.Data;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformOpenApi("media");
builder.AddServiceDatabase<MediaDbContext>("media-db");
builder.AddPlatformMessaging<MediaDbContext>("media", bus => bus.AddOrganizationReplica<MediaDbContext>());
builder.AddPlatformAuthentication();
builder.AddIdempotentCommands();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapOrganizationReplicaApi<MediaDbContext>("media");
app.MapAuditTrailApi<MediaDbContext>("media");

app.Run();
