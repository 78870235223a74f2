using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;

// The stand-in services of the benchmarks, no authentication and no middleware:
//   GET  /api/capacity/ping            one small JSON object: the read endpoint of the gateway benchmark
//   POST /api/bench/organizations      one EF Core insert per request: the baseline of the write path, when
//                                      ConnectionStrings:bench-db is set (the table is created at start)
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, BenchJson.Default));
var connectionString = builder.Configuration.GetConnectionString("bench-db");
if (connectionString is not null)
{
    // The same pool bound as a platform service's (Database:MaxPoolSize, 40).
    builder.Services.AddDbContextPool<BaselineDb>(options => options.UseNpgsql($"{connectionString};Maximum Pool Size=40"));
}

var app = builder.Build();
app.MapGet("/api/capacity/ping", () => Results.Json(new Ping("capacity", true, 42), BenchJson.Default.Ping));
if (connectionString is not null)
{
    await using (var scope = app.Services.CreateAsyncScope())
    {
        await scope.ServiceProvider.GetRequiredService<BaselineDb>().Database.EnsureCreatedAsync();
    }

    app.MapPost("/api/bench/organizations", async (NewOrganization request, BaselineDb db, CancellationToken ct) =>
    {
        var row = new OrganizationRow { Id = Guid.CreateVersion7(), Name = request.Name, Municipality = request.Municipality, RegisteredAt = DateTimeOffset.UtcNow };
        db.Organizations.Add(row);
        await db.SaveChangesAsync(ct);
        return Results.Json(row, BenchJson.Default.OrganizationRow, statusCode: StatusCodes.Status201Created);
    });
}

app.Run();

public sealed record Ping(string Service, bool Ok, int Places);

public sealed record NewOrganization(string Name, string Municipality);

public sealed class OrganizationRow
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public string Municipality { get; set; } = "";

    public DateTimeOffset RegisteredAt { get; set; }
}

public sealed class BaselineDb(DbContextOptions<BaselineDb> options) : DbContext(options)
{
    public DbSet<OrganizationRow> Organizations => Set<OrganizationRow>();
}

[JsonSerializable(typeof(Ping))]
[JsonSerializable(typeof(NewOrganization))]
[JsonSerializable(typeof(OrganizationRow))]
internal sealed partial class BenchJson : JsonSerializerContext;
