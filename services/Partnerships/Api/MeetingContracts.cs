using Platform.Partnerships.Meetings;

namespace Platform.Partnerships.Api;

public sealed record MeetingRequest(MeetingBody? Body, Guid? GroupId, string? Title, DateOnly? Date, string? Place, bool? Online, List<string?>? Agenda);

public sealed record AgendaRequest(List<string?>? Items);

public sealed record AttendeeRequest(Guid? OrganizationId, Guid? RepresentativeId, string? Gender);

public sealed record AttendanceRequest(List<AttendeeRequest?>? Attendees);

public sealed record MinutesRequest(string? Text);

public sealed record DecisionRequest(string? Text, Guid? OwnerOrganizationId, DateOnly? DueOn);

public sealed record DecisionStatusRequest(DecisionStatus? Status);

public sealed record MeetingQuery(string? Body, Guid? GroupId, string? Municipality, string? MinutesStatus, int? Page, int? PageSize);

public sealed record OverdueQuery(Guid? GroupId, string? Municipality, int? Page, int? PageSize);

/// <summary>
/// A meeting. Who attended, person by person, only for those who see personal data; for everyone else the organisations
/// present and the counts by gender and sector.
/// </summary>
public sealed record MeetingResponse(
    Guid Id,
    MeetingBody Body,
    Guid? GroupId,
    string? Municipality,
    string Title,
    DateOnly Date,
    string? Place,
    bool Online,
    IReadOnlyList<MeetingResponse.Item> Agenda,
    DateOnly? HeldOn,
    IReadOnlyList<Guid> OrganizationsPresent,
    int Attendees,
    IReadOnlyDictionary<string, int> AttendeesByGender,
    IReadOnlyDictionary<string, int> AttendeesBySector,
    IReadOnlyList<MeetingResponse.Attendee>? Attendance,
    string? Minutes,
    MinutesStatus MinutesStatus,
    DateOnly? MinutesApprovedOn,
    bool Locked,
    IReadOnlyList<DecisionResponse> Decisions)
{
    public sealed record Item(int Position, string Title);

    public sealed record Attendee(Guid OrganizationId, Guid? RepresentativeId, string Gender, string Sector);

    public static MeetingResponse From(Meeting m, DateOnly today, bool withPersonalData) =>
        new(m.Id, m.Body, m.GroupId, m.Municipality, m.Title, m.Date, m.Place, m.Online,
            [.. m.Agenda.OrderBy(a => a.Position).Select(a => new Item(a.Position, a.Title))],
            m.HeldOn, [.. m.OrganizationsPresent.Order()], m.Attendance.Count, m.AttendanceByGender, m.AttendanceBySector,
            withPersonalData ? [.. m.Attendance.OrderBy(a => a.OrganizationId).Select(a => new Attendee(a.OrganizationId, a.RepresentativeId, a.Gender, a.Sector.ToString()))] : null,
            m.Minutes, m.MinutesStatus, m.MinutesApprovedOn, m.IsLocked,
            [.. m.Decisions.OrderBy(d => d.DueOn).ThenBy(d => d.Id).Select(d => DecisionResponse.From(d, m, today))]);
}

public sealed record DecisionResponse(Guid Id, Guid MeetingId, Guid? GroupId, string? Municipality, string Text, Guid OwnerOrganizationId,
    DateOnly DueOn, DecisionStatus Status, DateOnly? ClosedOn, bool Overdue)
{
    public static DecisionResponse From(Decision d, Meeting m, DateOnly today) =>
        new(d.Id, d.MeetingId, m.GroupId, m.Municipality, d.Text, d.OwnerOrganizationId, d.DueOn, d.Status, d.ClosedOn, d.IsOverdueOn(today));
}
