// "The service" of the gateway benchmark: one small JSON read endpoint, no authentication, no middleware.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);

var app = builder.Build();
app.MapGet("/api/capacity/ping", () => Results.Json(new Ping("capacity", true, 42), PingJson.Default.Ping));
app.Run();

public sealed record Ping(string Service, bool Ok, int Places);

[System.Text.Json.Serialization.JsonSerializable(typeof(Ping))]
internal sealed partial class PingJson : System.Text.Json.Serialization.JsonSerializerContext;
