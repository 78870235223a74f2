namespace Platform.Contracts.Capacity;

/// <summary>Which of an organisation's assessments over the programme this is.</summary>
public enum AssessmentKind
{
    Baseline,
    Midline,
    Endline,
}

/// <summary>
/// A capacity assessment (seven domains, each scored 1-4) of an organisation was completed.
/// <see cref="DomainScores"/> maps a domain code (<c>governance</c>, <c>financial-management</c>, ...) to its score.
/// </summary>
public sealed record CapacityAssessmentCompleted(
    Guid AssessmentId,
    Guid OrganizationId,
    AssessmentKind Kind,
    IReadOnlyDictionary<string, decimal> DomainScores,
    decimal Overall,
    DateOnly CompletedOn) : IntegrationEvent;
