using Platform.Capacity.Instruments;

namespace Platform.Capacity.Api;

/// <summary>A new version of an instrument (or the first of a new code): the whole structure, every descriptor written out.</summary>
public sealed record InstrumentRequest(string? Code, Dictionary<string, string?>? Name, List<DomainDraft?>? Domains);

public sealed record InstrumentResponse(
    Guid Id, string Code, int Version, IReadOnlyDictionary<string, string> Name, IReadOnlyList<InstrumentDomain> Domains, DateTimeOffset PublishedAt)
{
    public static InstrumentResponse From(Instrument i) => new(i.Id, i.Code, i.Version, i.Name.Values, i.Domains, i.PublishedAt);
}

/// <summary>A line of the instrument list: which versions exist, without their descriptors.</summary>
public sealed record InstrumentSummary(Guid Id, string Code, int Version, IReadOnlyDictionary<string, string> Name, int Domains, int SubAreas, DateTimeOffset PublishedAt)
{
    public static InstrumentSummary From(Instrument i) => new(i.Id, i.Code, i.Version, i.Name.Values, i.Domains.Count, i.SubAreas.Count(), i.PublishedAt);
}

public sealed record InstrumentQuery(string? Code, int? Page, int? PageSize);
