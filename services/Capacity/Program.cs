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
builder.Services.AddAuthorizationBuilder().AddCapacityPolicies();
builder.AddIdempotentCommands();
builder.Services.AddScoped<PersonalDataAccess>();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapOrganizationsApi();
app.MapInstrumentsApi();
app.MapAssessmentsApi();
app.MapActionPlansApi();
app.MapParticipantsApi();
app.MapActivitiesApi();
app.MapFiguresApi();
app.MapAuditTrailApi<CapacityDbContext>("capacity");

app.Run();
