using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.IntegrationTests.Infrastructure;

namespace Platform.IntegrationTests.Capacity;

/// <summary>
/// A real service (its own Program) in memory, against the shared PostgreSQL, RabbitMQ and Redis, on its own database.
/// <typeparamref name="TEntryPoint"/> is any type of the service's assembly.
/// </summary>
public sealed class ServiceApp<TEntryPoint>(PlatformServers servers, string databaseConnectionName, string databaseConnectionString)
    : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public string DatabaseConnectionString => databaseConnectionString;

    /// <summary>Starts the service (migrations applied, consumers' queues bound) and returns a client for it.</summary>
    public Task<HttpClient> StartAsync() =>
        HostStartGate.RunAsync(async () =>
        {
            var client = CreateClient();
            await Eventually.HoldsAsync(
                () => Task.FromResult(Services.GetRequiredService<IBusControl>().CheckHealth().Status == BusHealthStatus.Healthy),
                TimeSpan.FromSeconds(60), $"the bus of {typeof(TEntryPoint).Assembly.GetName().Name} to be healthy");
            return client;
        });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting($"ConnectionStrings:{databaseConnectionName}", databaseConnectionString);
        builder.UseSetting("ConnectionStrings:messaging", servers.RabbitMqUri);
        builder.UseSetting("ConnectionStrings:cache", servers.RedisConnectionString);
        // Added last, so it wins over the service's appsettings.json.
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        }));
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(options =>
        {
            options.WaitUntilStarted = true;
            options.StartTimeout = TimeSpan.FromSeconds(60);
            options.StopTimeout = TimeSpan.FromSeconds(10);
        }));
    }
}
