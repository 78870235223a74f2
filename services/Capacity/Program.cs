using Platform.Capacity.Api;
using Platform.Capacity.Data;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Idempotency;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceDatabase<CapacityDbContext>("capacity-db");
builder.AddPlatformMessaging<CapacityDbContext>("capacity");
builder.AddIdempotentCommands();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapOrganizationsApi();

app.Run();
