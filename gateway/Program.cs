var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddServiceRoutes();

// Authentication and authorization go here once the token server exists (AddAuthentication().AddJwtBearer(...),
// AddAuthorization(...)), then rate limiting (AddRateLimiter(...)). Per-route policies are set in ServiceRoutes.

var app = builder.Build();

// Correlation id first: everything after it, the proxied request included, carries the X-Correlation-Id header.
app.UsePlatformDefaults();

// app.UseAuthentication();
// app.UseAuthorization();
// app.UseRateLimiter();

app.MapDefaultEndpoints();
app.MapServiceRoutes();
app.MapUnknownPathFallback();

app.Run();
