
namespace Platform.Grants.Data;

internal sealed class GrantsDbContextFactory() : DesignTimeDbContextFactory<GrantsDbContext>("grants");
