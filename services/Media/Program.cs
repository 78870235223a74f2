using Platform.Media.Data;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<MediaDbContext>("media-db");
builder.AddPlatformMessaging<MediaDbContext>("media", bus => bus.AddOrganizationReplica<MediaDbContext>("media"));
builder.AddIdempotentCommands();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapOrganizationReplicaApi<MediaDbContext>("media");

app.Run();
