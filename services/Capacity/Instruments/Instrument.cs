using System.Text.RegularExpressions;
using Platform.Contracts.ReferenceData;

namespace Platform.Capacity.Instruments;

/// <summary>
/// An assessment instrument as versioned data: domains, their sub-areas and, for every sub-area, four written level
/// descriptors (1 = needs urgent attention ... 4 = strong). A published version never changes; a change is a new
/// version of the same code, and an assessment keeps the version it was made with.
/// </summary>
public sealed partial class Instrument
{
    public const int Levels = 4;
    public const int MaxCodeLength = 40;
    public const int MaxNameLength = 200;
    public const int MaxDescriptorLength = 1000;
    public const int MaxDomains = 12;
    public const int MaxSubAreas = 10;

    private Instrument() { }

    public Guid Id { get; private set; }

    /// <summary><c>oca-cso</c>, <c>hrba-lsg</c>, ...: what assessments and figures group by, with <see cref="Version"/>.</summary>
    public string Code { get; private set; } = "";

    public int Version { get; private set; }

    public LocalizedText Name { get; private set; } = null!;

    public List<InstrumentDomain> Domains { get; private set; } = [];

    public DateTimeOffset PublishedAt { get; private set; }

    public IEnumerable<InstrumentSubArea> SubAreas => Domains.SelectMany(d => d.SubAreas);

    public InstrumentDomain? DomainOf(string subArea) => Domains.FirstOrDefault(d => d.SubAreas.Any(s => s.Code == subArea));

    /// <summary>Publishes the next version of <paramref name="code"/> (1 when the code is new), checking the whole structure.</summary>
    public static Instrument Publish(
        string? code, Dictionary<string, string?>? name, IReadOnlyList<DomainDraft?>? domains, int latestVersion, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength || !CodePattern().IsMatch(code))
        {
            errors.Add("code", $"A lower-case code of letters, digits and hyphens, at most {MaxCodeLength} characters (oca-cso).");
        }

        LocalizedText.Validate(name, "name", MaxNameLength, errors);
        var parsed = ParseDomains(domains, errors);
        errors.ThrowIfAny();
        return new Instrument
        {
            Id = Guid.CreateVersion7(now),
            Code = code!,
            Version = latestVersion + 1,
            Name = LocalizedText.From(name!),
            Domains = parsed,
            PublishedAt = now,
        };
    }

    /// <summary>A version shipped with the service (seed data applied by a migration).</summary>
    internal static Instrument Seeded(Guid id, string code, int version, IReadOnlyDictionary<string, string?> name, List<InstrumentDomain> domains, DateTimeOffset publishedAt) =>
        new() { Id = id, Code = code, Version = version, Name = LocalizedText.From(name), Domains = domains, PublishedAt = publishedAt };

    private static List<InstrumentDomain> ParseDomains(IReadOnlyList<DomainDraft?>? domains, ValidationErrors errors)
    {
        var parsed = new List<InstrumentDomain>();
        if (domains is null || domains.Count == 0 || domains.Count > MaxDomains)
        {
            errors.Add("domains", $"Between 1 and {MaxDomains} domains.");
            return parsed;
        }

        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var d = 0; d < domains.Count; d++)
        {
            var field = $"domains[{d}]";
            if (domains[d] is not { } domain)
            {
                errors.Add(field, "Required.");
                continue;
            }

            CheckCode(domain.Code, $"{field}.code", codes, errors);
            LocalizedText.Validate(domain.Name, $"{field}.name", MaxNameLength, errors);
            var subAreas = new List<InstrumentSubArea>();
            if (domain.SubAreas is null || domain.SubAreas.Count == 0 || domain.SubAreas.Count > MaxSubAreas)
            {
                errors.Add($"{field}.subAreas", $"Between 1 and {MaxSubAreas} sub-areas.");
            }
            else
            {
                for (var s = 0; s < domain.SubAreas.Count; s++)
                {
                    var subField = $"{field}.subAreas[{s}]";
                    if (domain.SubAreas[s] is not { } subArea)
                    {
                        errors.Add(subField, "Required.");
                        continue;
                    }

                    // Sub-area codes are unique across the instrument (domain codes too): a score names only its sub-area.
                    CheckCode(subArea.Code, $"{subField}.code", codes, errors);
                    LocalizedText.Validate(subArea.Name, $"{subField}.name", MaxNameLength, errors);
                    if (subArea.Levels is null || subArea.Levels.Count != Levels)
                    {
                        errors.Add($"{subField}.levels", $"Exactly {Levels} level descriptors, from 1 (needs urgent attention) to 4 (strong).");
                    }
                    else
                    {
                        for (var l = 0; l < Levels; l++)
                        {
                            LocalizedText.Validate(subArea.Levels[l], $"{subField}.levels[{l}]", MaxDescriptorLength, errors);
                        }
                    }

                    if (!errors.Any)
                    {
                        subAreas.Add(new InstrumentSubArea(subArea.Code!, Text(subArea.Name!), [.. subArea.Levels!.Select(l => Text(l!))]));
                    }
                }
            }

            if (!errors.Any)
            {
                parsed.Add(new InstrumentDomain(domain.Code!, Text(domain.Name!), subAreas));
            }
        }

        return parsed;
    }

    private static void CheckCode(string? code, string field, HashSet<string> seen, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(code) || code.Length > MaxCodeLength || !CodePattern().IsMatch(code))
        {
            errors.Add(field, $"A lower-case code of letters, digits and hyphens, at most {MaxCodeLength} characters.");
        }
        else if (!seen.Add(code))
        {
            errors.Add(field, "Codes of domains and sub-areas must be unique in the instrument.");
        }
    }

    private static Dictionary<string, string> Text(IReadOnlyDictionary<string, string?> values) =>
        new(LocalizedText.From(values).Values, StringComparer.Ordinal);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex CodePattern();
}

/// <summary>A domain of an instrument (governance, financial management, ...), text by language.</summary>
public sealed record InstrumentDomain(string Code, Dictionary<string, string> Name, List<InstrumentSubArea> SubAreas);

/// <summary>A sub-area with its four level descriptors; <c>Levels[0]</c> describes level 1.</summary>
public sealed record InstrumentSubArea(string Code, Dictionary<string, string> Name, List<Dictionary<string, string>> Levels);

/// <summary>What a client sends for a domain of a new version.</summary>
public sealed record DomainDraft(string? Code, Dictionary<string, string?>? Name, List<SubAreaDraft?>? SubAreas);

public sealed record SubAreaDraft(string? Code, Dictionary<string, string?>? Name, List<Dictionary<string, string?>?>? Levels);
