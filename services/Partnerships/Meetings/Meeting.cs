using Platform.Contracts.Capacity;
using Platform.Contracts.ReferenceData;
using Platform.Partnerships.Alliance;
using Platform.Partnerships.Groups;

namespace Platform.Partnerships.Meetings;

/// <summary>Whose meeting it is: a municipal partnership group's or the Regional Social Services Alliance's.</summary>
public enum MeetingBody
{
    Group,
    Alliance,
}

public enum MinutesStatus
{
    None,
    Drafted,
    Circulated,
    Approved,
}

public enum DecisionStatus
{
    Open,
    Done,
    Cancelled,
}

/// <summary>
/// A meeting of a group or of the Alliance: when and where, an ordered agenda, who attended (organisations and, for a
/// group, their representatives), minutes drafted, circulated and approved, and the decisions taken. Approved minutes
/// lock the record: agenda, attendance, minutes and decisions no longer change (a decision's follow-up status still does).
/// </summary>
public sealed class Meeting
{
    public const int MaxTextLength = 300;
    public const int MaxMinutesLength = 50_000;
    public const int MaxDecisionLength = 2000;

    private Meeting() { }

    public Guid Id { get; private set; }

    public MeetingBody Body { get; private set; }

    public Guid? GroupId { get; private set; }

    /// <summary>The group's municipality; <c>null</c> for an Alliance meeting.</summary>
    public string? Municipality { get; private set; }

    public DateOnly Date { get; private set; }

    public string? Place { get; private set; }

    public bool Online { get; private set; }

    public string Title { get; private set; } = "";

    public List<AgendaItem> Agenda { get; private set; } = [];

    /// <summary>When attendance was recorded: the meeting was held.</summary>
    public DateOnly? HeldOn { get; private set; }

    public List<Attendance> Attendance { get; private set; } = [];

    public string? Minutes { get; private set; }

    public MinutesStatus MinutesStatus { get; private set; }

    public DateOnly? MinutesApprovedOn { get; private set; }

    public List<Decision> Decisions { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public bool IsLocked => MinutesStatus == MinutesStatus.Approved;

    public static Meeting Schedule(PartnershipGroup? group, MeetingBody? body, string? title, DateOnly? date, string? place, bool? online,
        IReadOnlyList<string?>? agenda, DateOnly today, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        if (body is null || !Enum.IsDefined(body.Value))
        {
            errors.Add("body", $"Use one of {string.Join(", ", Enum.GetNames<MeetingBody>())}.");
        }
        else if (body == MeetingBody.Group && group is null)
        {
            errors.Add("groupId", "Required for a group's meeting: a partnership group.");
        }
        else if (body == MeetingBody.Alliance && group is not null)
        {
            errors.Add("groupId", "An Alliance meeting belongs to no group.");
        }

        errors.Required(title, "title", MaxTextLength);
        if (date is null)
        {
            errors.Add("date", "Required.");
        }
        else if (group is not null && date < group.FormedOn)
        {
            errors.Add("date", "Not before the group was formed.");
        }

        if (online != true)
        {
            errors.Required(place, "place", MaxTextLength);
        }
        else
        {
            errors.MaxLength(place, "place", MaxTextLength);
        }

        ValidateAgenda(agenda, errors);
        errors.ThrowIfAny();
        if (group is { Status: GroupStatus.Closed })
        {
            throw new RuleViolationException("group-closed", "The group is closed; it holds no more meetings.");
        }

        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(now),
            Body = body!.Value,
            GroupId = group?.Id,
            Municipality = group?.Municipality,
            Title = title!.Trim(),
            Date = date!.Value,
            Place = string.IsNullOrWhiteSpace(place) ? null : place.Trim(),
            Online = online == true,
            CreatedAt = now,
        };
        meeting.ReplaceAgenda(agenda ?? []);
        return meeting;
    }

    /// <summary>Replaces the agenda with these items, in this order.</summary>
    public void SetAgenda(IReadOnlyList<string?>? items)
    {
        var errors = new ValidationErrors();
        if (items is null)
        {
            errors.Add("items", "Required: the agenda items in order (may be empty).");
        }

        ValidateAgenda(items, errors, "items");
        errors.ThrowIfAny();
        EnsureUnlocked();
        ReplaceAgenda(items!);
    }

    public sealed record Attendee(Guid? OrganizationId, Guid? RepresentativeId, string? Gender);

