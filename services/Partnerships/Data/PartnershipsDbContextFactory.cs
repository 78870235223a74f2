using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Platform.Partnerships.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the service.</summary>
internal sealed class PartnershipsDbContextFactory : IDesignTimeDbContextFactory<PartnershipsDbContext>
{
    public PartnershipsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PartnershipsDbContext>().UseNpgsql("Host=localhost;Database=partnerships").UseSnakeCaseNamingConvention().Options);
}
