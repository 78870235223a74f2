using Platform.Grants.Data;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<GrantsDbContext>("grants-db");
builder.AddPlatformMessaging<GrantsDbContext>("grants", bus => bus.AddOrganizationReplica<GrantsDbContext>("grants"));
builder.AddIdempotentCommands();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapOrganizationReplicaApi<GrantsDbContext>("grants");

app.Run();
