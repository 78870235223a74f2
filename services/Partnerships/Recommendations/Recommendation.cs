using Platform.Contracts.Capacity;
using Platform.Contracts.Partnerships;
using Platform.Partnerships.Alliance;
using Platform.Partnerships.Meetings;
using Platform.ServiceDefaults.Organizations;

namespace Platform.Partnerships.Recommendations;

public enum RecommendationStatus
{
    Drafted,
    Endorsed,
    Submitted,
    Adopted,
    PartiallyAdopted,
    Rejected,
    Implemented,
}

public enum VoteChoice
{
    For,
    Against,
    Abstain,
}

/// <summary>What happened on a recommendation's way; every step lands on its timeline.</summary>
public enum TimelineStep
{
    Drafted,
    VoteFailed,
    Endorsed,
    Submitted,
    Adopted,
    PartiallyAdopted,
    Rejected,
    ProgressRecorded,
    Implemented,
}

/// <summary>
/// A recommendation of the Regional Social Services Alliance to an authority: drafted, endorsed by a recorded vote at an
/// Alliance meeting (quorum: more than half of the members on the meeting's day present; a simple majority of the votes
/// cast, abstentions not counted), submitted, answered (adopted, partially adopted, rejected), and implemented with
/// evidence and progress. A step out of order is refused with <c>step-out-of-order</c>.
/// </summary>
public sealed class Recommendation
{
    public const int MaxTitleLength = 300;
    public const int MaxSummaryLength = 2000;
    public const int MaxTextLength = 10_000;
    public const int MaxReferenceLength = 500;
    public const int MaxNoteLength = 2000;

    private Recommendation() { }

    public Guid Id { get; private set; }

    public LocalizedText Title { get; private set; } = null!;

    public LocalizedText Summary { get; private set; } = null!;

    public string Problem { get; private set; } = "";

    /// <summary>Document references (a report, a survey, a study).</summary>
    public List<string> Evidence { get; private set; } = [];

    public string ProposedAction { get; private set; } = "";

    /// <summary>An LSG body from the registry; or <c>null</c> with <see cref="AuthorityName"/>, a national authority.</summary>
    public Guid? AuthorityOrganizationId { get; private set; }

    public string? AuthorityName { get; private set; }

    public List<string> Municipalities { get; private set; } = [];

    public RecommendationStatus Status { get; private set; }

    public Guid? EndorsedAtMeetingId { get; private set; }

    public List<Vote> Votes { get; private set; } = [];

    public DateOnly? SubmittedOn { get; private set; }

    public string? SubmissionReference { get; private set; }

    public string? AuthorityReply { get; private set; }

    public DateOnly? AnsweredOn { get; private set; }

    public int? ProgressPercent { get; private set; }

    public List<string> ImplementationEvidence { get; private set; } = [];

