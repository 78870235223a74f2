namespace Platform.Contracts.Capacity;

/// <summary>What kind of capacity-development activity was held.</summary>
public enum CapacityActivityKind
{
    Training,
    Mentoring,
    StudyTour,
    ExchangeVisit,
}

/// <summary>
/// A capacity-development activity (training, mentoring, study tour, exchange visit) was delivered. Counts only,
/// never names: <see cref="ParticipantsByGender"/> uses the gender codes of <c>ReferenceData.Gender</c>,
/// <see cref="ParticipantsBySector"/> the sectors <c>cso</c>, <c>lsg</c>, <c>media</c>, <c>other</c>,
/// <see cref="ParticipantsByMunicipality"/> municipality codes (participants from elsewhere under <c>other</c>).
/// <see cref="Audience"/> is who the activity was for: <c>cso-staff</c>, <c>lsg-staff</c>, <c>youth</c>, <c>women</c>.
/// <see cref="Municipality"/> is where it was held (null: online or abroad, then <see cref="Country"/> says where).
/// <see cref="ParticipantDays"/> sums the days each participant attended.
/// </summary>
public sealed record TrainingDelivered(
    Guid ActivityId,
    CapacityActivityKind Kind,
    string Audience,
    bool HumanRightsBasedApproach,
    string? Municipality,
    string? Country,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int Participants,
    IReadOnlyDictionary<string, int> ParticipantsByGender,
    IReadOnlyDictionary<string, int> ParticipantsBySector,
    IReadOnlyDictionary<string, int> ParticipantsByMunicipality,
    decimal ParticipantDays,
    decimal? AverageTestGain) : IntegrationEvent;
