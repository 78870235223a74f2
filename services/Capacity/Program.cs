using Platform.Capacity.Api;
using Platform.Capacity.Data;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformOpenApi("capacity");
builder.AddServiceDatabase<CapacityDbContext>("capacity-db");
builder.AddPlatformMessaging<CapacityDbContext>("capacity");
builder.AddPlatformAuthentication();
builder.AddIdempotentCommands();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapOrganizationsApi();
app.MapAuditTrailApi<CapacityDbContext>("capacity");

app.Run();
