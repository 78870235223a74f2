using Platform.Identity.Api;
using Platform.Identity.Data;
using Platform.Identity.Setup;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformOpenApi("identity");
builder.AddServiceDatabase<IdentityDbContext>("identity-db");
builder.AddTokenServer();

var app = builder.Build();

app.UseForwardedHeaders();
app.UsePlatformDefaults();
app.UseMiddleware<FormInputGuard>();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapDefaultEndpoints();

app.MapConnectEndpoints();
app.MapRevocationListApi();
app.MapAccountPages();
app.MapUsersApi();
app.MapClientsApi();
app.MapAuditTrailApi<IdentityDbContext>("identity");

app.Run();
