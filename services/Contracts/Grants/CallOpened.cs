namespace Platform.Contracts.Grants;

/// <summary>A call for proposals opened for submissions. Titles are public text (language code to text).</summary>
public sealed record CallOpened(
    Guid CallId,
    IReadOnlyDictionary<string, string> Title,
    TargetGroup TargetGroup,
    IReadOnlyList<string> EligibleMunicipalities,
    decimal Envelope,
    string Currency,
    DateTimeOffset OpensAt,
    DateTimeOffset Deadline) : IntegrationEvent;
