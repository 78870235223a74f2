using System.Globalization;
using Platform.Contracts;
using Platform.Contracts.Capacity;
using Platform.Contracts.Grants;
using Platform.Contracts.Media;
using Platform.Contracts.Partnerships;
using Platform.Contracts.Youth;

namespace Platform.Media.Results;

/// <summary>
/// One consumed event, kept as the fact indicators are computed from: what kind of fact, the day it happened (which
/// gives its quarter), where, the dimensions it can be broken down by and the numbers it carries. A breakdown of a
/// number is kept beside it as <c>measure|dimension=code</c> (<c>participants|gender=female</c>). Facts are never
/// changed; a correction (an assessment's next revision) is a new fact of the same <see cref="SubjectId"/>.
/// </summary>
public sealed class Fact
{
    private Fact()
    {
    }

    public Guid EventId { get; private set; }

    /// <summary>One of <see cref="FactKinds"/>.</summary>
    public string Kind { get; private set; } = "";

    /// <summary>The integration event's type name, as published.</summary>
    public string EventType { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>When Media recorded it: a fact recorded after its quarter was locked is a revision of that quarter.</summary>
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The fact's own date (adopted on, paid on, completed on, ...), not the time the event travelled.</summary>
    public DateOnly On { get; private set; }

    /// <summary>The quarter of <see cref="On"/>, like <c>2025Q3</c>.</summary>
    public string Quarter { get; private set; } = "";

    /// <summary>Where it happened; <c>multiple</c> for a fact of several municipalities; null when only the organisation says.</summary>
    public string? Municipality { get; private set; }

    /// <summary>What the fact is about (an award, an assessment, a group, ...): counts are of distinct subjects.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>Within one subject, the highest revision replaces the earlier ones.</summary>
    public int Revision { get; private set; } = 1;

    /// <summary>The registry organisation concerned, if any: its type comes from the organisation replica.</summary>
    public Guid? OrganizationId { get; private set; }

    public Dictionary<string, string> Dimensions { get; private set; } = new(StringComparer.Ordinal);

    public Dictionary<string, decimal> Values { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Public text the event carried (a title, a name), language code to text.</summary>
    public Dictionary<string, string>? Text { get; private set; }

    public const string MultipleMunicipalities = "multiple";

    public Quarter QuarterOf => Results.Quarter.Parse(Quarter);

    public string? Dimension(string name) => Dimensions.TryGetValue(name, out var value) ? value : null;

    public decimal Value(string measure) => Values.TryGetValue(measure, out var value) ? value : 0m;

    public static string BreakdownKey(string measure, string dimension, string code) => $"{measure}|{dimension}={code}";

    /// <summary>The parts of a <see cref="BreakdownKey"/>; null for a plain measure.</summary>
    public static (string Measure, string Dimension, string Code)? ParseBreakdownKey(string key)
    {
        var bar = key.IndexOf('|', StringComparison.Ordinal);
        var equals = bar < 0 ? -1 : key.IndexOf('=', bar);
        return equals < 0 ? null : (key[..bar], key[(bar + 1)..equals], key[(equals + 1)..]);
    }

    private static Fact New(IIntegrationEvent e, string kind, DateOnly on, Guid subject, string? municipality, DateTimeOffset recordedAt) => new()
    {
        EventId = e.EventId,
        Kind = kind,
        EventType = e.GetType().Name,
        OccurredAt = e.OccurredAt,
        RecordedAt = recordedAt,
        On = on,
        Quarter = Results.Quarter.Of(on).ToString(),
        SubjectId = subject,
        Municipality = municipality,
    };

    private static string? OneOf(IReadOnlyList<string> municipalities) =>
        municipalities.Count switch { 0 => null, 1 => municipalities[0], _ => MultipleMunicipalities };

    private Fact With(string dimension, string? value)
    {
        if (value is not null)
        {
            Dimensions[dimension] = value;
        }

        return this;
    }

    private Fact With(string measure, decimal value)
    {
        Values[measure] = value;
        return this;
    }

    private Fact With<TNumber>(string measure, string dimension, IReadOnlyDictionary<string, TNumber>? breakdown) where TNumber : struct, System.Numerics.INumber<TNumber>
    {
        foreach (var (code, number) in breakdown ?? new Dictionary<string, TNumber>())
        {
            Values[BreakdownKey(measure, dimension, code)] = decimal.CreateChecked(number);
        }

        return this;
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Fact From(CapacityAssessmentCompleted e, DateTimeOffset now)
    {
        var fact = New(e, FactKinds.CapacityAssessment, e.CompletedOn, e.AssessmentId, null, now)
            .With(Measures.Overall, e.Overall)
            .With(Dimensions_.AssessmentKind, e.Kind.ToString().ToLowerInvariant())
            .With(Dimensions_.Instrument, e.Instrument)
            .With(Dimensions_.InstrumentVersion, e.InstrumentVersion.ToString(CultureInfo.InvariantCulture));
        fact.Revision = e.Revision;
        fact.OrganizationId = e.OrganizationId;
        foreach (var (domain, score) in e.DomainScores)
        {
            fact.Values[$"domain:{domain}"] = score;
        }

        return fact;
    }

    public static Fact From(TrainingDelivered e, DateTimeOffset now) =>
        New(e, FactKinds.Training, e.EndsOn, e.ActivityId, e.Municipality, now)
            .With(Dimensions_.ActivityKind, e.Kind.ToString())
            .With(Dimensions_.Audience, e.Audience)
            .With(Dimensions_.HumanRightsBasedApproach, e.HumanRightsBasedApproach ? "true" : "false")
            .With(Dimensions_.Country, e.Country)
            .With(Measures.Participants, e.Participants)
            .With(Measures.ParticipantDays, e.ParticipantDays)
            .With(Measures.Participants, Dimensions_.Gender, e.ParticipantsByGender)
            .With(Measures.Participants, Dimensions_.Sector, e.ParticipantsBySector)
            .With(Measures.Participants, Dimensions_.Municipality, e.ParticipantsByMunicipality);

    public static Fact From(CallOpened e, DateTimeOffset now)
    {
        var fact = New(e, FactKinds.CallOpened, DateOnly.FromDateTime(e.OpensAt.UtcDateTime), e.CallId, OneOf(e.EligibleMunicipalities), now)
            .With(Dimensions_.TargetGroup, e.TargetGroup.ToString())
            .With(Dimensions_.Currency, e.Currency)
            .With(Dimensions_.Deadline, e.Deadline.UtcDateTime.ToString("O", CultureInfo.InvariantCulture))
            .With(Dimensions_.EligibleMunicipalities, string.Join(',', e.EligibleMunicipalities))
            .With(Measures.Envelope, e.Envelope);
        fact.Text = new Dictionary<string, string>(e.Title, StringComparer.Ordinal);
        return fact;
    }

    public static Fact From(GrantAwarded e, DateTimeOffset now)
    {
        var fact = New(e, FactKinds.GrantAwarded, DateOnly.FromDateTime(e.OccurredAt.UtcDateTime), e.AwardId, e.Municipality, now)
            .With(Dimensions_.TargetGroup, e.TargetGroup.ToString())
            .With(Dimensions_.Currency, e.Currency)
            .With(Measures.Amount, e.Amount);
        fact.OrganizationId = e.OrganizationId;
        return fact;
    }

    public static Fact From(TranchePaid e, DateTimeOffset now) =>
        New(e, FactKinds.TranchePaid, e.PaidOn, e.AgreementId, e.Municipality, now)
            .With(Dimensions_.Currency, e.Currency)
            .With(Dimensions_.Tranche, e.TrancheNumber.ToString(CultureInfo.InvariantCulture))
            .With(Measures.Amount, e.Amount);

    public static Fact From(GrantClosed e, DateTimeOffset now) =>
        New(e, FactKinds.GrantClosed, e.ClosedOn, e.AgreementId, null, now)
            .With(Dimensions_.Currency, e.Currency)
            .With(Measures.Amount, e.TotalPaid);

    public static Fact From(ParticipantGraduated e, DateTimeOffset now) =>
        New(e, FactKinds.Graduation, e.GraduatedOn, e.ParticipantId, e.Municipality, now)
            .With(Dimensions_.Cohort, e.CohortId.ToString());

    public static Fact From(CampHeld e, DateTimeOffset now) =>
        New(e, FactKinds.Camp, e.EndsOn, e.CampId, e.Municipality, now)
            .With(Dimensions_.Audience, e.Audience.ToString().ToLowerInvariant())
            .With(Measures.Participants, e.Participants)
            .With(Measures.Participants, Dimensions_.Gender, e.ParticipantsByGender)
            .With(Measures.Participants, Dimensions_.AgeGroup, e.ParticipantsByAgeGroup);

    public static Fact From(PartnershipGroupFormed e, DateTimeOffset now) =>
        New(e, FactKinds.GroupFormed, e.FormedOn, e.GroupId, e.Municipality, now)
            .With(Measures.Members, e.MemberOrganizationIds.Count);

    public static Fact From(PartnershipGroupClosed e, DateTimeOffset now) =>
        New(e, FactKinds.GroupClosed, e.ClosedOn, e.GroupId, e.Municipality, now);

    public static Fact From(RecommendationAdopted e, DateTimeOffset now)
    {
        var fact = New(e, FactKinds.RecommendationAdopted, e.AdoptedOn, e.RecommendationId, OneOf(e.Municipalities), now)
            .With(Dimensions_.Outcome, e.Outcome.ToString())
            .With(Dimensions_.EligibleMunicipalities, string.Join(',', e.Municipalities))
            .With(Dimensions_.Authority, e.AuthorityName);
        fact.OrganizationId = e.AuthorityOrganizationId;
        fact.Text = new Dictionary<string, string>(e.Title, StringComparer.Ordinal);
        return fact;
    }

    public static Fact From(RecommendationImplemented e, DateTimeOffset now)
    {
        var fact = New(e, FactKinds.RecommendationImplemented, e.RecordedOn, e.RecommendationId, OneOf(e.Municipalities), now)
            .With(Dimensions_.Completed, e.Completed ? "true" : "false")
            .With(Measures.Progress, e.ProgressPercent);
        // The latest progress wins: the recording day orders the updates.
        fact.Revision = e.RecordedOn.DayNumber;
        return fact;
    }

    public static Fact From(SocialServiceLaunched e, DateTimeOffset now)
    {
        var fact = New(e, FactKinds.SocialService, e.DecidedOn, e.SocialServiceId, e.Municipality, now)
            .With(Dimensions_.TargetGroup, e.TargetGroup)
            .With(Dimensions_.Currency, e.Currency)
            .With(Dimensions_.BudgetYear, e.BudgetYear.ToString(CultureInfo.InvariantCulture))
            .With(Measures.Amount, e.MunicipalFunding)
            .With(Measures.PeopleServed, e.PeopleServedInPilot)
            .With(Measures.PeopleServed, Dimensions_.Gender, e.PeopleServedByGender)
            .With(Measures.PeopleServed, Dimensions_.AgeGroup, e.PeopleServedByAgeGroup);
        fact.Text = new Dictionary<string, string>(e.Name, StringComparer.Ordinal);
        return fact;
    }

    public static Fact From(PilotInitiativeCompleted e, DateTimeOffset now)
    {
        var fact = New(e, FactKinds.PilotInitiative, e.CompletedOn, e.InitiativeId, e.Municipality, now)
            .With(Dimensions_.InitiativeKind, e.Kind.ToString())
            .With(Measures.Participants, e.Participants)
            .With(Measures.Participants, Dimensions_.Gender, e.ParticipantsByGender)
            .With(Measures.Participants, Dimensions_.AgeGroup, e.ParticipantsByAgeGroup);
        fact.OrganizationId = e.CsoOrganizationId;
        return fact;
    }

    public static Fact From(CampaignClosed e, DateTimeOffset now)
    {
        var fact = New(e, FactKinds.Campaign, e.ClosedOn, e.CampaignId, OneOf(e.Municipalities), now)
            .With(Measures.Reach, e.Reach)
            .With(Measures.TargetReach, e.TargetReach)
            .With(Measures.Outputs, e.Outputs)
            .With(Measures.Reach, Dimensions_.Municipality, e.ReachByMunicipality)
            .With(Measures.Reach, Dimensions_.Channel, e.ReachByChannel)
            .With(Measures.Reach, Dimensions_.Language, e.ReachByLanguage);
        fact.Text = new Dictionary<string, string>(e.Title, StringComparer.Ordinal);
        return fact;
    }

    // Named with a trailing underscore only to keep the short name free for the property above.
    private static class Dimensions_
    {
        public const string Municipality = FactDimensions.Municipality;
        public const string Gender = FactDimensions.Gender;
        public const string AgeGroup = FactDimensions.AgeGroup;
        public const string AssessmentKind = "assessment-kind";
        public const string Instrument = "instrument";
        public const string InstrumentVersion = "instrument-version";
        public const string ActivityKind = "activity-kind";
        public const string Audience = "audience";
        public const string HumanRightsBasedApproach = "hrba";
        public const string Country = "country";
        public const string Sector = "sector";
        public const string TargetGroup = "target-group";
        public const string Currency = "currency";
        public const string Deadline = "deadline";
        public const string EligibleMunicipalities = "municipalities";
        public const string Tranche = "tranche";
        public const string Cohort = "cohort";
        public const string Outcome = "outcome";
        public const string Authority = "authority";
        public const string Completed = "completed";
        public const string BudgetYear = "budget-year";
        public const string InitiativeKind = "initiative-kind";
        public const string Channel = "channel";
        public const string Language = "language";
    }
}

/// <summary>The kinds of fact, one per consumed event type.</summary>
public static class FactKinds
{
    public const string CapacityAssessment = "capacity-assessment";
    public const string Training = "training";
    public const string CallOpened = "call-opened";
    public const string GrantAwarded = "grant-awarded";
    public const string TranchePaid = "tranche-paid";
    public const string GrantClosed = "grant-closed";
    public const string Graduation = "graduation";
    public const string Camp = "camp";
    public const string GroupFormed = "partnership-group-formed";
    public const string GroupClosed = "partnership-group-closed";
    public const string RecommendationAdopted = "recommendation-adopted";
    public const string RecommendationImplemented = "recommendation-implemented";
    public const string SocialService = "social-service";
    public const string PilotInitiative = "pilot-initiative";
    public const string Campaign = "campaign";
}

/// <summary>The dimensions indicators are disaggregated by.</summary>
public static class FactDimensions
{
    public const string Municipality = "municipality";
    public const string Gender = "gender";
    public const string AgeGroup = "age-group";
    public const string OrganizationType = "organisation-type";

    /// <summary>What a breakdown does not account for (a fact without the dimension, or counts missing from the event).</summary>
    public const string NotRecorded = "not-recorded";

    public static readonly IReadOnlyList<string> All = [Municipality, Gender, AgeGroup, OrganizationType];
}

/// <summary>The numbers facts carry.</summary>
public static class Measures
{
    public const string Overall = "overall";
    public const string Participants = "participants";
    public const string ParticipantDays = "participant-days";
    public const string Envelope = "envelope";
    public const string Amount = "amount";
    public const string Members = "members";
    public const string Progress = "progress";
    public const string PeopleServed = "people-served";
    public const string Reach = "reach";
    public const string TargetReach = "target-reach";
    public const string Outputs = "outputs";
}
