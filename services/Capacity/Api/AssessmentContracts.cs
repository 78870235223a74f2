using Platform.Capacity.Assessments;
using Platform.Capacity.Instruments;
using Platform.Contracts.Capacity;

namespace Platform.Capacity.Api;

/// <summary>Starts an assessment: <c>instrumentVersion</c> defaults to the latest version of <c>instrument</c>.</summary>
public sealed record AssessmentRequest(
    Guid? OrganizationId, string? Instrument, int? InstrumentVersion, AssessmentKind? Kind, List<Guid>? FacilitatorIds, List<Guid>? ParticipantIds);

public sealed record ScoresRequest(List<ScoreDraft?>? Scores);

public sealed record AssessmentPeopleRequest(List<Guid>? FacilitatorIds, List<Guid>? ParticipantIds);

public sealed record CorrectionRequest(string? Reason);

/// <summary>
/// An assessment with its scores and the computed domain and overall scores of the current revision (null while a
/// domain has an unscored sub-area), and every validated revision. Who facilitated and took part (ids in the
/// participant registry) only for the capacity team and the admin; counts for everyone.
/// </summary>
public sealed record AssessmentResponse(
    Guid Id,
    Guid OrganizationId,
    string OrganizationType,
    string Municipality,
    string Instrument,
    int InstrumentVersion,
    AssessmentKind Kind,
    AssessmentStatus Status,
    int Revision,
    string? CorrectionReason,
    IReadOnlyList<AssessmentResponse.Score> Scores,
    IReadOnlyDictionary<string, decimal> DomainScores,
    decimal? Overall,
    int Facilitators,
    int Participants,
    IReadOnlyList<Guid>? FacilitatorIds,
    IReadOnlyList<Guid>? ParticipantIds,
    IReadOnlyList<AssessmentResponse.Validated> ValidatedRevisions,
    DateOnly? CompletedOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public sealed record Score(string Domain, string SubArea, int Level, string? Justification, IReadOnlyList<string> Evidence);

    public sealed record Validated(int Revision, string? Reason, IReadOnlyDictionary<string, decimal> DomainScores, decimal Overall, DateOnly CompletedOn, DateTimeOffset ValidatedAt);

    public static AssessmentResponse From(Assessment a, Instrument instrument, bool withPersonalData)
    {
        var domains = Scoring.DomainScores(instrument, a.Scores);
        return new(a.Id, a.OrganizationId, a.OrganizationType.ToString(), a.Municipality, a.InstrumentCode, a.InstrumentVersion, a.Kind, a.Status, a.Revision,
            a.CorrectionReason,
            [.. a.Scores.Select(s => new Score(instrument.DomainOf(s.SubArea)?.Code ?? "", s.SubArea, s.Level, s.Justification, s.Evidence))],
            domains, Scoring.Overall(instrument, domains), a.FacilitatorIds.Count, a.ParticipantIds.Count,
            withPersonalData ? a.FacilitatorIds : null, withPersonalData ? a.ParticipantIds : null,
            [.. a.ValidatedRevisions.Select(v => new Validated(v.Revision, v.Reason, v.DomainScores, v.Overall, v.CompletedOn, v.ValidatedAt))],
            a.CompletedOn, a.CreatedAt, a.UpdatedAt);
    }
}

public sealed record AssessmentQuery(Guid? OrganizationId, string? Instrument, string? Kind, string? Status, string? Municipality, int? Page, int? PageSize);
