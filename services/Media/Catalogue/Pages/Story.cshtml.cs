using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Platform.Media.Catalogue.Pages;

/// <summary>A published story's own page; anything not published is a 404.</summary>
public sealed class StoryModel(PublicFigures figures) : PageModel
{
    public string Language { get; private set; } = "en";

    public PublicStoryResponse? Story { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Language = CatalogueLanguage.Of(Request);
        Story = await figures.StoryAsync(id, ct);
        return Story is null ? NotFound() : Page();
    }
}
