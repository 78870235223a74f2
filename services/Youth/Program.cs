using Platform.Youth.Data;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<YouthDbContext>("youth-db");
builder.AddPlatformMessaging<YouthDbContext>("youth", bus => bus.AddOrganizationReplica<YouthDbContext>("youth"));
builder.AddIdempotentCommands();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapOrganizationReplicaApi<YouthDbContext>("youth");

app.Run();