    /// <summary>
    /// Records who attended a meeting held on or before today; replaces earlier attendance. For a group, each attendee is a
    /// representative of a member organisation on the meeting's day (gender taken from them); for the Alliance, a member
    /// organisation on that day, with the attending person's gender code if given (no names).
    /// </summary>
    public void RecordAttendance(IReadOnlyList<Attendee>? attendees, PartnershipGroup? group, IReadOnlyList<AllianceMember> allianceMembers,
        DateOnly today)
    {
        var errors = new ValidationErrors();
        if (attendees is null || attendees.Count == 0)
        {
            errors.Add("attendees", "Required: who attended (at least one).");
        }

        var rows = new List<Attendance>();
        for (var i = 0; attendees is not null && i < attendees.Count; i++)
        {
            var attendee = attendees[i];
            var at = $"attendees[{i}]";
            if (Body == MeetingBody.Group)
            {
                var member = group!.MembersOn(Date).FirstOrDefault(m => m.Representatives.Any(r => r.Id == attendee.RepresentativeId));
                if (attendee.RepresentativeId is null || member is null)
                {
                    errors.Add($"{at}.representativeId", "A representative of an organisation that was a member of the group on the meeting's day.");
                }
                else if (rows.Any(r => r.RepresentativeId == attendee.RepresentativeId))
                {
                    errors.Add($"{at}.representativeId", "Listed twice.");
                }
                else
                {
                    var representative = member.Representatives.First(r => r.Id == attendee.RepresentativeId);
                    rows.Add(new Attendance(Id, member.OrganizationId, representative.Id, representative.Gender ?? Gender.Undisclosed, member.OrganizationType));
                }
            }
            else
            {
                var member = allianceMembers.FirstOrDefault(m => m.OrganizationId == attendee.OrganizationId && m.IsMemberOn(Date));
                if (member is null)
                {
                    errors.Add($"{at}.organizationId", "An organisation that was a member of the Alliance on the meeting's day.");
                }
                else if (attendee.Gender is not null && !Gender.IsKnown(attendee.Gender))
                {
                    errors.Add($"{at}.gender", $"Use one of {string.Join(", ", Gender.All)}.");
                }
                else
                {
                    rows.Add(new Attendance(Id, member.OrganizationId, null, attendee.Gender ?? Gender.Undisclosed, member.OrganizationType));
                }
            }
        }

        errors.ThrowIfAny();
        EnsureUnlocked();
        if (Date > today)
        {
            throw new RuleViolationException("meeting-not-held", $"The meeting is on {Date:yyyy-MM-dd}; attendance is recorded once it was held.");
        }

        Attendance = rows;
        HeldOn = Date;
        group?.MetOn(Date);
    }

    /// <summary>Organisations present: the Alliance members whose votes may be recorded.</summary>
    public IReadOnlySet<Guid> OrganizationsPresent => Attendance.Select(a => a.OrganizationId).ToHashSet();

    public IReadOnlyDictionary<string, int> AttendanceByGender => Age.CountBy(Attendance.Select(a => a.Gender), Gender.All);

    public IReadOnlyDictionary<string, int> AttendanceBySector =>
        Age.CountBy(Attendance.Select(a => a.Sector.ToString()), Enum.GetNames<OrganizationType>());

    /// <summary>Drafts (or redrafts) the minutes of a held meeting; redrafting circulated minutes sends them back to drafted.</summary>
    public void DraftMinutes(string? text)
    {
        var errors = new ValidationErrors();
        errors.Required(text, "text", MaxMinutesLength);
        errors.ThrowIfAny();
        EnsureUnlocked();
        EnsureHeld();
        Minutes = text!.Trim();
        MinutesStatus = MinutesStatus.Drafted;
    }

    public void CirculateMinutes()
    {
        EnsureUnlocked();
        if (MinutesStatus != MinutesStatus.Drafted)
        {
            throw new RuleViolationException("minutes-not-drafted", "Draft the minutes before circulating them.");
        }

        MinutesStatus = MinutesStatus.Circulated;
    }

    /// <summary>Approves circulated minutes; from now on the meeting's record is locked.</summary>
    public void ApproveMinutes(DateOnly today)
    {
        EnsureUnlocked();
        if (MinutesStatus != MinutesStatus.Circulated)
        {
            throw new RuleViolationException("minutes-not-circulated", "Minutes are approved after they were circulated to the members.");
        }

        MinutesStatus = MinutesStatus.Approved;
        MinutesApprovedOn = today;
    }

