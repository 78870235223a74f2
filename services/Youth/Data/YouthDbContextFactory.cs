using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Youth.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class YouthDbContextFactory : IDesignTimeDbContextFactory<YouthDbContext>
{
    public YouthDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<YouthDbContext>().UseNpgsql("Host=localhost;Database=youth").UseSnakeCaseNamingConvention().Options);
}
