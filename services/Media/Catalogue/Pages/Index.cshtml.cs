using Microsoft.AspNetCore.Mvc.RazorPages;
using Platform.ServiceDefaults.Http;

namespace Platform.Media.Catalogue.Pages;

/// <summary>The catalogue's home page: every result's indicators against their targets, and the latest stories.</summary>
public sealed class IndexModel(PublicFigures figures) : PageModel
{
    public string Language { get; private set; } = "en";

    public IReadOnlyList<PublicResult> Results { get; private set; } = [];

    public IReadOnlyList<PublicStoryResponse> Stories { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Language = CatalogueLanguage.Of(Request);
        Results = await figures.ResultsAsync(null, ct);
        Stories = (await figures.StoriesAsync(null, new Paging(1, 20), ct)).Items;
    }
}
