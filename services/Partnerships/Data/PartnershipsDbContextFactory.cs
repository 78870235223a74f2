using Platform.ServiceDefaults.Data;

namespace Platform.Partnerships.Data;

internal sealed class PartnershipsDbContextFactory() : DesignTimeDbContextFactory<PartnershipsDbContext>("partnerships");
