using Platform.ServiceDefaults.Data;

namespace Platform.Media.Data;

internal sealed class MediaDbContextFactory() : DesignTimeDbContextFactory<MediaDbContext>("media");
