
var builder = WebApplication.CreateBuilder(args);

var gateway = GatewayOptions.From(builder.Configuration);
builder.AddServiceDefaults();
builder.AddGatewayPolicies(gateway);
builder.AddServiceRoutes(gateway);
builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(RequestGuard.ReadHeadersAsLatin1);

var app = builder.Build();

// Correlation id first: everything after it, the proxied request included, carries the X-Correlation-Id header.
app.UsePlatformDefaults();
app.UseMiddleware<RequestGuard>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapServiceRoutes();
app.MapUnknownPathFallback();

app.Run();
