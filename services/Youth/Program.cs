using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;
using Platform.ServiceDefaults.Security;
using Platform.Youth.Api;
using Platform.Contracts.ReferenceData;
using Platform.Youth.Data;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformOpenApi("youth");
builder.AddServiceDatabase<YouthDbContext>("youth-db");
builder.AddPlatformMessaging<YouthDbContext>("youth", bus => bus.AddOrganizationReplica<YouthDbContext>());
builder.AddPlatformAuthentication();
builder.AddIdempotentCommands();
builder.Services.AddScoped<PersonalDataAccess>();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapPeopleApi();
app.MapCohortsApi();
app.MapInternshipsApi();
app.MapCampsApi();
app.MapFiguresApi();
app.MapOrganizationReplicaApi<YouthDbContext>("youth");
app.MapAuditTrailApi<YouthDbContext>("youth");

app.Run();
