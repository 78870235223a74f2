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
    /// <summary>
    /// One place and kind. For readers outside the Capacity team and the programme admin, counts of 1-4 people are
    /// <c>null</c> (and the participant-days and test gain of a hidden total with them) and <c>suppressed</c> is true (docs/figures.md).
    /// </summary>
    public sealed record Row(
        string Place, CapacityActivityKind Kind, int Activities, int? Participants, decimal? ParticipantDays,
        IReadOnlyDictionary<string, int?> ParticipantsByGender, IReadOnlyDictionary<string, int?> ParticipantsBySector,
        IReadOnlyDictionary<string, int?> ParticipantsByAudience, decimal? AverageTestGain, bool Suppressed)
    {
        /// <summary>The row as a reader without exact figures may see it.</summary>
        public Row Suppress()
        {
            var (gender, sector, audience) = (SmallCells.Suppress<int>(ParticipantsByGender), SmallCells.Suppress<int>(ParticipantsBySector), SmallCells.Suppress<int>(ParticipantsByAudience));
            var hidden = Participants is not { } total || SmallCells.IsSmall<int>(total);
            return this with
            {
                Participants = hidden ? null : Participants,
                ParticipantDays = hidden ? null : ParticipantDays,
                AverageTestGain = hidden ? null : AverageTestGain,
                ParticipantsByGender = gender,
                ParticipantsBySector = sector,
                ParticipantsByAudience = audience,
                Suppressed = hidden || SmallCells.AnyHidden(gender) || SmallCells.AnyHidden(sector) || SmallCells.AnyHidden(audience),
            };
        }
    }
}
