using System.Globalization;
using Microsoft.Net.Http.Headers;
using Platform.Contracts.ReferenceData;

namespace Platform.Media.Catalogue;

/// <summary>The page's language: <c>?lang=</c> (the language switch) wins, then the browser's Accept-Language, then English.</summary>
public static class CatalogueLanguage
{
    public static string Of(HttpRequest request)
    {
        var chosen = request.Query["lang"].ToString();
        if (Language.IsKnown(chosen))
        {
            return chosen;
        }

        if (StringWithQualityHeaderValue.TryParseList([.. request.Headers.AcceptLanguage.OfType<string>()], out var accepted) && accepted is not null)
        {
            foreach (var language in accepted.OrderByDescending(a => a.Quality ?? 1))
            {
                var code = language.Value.Value?.Split('-')[0].ToLower(CultureInfo.InvariantCulture);
                if (Language.IsKnown(code))
                {
                    return code!;
                }
            }
        }

        return Language.English;
    }
}
