using Yarp.ReverseProxy.Configuration;

// The baseline of the gateway benchmark: YARP with one route to the target and nothing else (no
// authentication, rate limiting, correlation id, telemetry or service discovery). Bench:Target is the
// target's base address, e.g. http://127.0.0.1:15101.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var target = builder.Configuration["Bench:Target"]
    ?? throw new InvalidOperationException("Bench:Target (the target's base address) is not set.");

builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "capacity", ClusterId = "capacity", Match = new RouteMatch { Path = "/api/capacity/{**rest}" } }],
    [new ClusterConfig
    {
        ClusterId = "capacity",
        Destinations = new Dictionary<string, DestinationConfig> { ["capacity"] = new() { Address = target } },
    }]);

var app = builder.Build();
app.MapReverseProxy();
app.Run();
