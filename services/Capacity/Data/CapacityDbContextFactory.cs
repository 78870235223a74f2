using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Capacity.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class CapacityDbContextFactory : IDesignTimeDbContextFactory<CapacityDbContext>
{
    public CapacityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CapacityDbContext>().UseNpgsql("Host=localhost;Database=capacity").UseSnakeCaseNamingConvention().Options);
}