    public List<TimelineEntry> Timeline { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Adopted fully or in part (and possibly implemented since): what monitors and the public may read.</summary>
    public bool IsAdopted => Status is RecommendationStatus.Adopted or RecommendationStatus.PartiallyAdopted or RecommendationStatus.Implemented;

    public sealed record Draft(
        IReadOnlyDictionary<string, string?>? Title, IReadOnlyDictionary<string, string?>? Summary, string? Problem, IReadOnlyList<string?>? Evidence,
        string? ProposedAction, Guid? AuthorityOrganizationId, string? AuthorityName, IReadOnlyList<string?>? Municipalities, string? Note);

    public static Recommendation Create(Draft draft, OrganizationReplica? authority, string actor, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        LocalizedText.Validate(draft.Title, "title", MaxTitleLength, errors);
        LocalizedText.Validate(draft.Summary, "summary", MaxSummaryLength, errors);
        errors.Required(draft.Problem, "problem", MaxTextLength);
        References(draft.Evidence, "evidence", errors);
        errors.Required(draft.ProposedAction, "proposedAction", MaxTextLength);
        if (draft.AuthorityOrganizationId is not null == !string.IsNullOrWhiteSpace(draft.AuthorityName))
        {
            errors.Add("authorityOrganizationId", "Name the target authority: an LSG body from the registry (authorityOrganizationId) or a national authority (authorityName), not both.");
        }
        else if (draft.AuthorityOrganizationId is not null && authority is not { Type: OrganizationType.LocalSelfGovernment })
        {
            errors.Add("authorityOrganizationId", "An LSG body known from the registry.");
        }

        errors.MaxLength(draft.AuthorityName, "authorityName", MaxTitleLength);
        if (draft.Municipalities is null || draft.Municipalities.Count == 0)
        {
            errors.Add("municipalities", "At least one municipality concerned.");
        }
        else
        {
            for (var i = 0; i < draft.Municipalities.Count; i++)
            {
                if (!Contracts.ReferenceData.Municipality.IsKnown(draft.Municipalities[i]))
                {
                    errors.Add($"municipalities[{i}]", $"Use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}.");
                }
            }
        }

        errors.MaxLength(draft.Note, "note", MaxNoteLength);
        errors.ThrowIfAny();
        var recommendation = new Recommendation
        {
            Id = Guid.CreateVersion7(now),
            Title = LocalizedText.From(draft.Title!),
            Summary = LocalizedText.From(draft.Summary!),
            Problem = draft.Problem!.Trim(),
            Evidence = [.. draft.Evidence!.Select(e => e!.Trim())],
            ProposedAction = draft.ProposedAction!.Trim(),
            AuthorityOrganizationId = draft.AuthorityOrganizationId,
            AuthorityName = string.IsNullOrWhiteSpace(draft.AuthorityName) ? null : draft.AuthorityName.Trim(),
            Municipalities = [.. draft.Municipalities!.Select(m => m!).Distinct()],
            Status = RecommendationStatus.Drafted,
            CreatedAt = now,
        };
        recommendation.Record(TimelineStep.Drafted, today, actor, draft.Note, now);
        return recommendation;
    }

    public sealed record Ballot(Guid? OrganizationId, VoteChoice? Choice);

    /// <summary>The outcome of a vote; a failed vote is recorded too and leaves the recommendation drafted.</summary>
    public sealed record VoteResult(bool Endorsed, int MembersOnTheDay, int Present, int For, int Against, int Abstain);

    /// <summary>
    /// Records the vote of the Alliance members present at a held Alliance meeting. The quorum is more than half of the
    /// members on the meeting's day; endorsed when more votes are for than against.
    /// </summary>
    public VoteResult Vote(Meeting meeting, IReadOnlyList<Ballot>? ballots, IReadOnlyList<AllianceMember> memberships, string actor, string? note, DateTimeOffset now)
    {
        var membersOnTheDay = memberships.Where(m => m.IsMemberOn(meeting.Date)).Select(m => m.OrganizationId).ToHashSet();
        var present = meeting.OrganizationsPresent.Where(membersOnTheDay.Contains).ToHashSet();
        var errors = new ValidationErrors();
        if (meeting.Body != MeetingBody.Alliance)
        {
            errors.Add("meetingId", "Recommendations are endorsed at a meeting of the Alliance.");
        }
        else if (meeting.HeldOn is null)
        {
            // Nobody is present at a meeting whose attendance is not recorded: say why rather than reject every voter.
            throw new RuleViolationException("meeting-not-held", "Record who attended the Alliance meeting before its votes.");
        }

        if (ballots is null || ballots.Count == 0)
        {
            errors.Add("votes", "Required: the vote of each member present who voted.");
        }

        for (var i = 0; ballots is not null && i < ballots.Count; i++)
        {
            if (ballots[i].OrganizationId is not { } voter || !present.Contains(voter))
            {
                errors.Add($"votes[{i}].organizationId", "A member of the Alliance present at the meeting.");
            }
            else if (ballots.Take(i).Any(b => b.OrganizationId == voter))
            {
                errors.Add($"votes[{i}].organizationId", "A member votes once.");
            }

            if (ballots[i].Choice is not { } choice || !Enum.IsDefined(choice))
            {
                errors.Add($"votes[{i}].choice", $"Use one of {string.Join(", ", Enum.GetNames<VoteChoice>())}.");
            }
        }

        errors.MaxLength(note, "note", MaxNoteLength);
        errors.ThrowIfAny();
        Expect(RecommendationStatus.Drafted);
        if (present.Count * 2 <= membersOnTheDay.Count)
        {
            throw new RuleViolationException("no-quorum",
                $"{present.Count} of the {membersOnTheDay.Count} members on {meeting.Date:yyyy-MM-dd} were present; the quorum is more than half.");
        }

        var result = new VoteResult(false, membersOnTheDay.Count, present.Count,
            ballots!.Count(b => b.Choice == VoteChoice.For), ballots!.Count(b => b.Choice == VoteChoice.Against), ballots!.Count(b => b.Choice == VoteChoice.Abstain));
        result = result with { Endorsed = result.For > result.Against };
        var summary = $"{result.For} for, {result.Against} against, {result.Abstain} abstaining; {result.Present} of {result.MembersOnTheDay} members present.";
        if (result.Endorsed)
        {
            Status = RecommendationStatus.Endorsed;
            EndorsedAtMeetingId = meeting.Id;
            Votes = [.. ballots!.Select(b => new Vote(Id, meeting.Id, b.OrganizationId!.Value, b.Choice!.Value))];
        }

        Record(result.Endorsed ? TimelineStep.Endorsed : TimelineStep.VoteFailed, meeting.Date, actor, Join(summary, note), now);
        return result;
    }

    public void Submit(DateOnly? submittedOn, string? reference, string actor, string? note, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        var endorsedOn = Timeline.LastOrDefault(t => t.Step == TimelineStep.Endorsed)?.On;
        Day(submittedOn, "submittedOn", endorsedOn, today, errors);
        errors.Required(reference, "reference", MaxReferenceLength);
        errors.MaxLength(note, "note", MaxNoteLength);
        errors.ThrowIfAny();
        Expect(RecommendationStatus.Endorsed);
        Status = RecommendationStatus.Submitted;
        SubmittedOn = submittedOn;
        SubmissionReference = reference!.Trim();
        Record(TimelineStep.Submitted, submittedOn!.Value, actor, note, now);
    }

    public enum Answer
    {
        Adopted,
        PartiallyAdopted,
        Rejected,
    }

    /// <summary>The authority's answer; adopted (fully or in part) publishes <see cref="RecommendationAdopted"/>.</summary>
    public RecommendationAdopted? RecordAnswer(Answer? answer, string? reply, DateOnly? answeredOn, string actor, string? note, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (answer is null || !Enum.IsDefined(answer.Value))
        {
            errors.Add("answer", $"Use one of {string.Join(", ", Enum.GetNames<Answer>())}.");
        }

        errors.Required(reply, "reply", MaxTextLength);
        Day(answeredOn, "answeredOn", SubmittedOn, today, errors);
        errors.MaxLength(note, "note", MaxNoteLength);
        errors.ThrowIfAny();
        Expect(RecommendationStatus.Submitted);
        (Status, var step) = answer switch
        {
            Answer.Adopted => (RecommendationStatus.Adopted, TimelineStep.Adopted),
            Answer.PartiallyAdopted => (RecommendationStatus.PartiallyAdopted, TimelineStep.PartiallyAdopted),
            _ => (RecommendationStatus.Rejected, TimelineStep.Rejected),
        };
        AuthorityReply = reply!.Trim();
        AnsweredOn = answeredOn;
        Record(step, answeredOn!.Value, actor, note, now);
        return answer == Answer.Rejected
            ? null
            : new RecommendationAdopted(Id, Title.Values, Summary.Values,
                answer == Answer.Adopted ? AdoptionOutcome.Adopted : AdoptionOutcome.PartiallyAdopted,
                AuthorityOrganizationId, AuthorityName, Municipalities, answeredOn.Value) { OccurredAt = now };
    }

    /// <summary>Progress on implementing an adopted recommendation, with evidence; at 100 percent it is implemented.</summary>
    public RecommendationImplemented RecordProgress(int? percent, IReadOnlyList<string?>? evidence, DateOnly? recordedOn, string actor, string? note, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (percent is not (>= 0 and <= 100))
        {
            errors.Add("progressPercent", "Required: 0 to 100.");
        }

        References(evidence, "evidence", errors);
        var lastOn = Timeline.Count == 0 ? (DateOnly?)null : Timeline.Max(t => t.On);
        Day(recordedOn, "recordedOn", lastOn, today, errors);
        errors.MaxLength(note, "note", MaxNoteLength);
        errors.ThrowIfAny();
        if (Status == RecommendationStatus.Implemented)
        {
            throw new RuleViolationException("step-out-of-order", "The recommendation is implemented; its progress is complete.");
        }

        if (Status is not (RecommendationStatus.Adopted or RecommendationStatus.PartiallyAdopted))
        {
            throw new RuleViolationException("step-out-of-order", $"The recommendation is {Status}; progress is recorded once the authority adopted it.");
        }

        ProgressPercent = percent;
        ImplementationEvidence = [.. ImplementationEvidence, .. evidence!.Select(e => e!.Trim()).Except(ImplementationEvidence)];
        var completed = percent == 100;
        if (completed)
        {
            Status = RecommendationStatus.Implemented;
        }

        Record(completed ? TimelineStep.Implemented : TimelineStep.ProgressRecorded, recordedOn!.Value, actor, Join($"{percent}%", note), now);
        return new RecommendationImplemented(Id, Municipalities, percent!.Value, completed, recordedOn.Value) { OccurredAt = now };
    }

    private void Expect(RecommendationStatus expected)
    {
        if (Status != expected)
        {
            throw new RuleViolationException("step-out-of-order", $"The recommendation is {Status}; this step needs it {expected}.");
        }
    }

    private void Record(TimelineStep step, DateOnly on, string actor, string? note, DateTimeOffset now) =>
        Timeline.Add(new TimelineEntry(Id, Timeline.Count + 1, step, on, actor, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), now));

