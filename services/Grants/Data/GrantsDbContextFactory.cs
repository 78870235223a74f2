using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Grants.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class GrantsDbContextFactory : IDesignTimeDbContextFactory<GrantsDbContext>
{
    public GrantsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<GrantsDbContext>().UseNpgsql("Host=localhost;Database=grants").UseSnakeCaseNamingConvention().Options);
}
