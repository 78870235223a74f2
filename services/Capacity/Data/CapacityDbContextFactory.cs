using Platform.ServiceDefaults.Data;

namespace Platform.Capacity.Data;

internal sealed class CapacityDbContextFactory() : DesignTimeDbContextFactory<CapacityDbContext>("capacity");