    private static string Join(string summary, string? note) => string.IsNullOrWhiteSpace(note) ? summary : $"{summary} {note.Trim()}";

    private static void Day(DateOnly? day, string field, DateOnly? notBefore, DateOnly today, ValidationErrors errors)
    {
        if (day is null || day > today || (notBefore is not null && day < notBefore))
        {
            errors.Add(field, notBefore is null ? "Required: not in the future." : $"Required: from {notBefore:yyyy-MM-dd} to today.");
        }
    }

    private static void References(IReadOnlyList<string?>? references, string field, ValidationErrors errors)
    {
        if (references is null || references.Count == 0)
        {
            errors.Add(field, "At least one document reference.");
            return;
        }

        for (var i = 0; i < references.Count; i++)
        {
            errors.Required(references[i], $"{field}[{i}]", MaxReferenceLength);
        }
    }
}

/// <summary>How one member present voted on an endorsed recommendation.</summary>
public sealed class Vote
{
    private Vote() { }

    internal Vote(Guid recommendationId, Guid meetingId, Guid organizationId, VoteChoice choice)
    {
        RecommendationId = recommendationId;
        MeetingId = meetingId;
        OrganizationId = organizationId;
        Choice = choice;
    }

    public Guid RecommendationId { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public VoteChoice Choice { get; private set; }
}

/// <summary>A step on a recommendation's timeline: the day it happened, who recorded it (the token's subject), a note.</summary>
public sealed class TimelineEntry
{
    private TimelineEntry() { }

    internal TimelineEntry(Guid recommendationId, int sequence, TimelineStep step, DateOnly on, string actor, string? note, DateTimeOffset now)
    {
        RecommendationId = recommendationId;
        Sequence = sequence;
        Step = step;
        On = on;
        Actor = actor;
        Note = note;
        RecordedAt = now;
    }

    public Guid RecommendationId { get; private set; }

    public int Sequence { get; private set; }

    public TimelineStep Step { get; private set; }

    public DateOnly On { get; private set; }

    public string Actor { get; private set; } = "";

    public string? Note { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
