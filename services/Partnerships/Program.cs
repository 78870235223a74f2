using Platform.Partnerships.Data;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<PartnershipsDbContext>("partnerships-db");
builder.AddPlatformMessaging<PartnershipsDbContext>("partnerships", bus => bus.AddOrganizationReplica<PartnershipsDbContext>("partnerships"));
builder.AddIdempotentCommands();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapOrganizationReplicaApi<PartnershipsDbContext>("partnerships");

app.Run();
