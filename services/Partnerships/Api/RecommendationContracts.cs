using Platform.Partnerships.Recommendations;

namespace Platform.Partnerships.Api;

public sealed record RecommendationRequest(
    Dictionary<string, string?>? Title, Dictionary<string, string?>? Summary, string? Problem, List<string?>? Evidence, string? ProposedAction,
    Guid? AuthorityOrganizationId, string? AuthorityName, List<string?>? Municipalities, string? Note);

public sealed record BallotRequest(Guid? OrganizationId, VoteChoice? Choice);

public sealed record VoteRequest(Guid? MeetingId, List<BallotRequest?>? Votes, string? Note);

public sealed record SubmitRequest(DateOnly? SubmittedOn, string? Reference, string? Note);

public sealed record AnswerRequest(Recommendation.Answer? Answer, string? Reply, DateOnly? AnsweredOn, string? Note);

public sealed record ProgressRequest(int? ProgressPercent, List<string?>? Evidence, DateOnly? RecordedOn, string? Note);

public sealed record RecommendationQuery(string? Status, string? Municipality, int? Page, int? PageSize);

public sealed record VoteResponse(bool Endorsed, int MembersOnTheDay, int Present, int For, int Against, int Abstain, RecommendationResponse Recommendation);

public sealed record RecommendationResponse(
    Guid Id,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Summary,
    string Problem,
    IReadOnlyList<string> Evidence,
    string ProposedAction,
    Guid? AuthorityOrganizationId,
    string? AuthorityName,
    IReadOnlyList<string> Municipalities,
    RecommendationStatus Status,
    Guid? EndorsedAtMeetingId,
    IReadOnlyList<RecommendationResponse.Ballot> Votes,
    DateOnly? SubmittedOn,
    string? SubmissionReference,
    string? AuthorityReply,
    DateOnly? AnsweredOn,
    int? ProgressPercent,
    IReadOnlyList<string> ImplementationEvidence,
    IReadOnlyList<RecommendationResponse.Step> Timeline)
{
    public sealed record Ballot(Guid OrganizationId, VoteChoice Choice);

    public sealed record Step(int Sequence, TimelineStep Name, DateOnly On, string Actor, string? Note, DateTimeOffset RecordedAt);

    public static RecommendationResponse From(Recommendation r) =>
        new(r.Id, r.Title.Values, r.Summary.Values, r.Problem, r.Evidence, r.ProposedAction, r.AuthorityOrganizationId, r.AuthorityName, r.Municipalities,
            r.Status, r.EndorsedAtMeetingId, [.. r.Votes.OrderBy(v => v.OrganizationId).Select(v => new Ballot(v.OrganizationId, v.Choice))],
            r.SubmittedOn, r.SubmissionReference, r.AuthorityReply, r.AnsweredOn, r.ProgressPercent, r.ImplementationEvidence,
            [.. r.Timeline.OrderBy(t => t.Sequence).Select(t => new Step(t.Sequence, t.Step, t.On, t.Actor, t.Note, t.RecordedAt))]);
}
