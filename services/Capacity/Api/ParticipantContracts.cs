using Platform.Capacity.Participants;
using Platform.Contracts.Capacity;

namespace Platform.Capacity.Api;

public sealed record ParticipantConsentRequest(bool? Given, string? Purpose, string? NoticeVersion);

public sealed record ParticipantRequest(
    string? FullName, string? Gender, string? AgeGroup, string? Sector, Guid? OrganizationId, string? Municipality, string? Position,
    string? Email, string? Phone, ParticipantConsentRequest? Consent);

public sealed record ParticipantResponse(
    Guid Id, string FullName, string Gender, string AgeGroup, string Sector, Guid? OrganizationId, string? Municipality, string? Position,
    string? Email, string? Phone, ParticipantResponse.ConsentGiven Consent, DateTimeOffset RegisteredAt)
{
    public sealed record ConsentGiven(string Purpose, string NoticeVersion, DateTimeOffset GivenAt);

    public static ParticipantResponse From(Participant p) =>
        new(p.Id, p.FullName!, p.Gender!, p.AgeGroup!, p.Sector, p.OrganizationId, p.Municipality, p.Position, p.Email, p.Phone,
            new ConsentGiven(p.ConsentPurpose!, p.ConsentNoticeVersion!, p.ConsentGivenAt!.Value), p.RegisteredAt);
}

/// <summary>Everything Capacity holds about one person.</summary>
public sealed record ParticipantDataResponse(
    ParticipantResponse Participant,
    IReadOnlyList<ParticipantDataResponse.ActivityAttended> Activities,
    IReadOnlyList<ParticipantDataResponse.AssessmentRole> Assessments)
{
    public sealed record ActivityAttended(
        Guid ActivityId, CapacityActivityKind Kind, string Title, DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<DateOnly> SessionsAttended,
        decimal? PreTest, decimal? PostTest, decimal? Gain);

    public sealed record AssessmentRole(Guid AssessmentId, Guid OrganizationId, AssessmentKind Kind, string Role);
}

public sealed record ParticipantQuery(Guid? OrganizationId, string? Municipality, string? Sector, int? Page, int? PageSize);
