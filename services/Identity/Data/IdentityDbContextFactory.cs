using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Identity.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class IdentityDbContextFactory : IDesignTimeDbContextFactory<IdentityDbContext>
{
    public IdentityDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<IdentityDbContext>().UseNpgsql("Host=localhost;Database=identity").UseSnakeCaseNamingConvention().Options);
}
