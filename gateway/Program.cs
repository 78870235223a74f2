using Platform.Gateway.Docs;

var builder = WebApplication.CreateBuilder(args);

var gateway = GatewayOptions.From(builder.Configuration);
builder.AddServiceDefaults();
builder.AddGatewayPolicies(gateway);
builder.AddApiReference(gateway);
builder.AddServiceRoutes(gateway);
builder.AddRequestGuard();

var app = builder.Build();

// The client's address first (from X-Forwarded-For of trusted proxies only), then the correlation id: everything
// after it, the proxied request included, carries the X-Correlation-Id header.
app.UseRealClientAddress(gateway);
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
