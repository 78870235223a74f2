using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's model without starting the service: the same provider
/// and naming convention as at run time, no server needed.
/// </summary>
public abstract class DesignTimeDbContextFactory<TDbContext>(string database) : IDesignTimeDbContextFactory<TDbContext>
    where TDbContext : DbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDbContext>()
            .UseNpgsql($"Host=localhost;Database={database}")
            .UseSnakeCaseNamingConvention()
            .Options;
        return (TDbContext)Activator.CreateInstance(typeof(TDbContext), options)!;
    }
}
