using Microsoft.EntityFrameworkCore;

namespace Platform.ServiceDefaults.Data;

/// <summary>The request's (scoped) DbContext of the service, for shared infrastructure that does not know its type.</summary>
public sealed class ServiceDbContext(DbContext context)
{
    public DbContext Context => context;
}
