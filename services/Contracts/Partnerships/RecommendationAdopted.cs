namespace Platform.Contracts.Partnerships;

/// <summary>How the authority answered a recommendation of the Regional Social Services Alliance.</summary>
public enum AdoptionOutcome
{
    Adopted,
    PartiallyAdopted,
}

/// <summary>
/// An authority adopted (fully or in part) a recommendation of the Regional Social Services Alliance. Title and
/// summary are public text (language code to text); <see cref="AuthorityOrganizationId"/> is the LSG body from the
/// registry, or null with <see cref="AuthorityName"/> for a national authority.
/// </summary>
public sealed record RecommendationAdopted(
    Guid RecommendationId,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Summary,
    AdoptionOutcome Outcome,
    Guid? AuthorityOrganizationId,
    string? AuthorityName,
    IReadOnlyList<string> Municipalities,
    DateOnly AdoptedOn) : IntegrationEvent;

/// <summary>
/// Progress on implementing an adopted recommendation was recorded (0-100 percent); published at every update,
/// the latest <see cref="RecordedOn"/> wins. <see cref="Completed"/> when it reached 100.
/// </summary>
public sealed record RecommendationImplemented(
    Guid RecommendationId,
    IReadOnlyList<string> Municipalities,
    int ProgressPercent,
    bool Completed,
    DateOnly RecordedOn) : IntegrationEvent;
