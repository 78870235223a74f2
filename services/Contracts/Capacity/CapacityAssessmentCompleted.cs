namespace Platform.Contracts.Capacity;

/// <summary>Which of an organisation's assessments over the programme this is.</summary>
public enum AssessmentKind
{
    Baseline,
    Midline,
    Endline,
}

/// <summary>
/// A capacity assessment of an organisation was validated by the capacity team. <see cref="DomainScores"/> maps a
/// domain code of the instrument (<c>governance</c>, <c>financial-management</c>, ...) to its score (1-4);
/// <see cref="Overall"/> is the mean of the domains. Scores are only comparable within one
/// <see cref="Instrument"/> and <see cref="InstrumentVersion"/>. A correction is published again with the same
/// <see cref="AssessmentId"/> and a higher <see cref="Revision"/>, which replaces the earlier one.
/// </summary>
public sealed record CapacityAssessmentCompleted(
    Guid AssessmentId,
    Guid OrganizationId,
    AssessmentKind Kind,
    IReadOnlyDictionary<string, decimal> DomainScores,
    decimal Overall,
    DateOnly CompletedOn) : IntegrationEvent
{
    /// <summary>The instrument's code: <c>oca-cso</c> (organisational capacity), <c>hrba-lsg</c> (LSG bodies, human-rights-based approach).</summary>
    public string Instrument { get; init; } = "oca-cso";

    public int InstrumentVersion { get; init; } = 1;

    /// <summary>1 for the first validation; a correction counts up.</summary>
    public int Revision { get; init; } = 1;
}
