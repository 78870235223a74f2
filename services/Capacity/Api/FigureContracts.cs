using Platform.Capacity.Figures;
using Platform.Contracts.Capacity;

namespace Platform.Capacity.Api;

public sealed record AssessmentFiguresQuery(Guid? OrganizationId, string? Municipality, string? Instrument);

public sealed record ProgressQuery(string? Instrument, int? Version, string? Municipality);

public sealed record ActivityFiguresQuery(string? Municipality, string? Kind, string? Audience);

/// <summary>Validated assessments (their latest revision) by instrument version, municipality and kind; action-plan items by municipality.</summary>
public sealed record AssessmentFiguresResponse(IReadOnlyList<AssessmentFiguresResponse.Row> Assessments, IReadOnlyList<AssessmentFiguresResponse.ActionRow> Actions)
{
    public sealed record Row(
        string Instrument, int InstrumentVersion, string Municipality, AssessmentKind Kind, int Assessments,
        IReadOnlyDictionary<string, decimal> AverageDomainScores, decimal AverageOverall);

    public sealed record ActionRow(string Municipality, int Planned, int InProgress, int Done, int Dropped, int Overdue);
}

/// <summary>Progress of one instrument version; organisations assessed with another version are counted, not compared.</summary>
public sealed record ProgressResponse(
    string Instrument, int Version, IReadOnlyList<Progress.OrganizationProgress> Organizations, IReadOnlyList<Progress.Group> Groups,
    int OrganizationsWithOtherVersions);

public sealed record ActivityFiguresResponse(IReadOnlyList<ActivityFiguresResponse.Row> Rows)
{
    public sealed record Row(
        string Place, CapacityActivityKind Kind, int Activities, int Participants, decimal ParticipantDays,
        IReadOnlyDictionary<string, int> ParticipantsByGender, IReadOnlyDictionary<string, int> ParticipantsBySector,
        IReadOnlyDictionary<string, int> ParticipantsByAudience, decimal? AverageTestGain);
}
