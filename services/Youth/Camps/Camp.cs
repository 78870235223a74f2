using Platform.Contracts.Youth;
using Platform.Contracts.ReferenceData;
using Platform.Youth.People;

namespace Platform.Youth.Camps;

public enum CampStatus
{
    Planned,
    Held,
}

/// <summary>
/// A civic education camp for youth or for women, in one municipality over some days, with sessions on topics and
/// attendance per session. When it is marked held it reports how many attended, by gender and age group, and
/// keeps those counts: they never change afterwards, whatever happens to the people's data.
/// </summary>
public sealed class Camp
{
    public const int MaxNameLength = 200;
    public const int MaxTopicLength = 300;

    private Camp() { }

    public Guid Id { get; private set; }

    public CampAudience Audience { get; private set; }

    public string Name { get; private set; } = "";

    public string Municipality { get; private set; } = "";

    public DateOnly StartsOn { get; private set; }

    public DateOnly EndsOn { get; private set; }

    public CampStatus Status { get; private set; }

    public List<CampSession> Sessions { get; private set; } = [];

    public List<CampParticipant> Participants { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? HeldAt { get; private set; }

    /// <summary>Set when held: those who attended at least one session.</summary>
    public int? Attended { get; private set; }

    public Dictionary<string, int>? AttendedByGender { get; private set; }

    public Dictionary<string, int>? AttendedByAgeGroup { get; private set; }

    public static Camp Plan(CampAudience? audience, string? name, string? municipality, DateOnly? startsOn, DateOnly? endsOn, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (audience is null || !Enum.IsDefined(audience.Value))
        {
            errors.Add("audience", $"Use one of {string.Join(", ", Enum.GetNames<CampAudience>())}.");
        }

        errors.Required(name, "name", MaxNameLength);
        if (!Contracts.ReferenceData.Municipality.IsKnown(municipality))
        {
            errors.Add("municipality", $"Use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}.");
        }

        if (startsOn is null)
        {
            errors.Add("startsOn", "Required.");
        }

        if (endsOn is null)
        {
            errors.Add("endsOn", "Required.");
        }
        else if (startsOn is not null && (endsOn < startsOn || endsOn > startsOn.Value.AddDays(30)))
        {
            errors.Add("endsOn", "On or after the first day, at most 30 days later.");
        }

        errors.ThrowIfAny();
        return new Camp
        {
            Id = Guid.CreateVersion7(now),
            Audience = audience!.Value,
            Name = name!.Trim(),
            Municipality = municipality!,
            StartsOn = startsOn!.Value,
            EndsOn = endsOn!.Value,
            Status = CampStatus.Planned,
            CreatedAt = now,
        };
    }

    public CampSession AddSession(DateOnly? date, string? topic, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (date is null || date < StartsOn || date > EndsOn)
        {
            errors.Add("date", $"A day of the camp, {StartsOn:yyyy-MM-dd} to {EndsOn:yyyy-MM-dd}.");
        }

        errors.Required(topic, "topic", MaxTopicLength);
        errors.ThrowIfAny();
        EnsurePlanned();
        var session = new CampSession(Id, date!.Value, topic!.Trim(), now);
        Sessions.Add(session);
        return session;
    }

    /// <summary>Registers a person; a camp for women is for women. Their gender and age group on the first day are kept as counts' facts.</summary>
    public CampParticipant Register(Person person, DateTimeOffset now)
    {
        if (person.IsErased)
        {
            throw new InvalidOperationException("An erased person cannot take part.");
        }

        if (Audience == CampAudience.Women && person.Gender != Gender.Female)
        {
            throw new DomainValidationException(new Dictionary<string, string[]> { ["personId"] = ["This camp is for women."] });
        }

        EnsurePlanned();
        if (Participants.Any(p => p.PersonId == person.Id))
        {
            throw new RuleViolationException("already-registered", "The person is already registered for this camp.");
        }

        var participant = new CampParticipant(Id, person.Id, person.Gender!, Age.GroupOf(person.AgeOn(StartsOn)), now);
        Participants.Add(participant);
        return participant;
    }

    /// <summary>Who attended a session: replaces the session's attendance with these registered participants.</summary>
    public void RecordAttendance(Guid sessionId, IReadOnlyList<Guid>? personIds)
    {
        var errors = new ValidationErrors();
        if (personIds is null)
        {
            errors.Add("personIds", "Required: the participants who attended (may be empty).");
        }
        else
        {
            for (var i = 0; i < personIds.Count; i++)
            {
                if (Participants.All(p => p.PersonId != personIds[i]))
                {
                    errors.Add($"personIds[{i}]", "Not a registered participant of this camp.");
                }
            }
        }

        errors.ThrowIfAny();
        if (Sessions.All(s => s.Id != sessionId))
        {
            throw new InvalidOperationException("Not a session of this camp.");
        }

        EnsurePlanned();
        foreach (var participant in Participants)
        {
            participant.Attended(sessionId, personIds!.Contains(participant.PersonId));
        }
    }

    /// <summary>Marks the camp held, once its last day has come; counts those who attended at least one session.</summary>
    public CampHeld Hold(DateOnly today, DateTimeOffset now)
    {
        EnsurePlanned();
        if (today < EndsOn)
        {
            throw new RuleViolationException("camp-not-over", $"The camp runs until {EndsOn:yyyy-MM-dd}; it is held once its last day has come.");
        }

        if (Sessions.Count == 0)
        {
            throw new RuleViolationException("no-sessions", "A camp without sessions was not held.");
        }

        var attendees = Participants.Where(p => p.SessionsAttended.Count > 0).ToList();
        Status = CampStatus.Held;
        HeldAt = now;
        Attended = attendees.Count;
        AttendedByGender = Age.CountBy(attendees.Select(a => a.Gender), Gender.All);
        AttendedByAgeGroup = Age.CountBy(attendees.Select(a => a.AgeGroup), Age.Groups);
        return new CampHeld(Id, Audience, Municipality, StartsOn, EndsOn, Attended.Value, AttendedByGender, AttendedByAgeGroup) { OccurredAt = now };
    }

    private void EnsurePlanned()
    {
        if (Status != CampStatus.Planned)
        {
            throw new RuleViolationException("camp-held", "The camp was held; its record is closed.");
        }
    }
}

public sealed class CampSession
{
    private CampSession() { }

    internal CampSession(Guid campId, DateOnly date, string topic, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        CampId = campId;
        Date = date;
        Topic = topic;
    }

    public Guid Id { get; private set; }

    public Guid CampId { get; private set; }

    public DateOnly Date { get; private set; }

    public string Topic { get; private set; } = "";
}

/// <summary>A person registered for a camp, with the anonymous facts the counts need and the sessions they attended.</summary>
public sealed class CampParticipant
{
    private CampParticipant() { }

    internal CampParticipant(Guid campId, Guid personId, string gender, string ageGroup, DateTimeOffset now)
    {
        CampId = campId;
        PersonId = personId;
        Gender = gender;
        AgeGroup = ageGroup;
        RegisteredAt = now;
    }

    public Guid CampId { get; private set; }

    public Guid PersonId { get; private set; }

    public string Gender { get; private set; } = "";

    public string AgeGroup { get; private set; } = "";

    public List<Guid> SessionsAttended { get; private set; } = [];

    public DateTimeOffset RegisteredAt { get; private set; }

    internal void Attended(Guid sessionId, bool attended)
    {
        // A new list, so EF sees the change of the array column.
        SessionsAttended = attended
            ? [.. SessionsAttended.Append(sessionId).Distinct()]
            : [.. SessionsAttended.Where(s => s != sessionId)];
    }
}
