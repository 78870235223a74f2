using Platform.Capacity.Assessments;
using Platform.Contracts.Capacity;

namespace Platform.Capacity.Figures;

/// <summary>An organisation's latest validated revision of one assessment: what the figures are computed from.</summary>
public sealed record AssessedFact(
    Guid AssessmentId, Guid OrganizationId, OrganizationType OrganizationType, string Municipality, AssessmentKind Kind,
    IReadOnlyDictionary<string, decimal> DomainScores, decimal Overall);

/// <summary>
/// Progress between an organisation's baseline and its latest later assessment (endline over midline), domain by
/// domain, with one instrument version only: scores of different versions are never compared. An organisation
/// "improved" in a domain when its score rose by at least one level (1.00).
/// </summary>
public static class Progress
{
    public const decimal OneLevel = 1m;

    public sealed record OrganizationProgress(
        Guid OrganizationId, OrganizationType OrganizationType, string Municipality, AssessmentKind LatestKind,
        IReadOnlyDictionary<string, decimal> Baseline, IReadOnlyDictionary<string, decimal> Latest, IReadOnlyDictionary<string, decimal> Change,
        decimal OverallChange);

    public sealed record Group(string Municipality, OrganizationType OrganizationType, string Domain, int Compared, int Improved, decimal Share);

    public static IReadOnlyList<OrganizationProgress> PerOrganization(IEnumerable<AssessedFact> facts) =>
        [.. facts.GroupBy(f => f.OrganizationId)
            .Select(g => (Baseline: g.FirstOrDefault(f => f.Kind == AssessmentKind.Baseline),
                Latest: g.Where(f => f.Kind != AssessmentKind.Baseline).MaxBy(f => f.Kind)))
            .Where(p => p.Baseline is not null && p.Latest is not null)
            .Select(p => new OrganizationProgress(
                p.Baseline!.OrganizationId, p.Baseline.OrganizationType, p.Baseline.Municipality, p.Latest!.Kind,
                p.Baseline.DomainScores, p.Latest.DomainScores,
                p.Baseline.DomainScores.Where(d => p.Latest.DomainScores.ContainsKey(d.Key))
                    .ToDictionary(d => d.Key, d => Scoring.Round(p.Latest.DomainScores[d.Key] - d.Value), StringComparer.Ordinal),
                Scoring.Round(p.Latest.Overall - p.Baseline.Overall)))
            .OrderBy(p => p.Municipality, StringComparer.Ordinal).ThenBy(p => p.OrganizationId)];

    /// <summary>Per municipality, organisation type and domain: how many organisations were compared and how many improved by a level.</summary>
    public static IReadOnlyList<Group> Groups(IEnumerable<OrganizationProgress> organizations) =>
        [.. organizations
            .SelectMany(o => o.Change.Select(c => (o.Municipality, o.OrganizationType, Domain: c.Key, Improved: c.Value >= OneLevel)))
            .GroupBy(x => (x.Municipality, x.OrganizationType, x.Domain))
            .Select(g => new Group(g.Key.Municipality, g.Key.OrganizationType, g.Key.Domain, g.Count(), g.Count(x => x.Improved),
                Scoring.Round((decimal)g.Count(x => x.Improved) / g.Count())))
            .OrderBy(g => g.Municipality, StringComparer.Ordinal).ThenBy(g => g.OrganizationType).ThenBy(g => g.Domain, StringComparer.Ordinal)];
}
