namespace Platform.Media.Catalogue;

/// <summary>The catalogue's one stylesheet: plain, high-contrast, readable without JavaScript and on a phone.</summary>
public static class CatalogueStyle
{
    public const string Css = """
        :root { --ink: #1b1b1b; --muted: #4a4a4a; --accent: #003399; --bar: #d9e1f2; --done: #1f6f43; }
        * { box-sizing: border-box; }
        body { margin: 0; font-family: "DejaVu Sans", system-ui, sans-serif; color: var(--ink); background: #fff; line-height: 1.5; }
        header, main, footer { max-width: 64rem; margin: 0 auto; padding: 1rem; }
        header { border-bottom: 4px solid var(--accent); }
        a { color: var(--accent); }
        nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; margin: .5rem 0; }
        nav a[aria-current] { font-weight: bold; color: var(--ink); }
        h1 { font-size: 1.6rem; margin: .5rem 0; }
        h2 { font-size: 1.3rem; margin-top: 2rem; }
        h3 { font-size: 1.05rem; margin-bottom: .25rem; }
        .indicator { border-top: 1px solid #bbb; padding: .75rem 0; }
        .figure { color: var(--muted); margin: .25rem 0; }
        table { border-collapse: collapse; margin: .5rem 0; }
        th, td { border: 1px solid #999; padding: .2rem .6rem; text-align: right; }
        th[scope=row] { text-align: left; }
        caption { text-align: left; color: var(--muted); }
        svg text { font-size: 11px; fill: var(--ink); }
        .story { border-left: 4px solid var(--accent); padding-left: .75rem; }
        footer { color: var(--muted); font-size: .9rem; border-top: 1px solid #bbb; }
        """;
}
