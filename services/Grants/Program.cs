using Platform.Grants.Api;
using Platform.Grants.Data;
using Platform.Grants.Figures;
using Platform.Grants.Funding;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformOpenApi("grants");
builder.AddServiceDatabase<GrantsDbContext>("grants-db");
// Consumers of this assembly (graduates, completed assessments) are found by AddPlatformMessaging itself.
builder.AddPlatformMessaging<GrantsDbContext>("grants", bus => bus.AddOrganizationReplica<GrantsDbContext>());
builder.AddPlatformAuthentication();
builder.Services.AddAuthorizationBuilder().AddGrantsPolicies();
builder.AddIdempotentCommands();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentCommands();
app.MapDefaultEndpoints();

app.MapCallsApi();
app.MapApplicationsApi();
app.MapEvaluationsApi();
app.MapAgreementsApi();
app.MapFiguresApi();
app.MapGraduatesApi();
app.MapOrganizationReplicaApi<GrantsDbContext>("grants");
app.MapAuditTrailApi<GrantsDbContext>("grants");

app.Run();
