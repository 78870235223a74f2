using Platform.ServiceDefaults.Data;

namespace Platform.Identity.Data;

internal sealed class IdentityDbContextFactory() : DesignTimeDbContextFactory<IdentityDbContext>("identity");
