using Platform.Media.Api;
using Platform.Media.Catalogue;
using Platform.Media.Data;
using Platform.Media.Results;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Audit;
using Platform.ServiceDefaults.Idempotency;
using Platform.ServiceDefaults.Organizations;
using Platform.ServiceDefaults.Security;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddPlatformOpenApi("media");
builder.AddServiceDatabase<MediaDbContext>("media-db");
builder.AddPlatformMessaging<MediaDbContext>("media", bus => bus.AddOrganizationReplica<MediaDbContext>());
builder.AddPlatformAuthentication();
builder.AddIdempotentCommands();
builder.AddResultsFramework();
builder.AddPublicCatalogue();

var app = builder.Build();

app.UsePlatformDefaults();
app.UseAuthentication();
app.UseAuthorization();
app.UseIdempotentCommands();
app.UseOutputCache();
app.MapDefaultEndpoints();

app.MapCampaignsApi();
app.MapOutputsApi();
app.MapEngagementApi();
app.MapVisibilityApi();
app.MapCommunicationFiguresApi();
app.MapPublishedOutputsApi();
app.MapOrganizationReplicaApi<MediaDbContext>("media");
app.MapAuditTrailApi<MediaDbContext>("media");
app.MapResultsFramework();
app.MapPublicCatalogue();

app.Run();
