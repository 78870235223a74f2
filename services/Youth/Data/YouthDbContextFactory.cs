
namespace Platform.Youth.Data;

internal sealed class YouthDbContextFactory() : DesignTimeDbContextFactory<YouthDbContext>("youth");
