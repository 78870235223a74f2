var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();

var app = builder.Build();

app.UsePlatformDefaults();
app.MapDefaultEndpoints();

app.Run();
