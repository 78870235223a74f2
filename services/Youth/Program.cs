using Platform.Youth.Data;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<YouthDbContext>("youth-db");
builder.AddPlatformMessaging<YouthDbContext>("youth", bus => bus.AddOrganizationReplica<YouthDbContext>("youth"));
builder.AddPlatformAuthentication();
builder.AddIdempotentCommands();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapOrganizationReplicaApi<YouthDbContext>("youth");
app.MapAuditTrailApi<YouthDbContext>("youth");

app.Run();
