using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Platform.Contracts.ReferenceData;
using Platform.Media.Catalogue;

namespace Platform.Media.Results;

/// <summary>
/// The results framework as IATI 2.03: one <c>iati-activity</c> (the programme) whose <c>result</c> elements carry each
/// indicator with its baseline and, per quarter, the year's target and the actual, one <c>actual</c> per breakdown
/// part with its <c>dimension</c>; public text as <c>narrative</c> in ka/az/hy/en. Small counts of people are suppressed,
/// as in every public figure; a revision of a locked quarter is given in the actual's comment.
/// </summary>
public static class IatiExport
{
    public const string ActivityIdentifier = "GE-CENN-KK-SJ-CSO-2025";
    private static readonly XNamespace Xml = XNamespace.Xml;

    private static readonly Dictionary<string, string> ProgrammeTitle = new(StringComparer.Ordinal)
    {
        ["en"] = "Civil society and local self-government for better social services in Kvemo Kartli and Samtskhe-Javakheti",
        ["ka"] = "სამოქალაქო საზოგადოება და ადგილობრივი თვითმმართველობა უკეთესი სოციალური სერვისებისთვის ქვემო ქართლსა და სამცხე-ჯავახეთში",
        ["az"] = "Kvemo Kartli və Samtsxe-Cavaxetidə daha yaxşı sosial xidmətlər üçün vətəndaş cəmiyyəti və yerli özünüidarə",
        ["hy"] = "Քաղաքացիական հասարակություն և տեղական ինքնակառավարում՝ ավելի լավ սոցիալական ծառայությունների համար Քվեմո Քարթլիում և Սամցխե-Ջավախքում",
    };

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IEnumerable<XElement> Narratives(IReadOnlyDictionary<string, string> text) =>
        Language.All.Where(text.ContainsKey).Select(l => new XElement("narrative", new XAttribute(Xml + "lang", l), text[l]));

    private static XElement Narrative(string english) => new("narrative", new XAttribute(Xml + "lang", Language.English), english);

    private static XElement Organisation(string element, string reference, string type, string name, string? role = null) =>
        new(element, new XAttribute("ref", reference), role is null ? null : new XAttribute("role", role), new XAttribute("type", type), Narrative(name));

    public static XDocument Document(ResultsCalculator calculator, Quarter last, DateTimeOffset now)
    {
        var generated = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("iati-activities", new XAttribute("version", "2.03"), new XAttribute("generated-datetime", generated),
                new XElement("iati-activity",
                    new XAttribute("last-updated-datetime", generated), new XAttribute(Xml + "lang", Language.English), new XAttribute("default-currency", Currency.Euro),
                    new XElement("iati-identifier", ActivityIdentifier),
                    Organisation("reporting-org", "GE-CENN", "22", "CENN"),
                    new XElement("title", Narratives(ProgrammeTitle)),
                    new XElement("description", new XAttribute("type", "1"),
                        Narrative("CSOs and local self-government working together to improve social services in eight municipalities of Georgia; actuals computed from the programme's own records.")),
                    Organisation("participating-org", "XI-IATI-EC_INTPA", "15", "European Union", "1"),
                    Organisation("participating-org", "GE-CENN", "22", "CENN", "2"),
                    new XElement("participating-org", new XAttribute("role", "4"), new XAttribute("type", "22"), Narrative("Center for Training and Consultancy (CTC)")),
                    new XElement("participating-org", new XAttribute("role", "4"), new XAttribute("type", "22"), Narrative("Kvemo Kartli Media (KKM)")),
                    new XElement("participating-org", new XAttribute("role", "4"), new XAttribute("type", "22"), Narrative("First European (FE)")),
                    new XElement("activity-status", new XAttribute("code", "2")),
                    new XElement("activity-date", new XAttribute("iso-date", "2025-01-01"), new XAttribute("type", "2")),
                    new XElement("recipient-country", new XAttribute("code", "GE"), new XAttribute("percentage", "100")),
                    ProgrammeFramework.Results.Select(r => Result(r, calculator, last)))));
    }

    private static XElement Result(ResultArea result, ResultsCalculator calculator, Quarter last) =>
        new("result", new XAttribute("type", "2"), new XAttribute("aggregation-status", "0"),
            new XElement("title", Narratives(result.Title)),
            result.Indicators.Select(i => IndicatorElement(i, calculator.Actuals(i, last))));

    private static XElement IndicatorElement(Indicator indicator, IReadOnlyList<QuarterActual> actuals) =>
        new("indicator",
            new XAttribute("measure", indicator.Measure switch { IndicatorMeasure.Percent => "2", IndicatorMeasure.Qualitative => "5", _ => "1" }),
            new XAttribute("ascending", "1"),
            new XAttribute("aggregation-status", indicator.Measure == IndicatorMeasure.Percent ? "0" : "1"),
            new XElement("title", Narratives(indicator.Title)),
            new XElement("description", Narrative($"{indicator.Definition} Formula: {indicator.Formula.Describe()}. {indicator.Aggregation}.")),
            new XElement("reference", new XAttribute("vocabulary", "99"), new XAttribute("code", indicator.Code)),
            new XElement("baseline", new XAttribute("year", indicator.Baseline.On.Year), new XAttribute("iso-date", Day(indicator.Baseline.On)),
                new XAttribute("value", Number(indicator.Baseline.Value)),
                new XElement("comment", Narrative(indicator.Baseline.Comment))),
            actuals.Select(a => Period(indicator, a)));

    private static XElement Period(Indicator indicator, QuarterActual actual)
    {
        var period = new XElement("period",
            new XElement("period-start", new XAttribute("iso-date", Day(actual.Quarter.FirstDay))),
            new XElement("period-end", new XAttribute("iso-date", Day(actual.Quarter.LastDay))));
        if (actual.Target is { } target)
        {
            period.Add(new XElement("target", new XAttribute("value", Number(target)),
                new XElement("comment", Narrative($"Target for {actual.Quarter.Year} ({indicator.Aggregation})."))));
        }

        // The document is published: a hidden total leaves the period without its overall actual (IATI's actual is optional).
        var reported = SmallCounts.ForPublic(indicator, actual.Reported);
        if (reported.Value is { } value)
        {
            var comment = actual.Revised is { } revised
                ? $"{actual.Quarter} was locked on {actual.LockedAt:yyyy-MM-dd}; revised after later records: {Revision(SmallCounts.ForPublic(indicator, revised).Value, revised.Value)}."
                : $"Computed from {actual.Reported.Facts.Count} records.";
            period.Add(new XElement("actual", new XAttribute("value", Number(value)), new XElement("comment", Narrative(comment))));
        }

        foreach (var (dimension, cells) in reported.By)
        {
            foreach (var (code, cell) in cells.Where(c => c.Value is not null).OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                period.Add(new XElement("actual", new XAttribute("value", Number(cell!.Value)),
                    new XElement("dimension", new XAttribute("name", dimension), new XAttribute("value", code))));
            }
        }

        return period;
    }

    private static string Revision(decimal? shown, decimal? exact) =>
        shown is { } v ? Number(v) : exact is null ? "none" : $"fewer than {SmallCounts.Threshold}";

    public static string ToXml(XDocument document)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            document.Save(writer);
        }

        return builder.ToString();
    }
}
