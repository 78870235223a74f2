using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Platform.EndToEndTests;

/// <summary>
/// The public catalogue page in a real browser (Debian's Chromium driven by Playwright), reached anonymously through
/// the gateway: in each of the four languages, with the language switch, an accessibility check by axe and a screenshot
/// kept under the test results directory.
/// </summary>
public sealed class CatalogueBrowserTests(PlatformFixture platform)
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly Dictionary<string, string> Titles = new(StringComparer.Ordinal)
    {
        ["ka"] = "პროგრამის შედეგების კატალოგი",
        ["az"] = "Proqramın nəticələr kataloqu",
        ["hy"] = "Ծրագրի արդյունքների կատալոգ",
        ["en"] = "Programme results catalogue",
    };

    /// <summary>Where the run keeps its artefacts (the runner's results directory, under the test binaries).</summary>
    private static string ArtefactDirectory() =>
        Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "catalogue")).FullName;

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: ./platform.sh install puts it there (apt-get install chromium).");
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
    }

    [Fact]
    public async Task The_catalogue_reads_in_all_four_languages_switches_language_and_has_no_serious_accessibility_violation()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        var home = new Uri(platform.Gateway.BaseAddress!, "/catalogue");

        foreach (var (language, title) in Titles)
        {
            // The browser's own language choice, as a visitor's browser sends it.
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                Locale = language,
                ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = $"{language};q=1, en;q=0.5" },
            });
            var page = await context.NewPageAsync();
            var response = await page.GotoAsync(home.AbsoluteUri);
            Assert.Equal(200, response!.Status);
            Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
            Assert.Equal(title, (await page.Locator("h1").First.TextContentAsync())?.Trim());
            Assert.True(await page.Locator("svg[role=img]").CountAsync() >= 10, "a chart for every indicator");

            var axe = await page.RunAxe();
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, $"{language}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtefactDirectory(), $"catalogue-{language}.png"), FullPage = true });
        }

        // The language switch is a plain link: from English to Armenian.
        await using var switching = await browser.NewContextAsync(new BrowserNewContextOptions { ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "en" } });
        var english = await switching.NewPageAsync();
        await english.GotoAsync(home.AbsoluteUri);
        await english.Locator("nav a[hreflang=hy]").ClickAsync();
        await english.WaitForURLAsync("**/catalogue?lang=hy");
        Assert.Equal("hy", await english.GetAttributeAsync("html", "lang"));
        Assert.Equal(Titles["hy"], (await english.Locator("h1").First.TextContentAsync())?.Trim());
    }

    [Fact]
    public async Task The_catalogue_is_readable_without_JavaScript()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false });
        var page = await context.NewPageAsync();

        await page.GotoAsync(new Uri(platform.Gateway.BaseAddress!, "/catalogue?lang=ka").AbsoluteUri);

        Assert.Equal(Titles["ka"], (await page.Locator("h1").First.TextContentAsync())?.Trim());
        Assert.True(await page.Locator("article.indicator").CountAsync() >= 10);
        Assert.True(await page.Locator("article.indicator svg[role=img]").First.IsVisibleAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
    }
}
