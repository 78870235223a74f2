using Platform.Gateway.Docs;

var builder = WebApplication.CreateBuilder(args);

var gateway = GatewayOptions.From(builder.Configuration);
builder.AddServiceDefaults();
builder.AddGatewayPolicies(gateway);
builder.AddApiReference(gateway);
builder.AddServiceRoutes(gateway);
builder.AddRequestGuard();

var app = builder.Build();

// Correlation id first: everything after it, the proxied request included, carries the X-Correlation-Id header.
app.UsePlatformDefaults();
app.UseRequestGuard();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapServiceRoutes();
app.MapApiReference();
app.MapUnknownPathFallback();

app.Run();
