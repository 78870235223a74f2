namespace Platform.Contracts.Youth;

/// <summary>Who a civic education camp is for.</summary>
public enum CampAudience
{
    Youth,
    Women,
}

/// <summary>
/// A civic education camp was held. Counts only: <see cref="ParticipantsByGender"/> maps a gender code
/// (<c>female</c>, <c>male</c>, <c>other</c>, <c>undisclosed</c>) and <see cref="ParticipantsByAgeGroup"/> an age
/// group (<c>under-18</c>, <c>18-24</c>, <c>25-34</c>, <c>35-plus</c>) to the number of participants who attended.
/// </summary>
public sealed record CampHeld(
    Guid CampId,
    CampAudience Audience,
    string Municipality,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int Participants,
    IReadOnlyDictionary<string, int> ParticipantsByGender,
    IReadOnlyDictionary<string, int> ParticipantsByAgeGroup) : IntegrationEvent;
