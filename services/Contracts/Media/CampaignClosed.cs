namespace Platform.Contracts.Media;

/// <summary>
/// An awareness campaign was closed with the reach its outputs measured: <see cref="ReachByChannel"/> by channel
/// code (<c>tv</c>, <c>radio</c>, <c>print</c>, <c>online</c>, <c>social</c>, <c>events</c>),
/// <see cref="ReachByLanguage"/> by language code, <see cref="ReachByMunicipality"/> by municipality code.
/// <see cref="Audiences"/> are codes: <c>youth</c>, <c>women</c>, <c>cso</c>, <c>lsg</c>, <c>general-public</c>.
/// </summary>
public sealed record CampaignClosed(
    Guid CampaignId,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyList<string> Audiences,
    IReadOnlyList<string> Municipalities,
    DateOnly StartsOn,
    DateOnly EndsOn,
    DateOnly ClosedOn,
    long Reach,
    long TargetReach,
    IReadOnlyDictionary<string, long> ReachByChannel,
    IReadOnlyDictionary<string, long> ReachByLanguage,
    IReadOnlyDictionary<string, long> ReachByMunicipality,
    int Outputs) : IntegrationEvent;
