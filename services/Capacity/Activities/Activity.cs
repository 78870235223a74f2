using Platform.Capacity.Assessments;
using Platform.Capacity.Participants;
using Platform.Contracts.Capacity;
using Platform.Contracts.ReferenceData;

namespace Platform.Capacity.Activities;

public enum ActivityStatus
{
    Planned,
    Delivered,
}

/// <summary>Who an activity is for, as <c>TrainingDelivered</c> reports it.</summary>
public static class Audiences
{
    public const string CsoStaff = "cso-staff";
    public const string LsgStaff = "lsg-staff";
    public const string Youth = "youth";
    public const string Women = "women";

    public static readonly IReadOnlyList<string> All = [CsoStaff, LsgStaff, Youth, Women];
}

/// <summary>Where an activity was held, in the figures: a municipality code, <c>online</c>, <c>abroad</c> or elsewhere in Georgia.</summary>
public static class Places
{
    public const string Online = "online";
    public const string Abroad = "abroad";
    public const string ElsewhereInGeorgia = "other";
    public const string Georgia = "GE";
}

/// <summary>What a client sends to plan an activity (one shape for every kind; what each kind needs is checked).</summary>
public sealed record ActivityPlan(
    CapacityActivityKind? Kind,
    string? Title,
    List<string?>? Topics,
    string? Audience,
    bool? HumanRightsBasedApproach,
    DateOnly? StartsOn,
    DateOnly? EndsOn,
    string? Municipality,
    bool? Online,
    string? Country,
    string? City,
    List<string?>? HostOrganizations,
    List<string?>? Trainers,
    string? Mentor,
    Guid? MentoredOrganizationId,
    decimal? Hours,
    List<Guid>? ActionIds);

/// <summary>
/// A capacity-development activity: a training (in a municipality or online), a mentoring session with an
/// organisation (linked to its action-plan items), a study tour or an exchange visit (international ones too).
/// Sessions, registered participants, attendance per session and pre/post tests; when delivered it keeps and
/// publishes the counts of those who attended, which never change afterwards, whatever happens to the people's data.
/// </summary>
public sealed class Activity
{
    public const int MaxTitleLength = 300;
    public const int MaxTopicLength = 300;
    public const int MaxNameLength = 200;
    public const int MaxList = 20;
    public const int MaxDays = 60;

    private Activity() { }

    public Guid Id { get; private set; }

    public CapacityActivityKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    public List<string> Topics { get; private set; } = [];

    public string Audience { get; private set; } = "";

    /// <summary>An LSG training on the human-rights-based approach to social services (or another HRBA activity).</summary>
    public bool HumanRightsBasedApproach { get; private set; }

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    /// <summary>The programme municipality where it was held; null when online or elsewhere.</summary>
    public string? Municipality { get; private set; }

    public bool Online { get; private set; }

    /// <summary>ISO 3166 alpha-2 country of a visit outside the programme's municipalities (GE for elsewhere in Georgia).</summary>
    public string? Country { get; private set; }

    public string? City { get; private set; }

    public List<string> HostOrganizations { get; private set; } = [];

    /// <summary>Names of trainers and of the mentor: personal data, shown only to the capacity team and the admin.</summary>
    public List<string> Trainers { get; private set; } = [];

    public string? Mentor { get; private set; }

    public Guid? MentoredOrganizationId { get; private set; }

    public decimal? Hours { get; private set; }

    public List<Guid> ActionIds { get; private set; } = [];

    public ActivityStatus Status { get; private set; }

    public List<ActivitySession> Sessions { get; private set; } = [];

