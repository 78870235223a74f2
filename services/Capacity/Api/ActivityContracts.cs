using Platform.Capacity.Activities;
using Platform.Contracts.Capacity;

namespace Platform.Capacity.Api;

public sealed record ActivitySessionRequest(DateOnly? Date, string? Topic);

public sealed record ActivityParticipantRequest(Guid? ParticipantId);

public sealed record ActivityAttendanceRequest(List<Guid>? ParticipantIds);

public sealed record TestScoresRequest(decimal? PreTest, decimal? PostTest);

/// <summary>
/// An activity. Trainers, mentor and who took part (participant ids, attendance, test scores) only for the capacity
/// team and the admin; the numbers for everyone.
/// </summary>
public sealed record ActivityResponse(
    Guid Id,
    CapacityActivityKind Kind,
    string Title,
    IReadOnlyList<string> Topics,
    string Audience,
    bool HumanRightsBasedApproach,
    DateOnly StartsOn,
    DateOnly EndsOn,
    string? Municipality,
    bool Online,
    string? Country,
    string? City,
    string Place,
    IReadOnlyList<string> HostOrganizations,
    IReadOnlyList<string>? Trainers,
    string? Mentor,
    Guid? MentoredOrganizationId,
    decimal? Hours,
    IReadOnlyList<Guid> ActionIds,
    ActivityStatus Status,
    IReadOnlyList<ActivityResponse.Session> Sessions,
    int Registered,
    IReadOnlyList<ActivityResponse.Participant>? Participants,
    ActivityCounts? Delivered)
{
    public sealed record Session(Guid Id, DateOnly Date, string Topic);

    public sealed record Participant(Guid ParticipantId, IReadOnlyList<Guid> SessionsAttended, decimal? PreTest, decimal? PostTest, decimal? Gain)
    {
        public static Participant From(ActivityParticipant p) => new(p.ParticipantId, p.SessionsAttended, p.PreTest, p.PostTest, p.Gain);
    }

    public static ActivityResponse From(Activity a, bool withPersonalData) =>
        new(a.Id, a.Kind, a.Title, a.Topics, a.Audience, a.HumanRightsBasedApproach, a.StartsOn, a.EndsOn, a.Municipality, a.Online, a.Country, a.City,
            a.Place, a.HostOrganizations, withPersonalData ? a.Trainers : null, withPersonalData ? a.Mentor : null, a.MentoredOrganizationId, a.Hours,
            a.ActionIds, a.Status,
            [.. a.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Id).Select(s => new Session(s.Id, s.Date, s.Topic))],
            a.Participants.Count,
            withPersonalData ? [.. a.Participants.OrderBy(p => p.RegisteredAt).Select(Participant.From)] : null,
            a.Delivered);
}

public sealed record ActivityQuery(string? Kind, string? Status, string? Municipality, string? Audience, Guid? OrganizationId, int? Page, int? PageSize);
