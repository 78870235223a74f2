using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace Platform.Media.Catalogue;

public static class PublicCatalogueExtensions
{
    /// <summary>Stories drafted from events (their consumer is found with the assembly's), the public JSON API and the server-rendered pages at <c>/catalogue</c>.</summary>
    public static IHostApplicationBuilder AddPublicCatalogue(this IHostApplicationBuilder builder)
    {
        builder.AddCatalogueCaching();
        builder.Services.AddScoped<PublicFigures>();
        builder.Services.AddRazorPages(pages => pages.RootDirectory = "/Catalogue/Pages");
        // Georgian, Armenian and Azerbaijani text as characters, not as numeric character references.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication MapPublicCatalogue(this WebApplication app)
    {
        app.MapStoriesApi();
        app.MapCatalogueApi();
        app.MapRazorPages().AllowAnonymous().CacheOutput(CatalogueCaching.PagePolicy);
        app.MapGet("/catalogue/assets/catalogue.css", () => TypedResults.Text(CatalogueStyle.Css, "text/css"))
            .AllowAnonymous().CacheOutput(CatalogueCaching.Policy).ExcludeFromDescription();
        return app;
    }
}