    public List<ActivityParticipant> Participants { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Changes with every change of the activity or its sessions and participants, so the row version guards them all.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? DeliveredAt { get; private set; }

    public ActivityCounts? Delivered { get; private set; }

    /// <summary>Where the figures place it: the municipality, or online, abroad, elsewhere in Georgia.</summary>
    public string Place => Municipality ?? (Online ? Places.Online : Country is null or Places.Georgia ? Places.ElsewhereInGeorgia : Places.Abroad);

    /// <summary>
    /// Plans an activity. <paramref name="organizationKnown"/>: the mentored organisation is in the registry;
    /// <paramref name="actionsOfOrganization"/>: the ids of that organisation's action-plan items.
    /// </summary>
    public static Activity Plan(ActivityPlan plan, bool organizationKnown, IReadOnlyCollection<Guid> actionsOfOrganization, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (plan.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            errors.Add("kind", $"Use one of {string.Join(", ", Enum.GetNames<CapacityActivityKind>())}.");
            kind = CapacityActivityKind.Training;
        }

        errors.Required(plan.Title, "title", MaxTitleLength);
        var topics = Texts(plan.Topics, "topics", MaxTopicLength, errors);
        if (plan.Audience is null || !Audiences.All.Contains(plan.Audience, StringComparer.Ordinal))
        {
            errors.Add("audience", $"Use one of {string.Join(", ", Audiences.All)}.");
        }

        if (plan.StartsOn is null)
        {
            errors.Add("startsOn", "Required.");
        }

        if (plan.EndsOn is null)
        {
            errors.Add("endsOn", "Required.");
        }
        else if (plan.StartsOn is not null && (plan.EndsOn < plan.StartsOn || plan.EndsOn.Value.DayNumber - plan.StartsOn.Value.DayNumber > MaxDays))
        {
            errors.Add("endsOn", $"On or after the first day, at most {MaxDays} days later.");
        }

        CheckPlace(plan, kind, errors);
        var hosts = Texts(plan.HostOrganizations, "hostOrganizations", MaxNameLength, errors);
        var trainers = Texts(plan.Trainers, "trainers", MaxNameLength, errors);
        errors.MaxLength(plan.Mentor, "mentor", MaxNameLength);
        if (plan.Hours is not null and not (> 0 and <= 200))
        {
            errors.Add("hours", "The hours of mentoring, more than 0 and at most 200.");
        }

        switch (kind)
        {
            case CapacityActivityKind.Training when trainers.Count == 0:
                errors.Add("trainers", "A training names at least one trainer.");
                break;
            case CapacityActivityKind.Mentoring:
                errors.Required(plan.Mentor, "mentor", MaxNameLength);
                if (plan.MentoredOrganizationId is null)
                {
                    errors.Add("mentoredOrganizationId", "Required: the organisation mentored.");
                }
                else if (!organizationKnown)
                {
                    errors.Add("mentoredOrganizationId", "Not an organisation of the registry.");
                }

                if (plan.Hours is null)
                {
                    errors.Add("hours", "Required: the hours of mentoring, more than 0 and at most 200.");
                }

                if (topics.Count == 0)
                {
                    errors.Add("topics", "A mentoring session names at least one topic.");
                }

                break;
            case CapacityActivityKind.StudyTour or CapacityActivityKind.ExchangeVisit when hosts.Count == 0:
                errors.Add("hostOrganizations", "A study tour or exchange visit names at least one host organisation.");
                break;
        }

        var actionIds = plan.ActionIds ?? [];
        if (actionIds.Count > 0 && kind != CapacityActivityKind.Mentoring)
        {
            errors.Add("actionIds", "Only a mentoring session is linked to action-plan items.");
        }

        for (var i = 0; i < actionIds.Count; i++)
        {
            if (!actionsOfOrganization.Contains(actionIds[i]))
            {
                errors.Add($"actionIds[{i}]", "Not an action-plan item of the mentored organisation.");
            }
        }

        errors.ThrowIfAny();
        return new Activity
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Title = plan.Title!.Trim(),
            Topics = topics,
            Audience = plan.Audience!,
            HumanRightsBasedApproach = plan.HumanRightsBasedApproach ?? false,
            StartsOn = plan.StartsOn!.Value,
            EndsOn = plan.EndsOn!.Value,
            Municipality = plan.Municipality,
            Online = plan.Online ?? false,
            Country = plan.Country,
            City = plan.City?.Trim(),
            HostOrganizations = hosts,
            Trainers = trainers,
            Mentor = kind == CapacityActivityKind.Mentoring ? plan.Mentor!.Trim() : null,
            MentoredOrganizationId = kind == CapacityActivityKind.Mentoring ? plan.MentoredOrganizationId : null,
            Hours = kind == CapacityActivityKind.Mentoring ? plan.Hours : null,
            ActionIds = [.. actionIds.Distinct()],
            Status = ActivityStatus.Planned,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    public ActivitySession AddSession(DateOnly? date, string? topic, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (date is null || date < StartsOn || date > EndsOn)
        {
            errors.Add("date", $"A day of the activity, {StartsOn:yyyy-MM-dd} to {EndsOn:yyyy-MM-dd}.");
        }

        errors.Required(topic, "topic", MaxTopicLength);
        errors.ThrowIfAny();
        EnsurePlanned();
        var session = new ActivitySession(Id, date!.Value, topic!.Trim(), now);
        Sessions.Add(session);
        UpdatedAt = now;
        return session;
    }

    /// <summary>Registers a person; an activity for women is for women. Their gender, age group, sector and municipality are kept for the counts.</summary>
    public ActivityParticipant Register(Participant person, DateTimeOffset now)
    {
        if (person.IsErased)
        {
            throw new InvalidOperationException("An erased person cannot take part.");
        }

        if (Audience == Audiences.Women && person.Gender != Gender.Female)
        {
            throw new DomainValidationException(new Dictionary<string, string[]> { ["participantId"] = ["This activity is for women."] });
        }

        EnsurePlanned();
        if (Participants.Any(p => p.ParticipantId == person.Id))
        {
            throw new RuleViolationException("already-registered", "The person is already registered for this activity.");
        }

        var participant = new ActivityParticipant(Id, person.Id, person.Gender!, person.AgeGroup!, person.Sector, person.Municipality ?? Places.ElsewhereInGeorgia, now);
        Participants.Add(participant);
        UpdatedAt = now;
        return participant;
    }

    /// <summary>Who attended a session: replaces its attendance with these registered participants.</summary>
    public void RecordAttendance(Guid sessionId, IReadOnlyList<Guid>? participantIds, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (participantIds is null)
        {
            errors.Add("participantIds", "Required: the participants who attended (may be empty).");
        }
        else
        {
            for (var i = 0; i < participantIds.Count; i++)
            {
                if (Participants.All(p => p.ParticipantId != participantIds[i]))
                {
                    errors.Add($"participantIds[{i}]", "Not a registered participant of this activity.");
                }
            }
        }

        errors.ThrowIfAny();
        if (Sessions.All(s => s.Id != sessionId))
        {
            throw new InvalidOperationException("Not a session of this activity.");
        }

        EnsurePlanned();
        foreach (var participant in Participants)
        {
            participant.Attended(sessionId, participantIds!.Contains(participant.ParticipantId));
        }

        UpdatedAt = now;
    }

    /// <summary>Records a participant's pre- and post-test scores (0-100).</summary>
    public ActivityParticipant RecordTests(Guid participantId, decimal? pre, decimal? post, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (pre is null && post is null)
        {
            errors.Add("preTest", "A pre-test or a post-test score (0-100).");
        }

        if (pre is < 0 or > 100)
        {
            errors.Add("preTest", "A score from 0 to 100.");
        }

        if (post is < 0 or > 100)
        {
            errors.Add("postTest", "A score from 0 to 100.");
        }

        errors.ThrowIfAny();
        var participant = Participants.FirstOrDefault(p => p.ParticipantId == participantId)
            ?? throw new InvalidOperationException("Not a participant of this activity.");
        EnsurePlanned();
        participant.Tested(pre ?? participant.PreTest, post ?? participant.PostTest);
        UpdatedAt = now;
        return participant;
    }

    /// <summary>Marks it delivered, once its last day has come; counts those who attended at least one session.</summary>
    public TrainingDelivered Deliver(DateOnly today, DateTimeOffset now)
    {
        EnsurePlanned();
        if (today < EndsOn)
        {
            throw new RuleViolationException("activity-not-over", $"The activity runs until {EndsOn:yyyy-MM-dd}; it is delivered once its last day has come.");
        }

        if (Sessions.Count == 0)
        {
            throw new RuleViolationException("no-sessions", "An activity without sessions was not delivered.");
        }

        var days = Sessions.ToDictionary(s => s.Id, s => s.Date);
        var attendees = Participants.Where(p => p.SessionsAttended.Count > 0).ToList();
        var gains = attendees.Select(a => Scoring.Gain(a.PreTest, a.PostTest)).ToList();
        Delivered = new ActivityCounts(
            attendees.Count,
            Age.CountBy(attendees.Select(a => a.Gender), Gender.All),
            Age.CountBy(attendees.Select(a => a.Sector), Sectors.All),
            Age.CountBy(attendees.Select(a => a.Municipality), [.. Contracts.ReferenceData.Municipality.All, Places.ElsewhereInGeorgia]),
            attendees.Sum(a => a.SessionsAttended.Where(days.ContainsKey).Select(s => days[s]).Distinct().Count()),
            gains.Count(g => g is not null),
            Scoring.AverageGain(gains));
        Status = ActivityStatus.Delivered;
        DeliveredAt = now;
        UpdatedAt = now;
        return new TrainingDelivered(
            Id, Kind, Audience, HumanRightsBasedApproach, Municipality, Online ? null : Municipality is null ? Country ?? Places.Georgia : null,
            StartsOn, EndsOn, Delivered.Participants, Delivered.ByGender, Delivered.BySector, Delivered.ByMunicipality,
            Delivered.ParticipantDays, Delivered.AverageTestGain) { OccurredAt = now };
    }

    private void EnsurePlanned()
    {
        if (Status != ActivityStatus.Planned)
        {
            throw new RuleViolationException("activity-delivered", "The activity was delivered; its record is closed.");
        }
    }

    private static void CheckPlace(ActivityPlan plan, CapacityActivityKind kind, ValidationErrors errors)
    {
        // Each given value is checked on its own, so a wrong one is named whatever else is wrong.
        if (plan.Municipality is not null && !Contracts.ReferenceData.Municipality.IsKnown(plan.Municipality))
        {
            errors.Add("municipality", $"Use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}.");
        }

        if (plan.Country is not null && (plan.Country.Length != 2 || !plan.Country.All(char.IsAsciiLetterUpper)))
        {
            errors.Add("country", "An ISO 3166 two-letter country code in capitals (GE for elsewhere in Georgia).");
        }

        errors.MaxLength(plan.City, "city", MaxNameLength);
        var places = (plan.Municipality is not null ? 1 : 0) + (plan.Online == true ? 1 : 0) + (plan.Country is not null ? 1 : 0);
        if (places != 1)
        {
            errors.Add("municipality", "Exactly one of: a programme municipality, online, or a country (with a city) for a visit elsewhere.");
            return;
        }

        if (plan.Country is not null)
        {
            if (kind is not (CapacityActivityKind.StudyTour or CapacityActivityKind.ExchangeVisit))
            {
                errors.Add("country", "Only study tours and exchange visits are held outside the programme's municipalities.");
            }

            if (string.IsNullOrWhiteSpace(plan.City))
            {
                errors.Add("city", "Required with a country: the city visited.");
            }
        }
        else if (plan.City is not null)
        {
            errors.Add("city", "A city is given with a country.");
        }
    }

    private static List<string> Texts(IReadOnlyList<string?>? values, string field, int maxLength, ValidationErrors errors)
    {
        if (values is null)
        {
            return [];
        }

        if (values.Count > MaxList)
        {
            errors.Add(field, $"At most {MaxList}.");
            return [];
        }

        for (var i = 0; i < values.Count; i++)
        {
            errors.Required(values[i], $"{field}[{i}]", maxLength);
        }

        return [.. values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct()];
    }
}

/// <summary>The counts kept when an activity is delivered.</summary>
public sealed record ActivityCounts(
    int Participants,
    Dictionary<string, int> ByGender,
    Dictionary<string, int> BySector,
    Dictionary<string, int> ByMunicipality,
    decimal ParticipantDays,
    int Tested,
    decimal? AverageTestGain);

public sealed class ActivitySession
{
    private ActivitySession() { }

    internal ActivitySession(Guid activityId, DateOnly date, string topic, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        ActivityId = activityId;
        Date = date;
        Topic = topic;
    }

    public Guid Id { get; private set; }

    public Guid ActivityId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Topic { get; private set; } = "";
}

/// <summary>A person registered for an activity, with the anonymous facts the counts need, the sessions attended and test scores.</summary>
public sealed class ActivityParticipant
{
    private ActivityParticipant() { }

    internal ActivityParticipant(Guid activityId, Guid participantId, string gender, string ageGroup, string sector, string municipality, DateTimeOffset now)
    {
        ActivityId = activityId;
        ParticipantId = participantId;
        Gender = gender;
        AgeGroup = ageGroup;
        Sector = sector;
        Municipality = municipality;
        RegisteredAt = now;
    }

    public Guid ActivityId { get; private set; }

    public Guid ParticipantId { get; private set; }

    public string Gender { get; private set; } = "";

    public string AgeGroup { get; private set; } = "";

    public string Sector { get; private set; } = "";

    /// <summary>Their municipality, or <c>other</c> for anywhere else.</summary>
    public string Municipality { get; private set; } = "";

    public List<Guid> SessionsAttended { get; private set; } = [];

    public decimal? PreTest { get; private set; }

    public decimal? PostTest { get; private set; }

    public decimal? Gain => Scoring.Gain(PreTest, PostTest);

    public DateTimeOffset RegisteredAt { get; private set; }

    internal void Attended(Guid sessionId, bool attended) =>
        // A new list, so EF sees the change of the array column.
        SessionsAttended = attended ? [.. SessionsAttended.Append(sessionId).Distinct()] : [.. SessionsAttended.Where(s => s != sessionId)];

    internal void Tested(decimal? pre, decimal? post)
    {
        PreTest = pre;
        PostTest = post;
    }
}