    public Decision RecordDecision(string? text, Guid? ownerOrganizationId, DateOnly? dueOn, IReadOnlySet<Guid> eligibleOwners, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        errors.Required(text, "text", MaxDecisionLength);
        if (ownerOrganizationId is null || !eligibleOwners.Contains(ownerOrganizationId.Value))
        {
            errors.Add("ownerOrganizationId", Body == MeetingBody.Group
                ? "Required: a member organisation of the group that owns the follow-up."
                : "Required: a member organisation of the Alliance that owns the follow-up.");
        }

        if (dueOn is null)
        {
            errors.Add("dueOn", "Required.");
        }
        else if (dueOn < Date)
        {
            errors.Add("dueOn", "Not before the meeting.");
        }

        errors.ThrowIfAny();
        EnsureUnlocked();
        EnsureHeld();
        var decision = new Decision(Id, text!.Trim(), ownerOrganizationId!.Value, dueOn!.Value, now);
        Decisions.Add(decision);
        return decision;
    }

    /// <summary>The follow-up of a decision: done or cancelled; the decision itself stays as minuted.</summary>
    public void SetDecisionStatus(Guid decisionId, DecisionStatus? status, DateOnly today)
    {
        if (status is not (DecisionStatus.Done or DecisionStatus.Cancelled))
        {
            throw new DomainValidationException(new Dictionary<string, string[]> { ["status"] = ["Use Done or Cancelled."] });
        }

        var decision = Decisions.FirstOrDefault(d => d.Id == decisionId) ?? throw new KeyNotFoundException($"No decision {decisionId}.");
        if (decision.Status != DecisionStatus.Open)
        {
            throw new RuleViolationException("decision-closed", $"The decision is {decision.Status}; its follow-up is over.");
        }

        decision.Status = status.Value;
        decision.ClosedOn = today;
    }

    private void ReplaceAgenda(IReadOnlyList<string?> items)
    {
        Agenda = [.. items.Select((title, i) => new AgendaItem(Id, i + 1, title!.Trim()))];
    }

    private static void ValidateAgenda(IReadOnlyList<string?>? items, ValidationErrors errors, string field = "agenda")
    {
        for (var i = 0; items is not null && i < items.Count; i++)
        {
            errors.Required(items[i], $"{field}[{i}]", MaxTextLength);
        }
    }

    private void EnsureHeld()
    {
        if (HeldOn is null)
        {
            throw new RuleViolationException("meeting-not-held", "Record the attendance of the meeting first.");
        }
    }

    private void EnsureUnlocked()
    {
        if (IsLocked)
        {
            throw new RuleViolationException("minutes-approved", "The minutes were approved; the meeting's record is locked.");
        }
    }
}

public sealed class AgendaItem
{
    private AgendaItem() { }

    public Guid Id { get; private set; }

    internal AgendaItem(Guid meetingId, int position, string title)
    {
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        Position = position;
        Title = title;
    }

    public Guid MeetingId { get; private set; }

    public int Position { get; private set; }

    public string Title { get; private set; } = "";
}

/// <summary>
/// One person attending for an organisation. The gender and sector are copied when attendance is recorded, so the
/// counts stay when a representative's data is erased.
/// </summary>
public sealed class Attendance
{
    private Attendance() { }

    internal Attendance(Guid meetingId, Guid organizationId, Guid? representativeId, string gender, OrganizationType sector)
    {
        Id = Guid.NewGuid();
        MeetingId = meetingId;
        OrganizationId = organizationId;
        RepresentativeId = representativeId;
        Gender = gender;
        Sector = sector;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public Guid? RepresentativeId { get; private set; }

    public string Gender { get; private set; } = "";

    public OrganizationType Sector { get; private set; }
}

public sealed class Decision
{
    private Decision() { }

    internal Decision(Guid meetingId, string text, Guid ownerOrganizationId, DateOnly dueOn, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7(now);
        MeetingId = meetingId;
        Text = text;
        OwnerOrganizationId = ownerOrganizationId;
        DueOn = dueOn;
        Status = DecisionStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid MeetingId { get; private set; }

    public string Text { get; private set; } = "";

    public Guid OwnerOrganizationId { get; private set; }

    public DateOnly DueOn { get; private set; }

    public DecisionStatus Status { get; internal set; }

    public DateOnly? ClosedOn { get; internal set; }

    public bool IsOverdueOn(DateOnly today) => Status == DecisionStatus.Open && DueOn < today;
}
