using Platform.Partnerships.Api;
using Platform.Partnerships.Data;
using Platform.Partnerships.Figures;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformOpenApi("partnerships");
builder.AddServiceDatabase<PartnershipsDbContext>("partnerships-db");
// Consumers of this assembly (Grants' awards) are found by AddPlatformMessaging itself.
builder.AddPlatformMessaging<PartnershipsDbContext>("partnerships", bus => bus.AddOrganizationReplica<PartnershipsDbContext>());
builder.AddPlatformAuthentication();
builder.Services.AddAuthorizationBuilder().AddPartnershipsPolicies();
builder.AddIdempotentCommands();
builder.Services.AddScoped<PersonalDataAccess>();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapGroupsApi();
app.MapMeetingsApi();
app.MapAllianceApi();
app.MapRecommendationsApi();
app.MapSocialServicesApi();
app.MapPilotsApi();
app.MapFiguresApi();
app.MapOrganizationReplicaApi<PartnershipsDbContext>("partnerships");
app.MapAuditTrailApi<PartnershipsDbContext>("partnerships");

app.Run();
