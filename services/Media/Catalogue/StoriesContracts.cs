namespace Platform.Media.Catalogue;

public sealed record ConsentRequest(bool? Given, string? Reference);

/// <summary>The media team's text of a story. Naming a person needs <c>containsPersonalData</c> and their recorded consent.</summary>
public sealed record StoryEditRequest(
    IReadOnlyDictionary<string, string?>? Title,
    IReadOnlyDictionary<string, string?>? Body,
    bool? ContainsPersonalData,
    ConsentRequest? Consent);

public sealed record StoryResponse(
    Guid Id,
    StoryKind Kind,
    StoryStatus Status,
    Guid SubjectId,
    string? Municipality,
    IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Body,
    bool ContainsPersonalData,
    string? ConsentReference,
    DateTimeOffset? ConsentRecordedAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ApprovedAt,
    DateTimeOffset? PublishedAt)
{
    public static StoryResponse From(Story s) => new(
        s.Id, s.Kind, s.Status, s.SubjectId, s.Municipality, s.Title.Values, s.Body.Values, s.ContainsPersonalData, s.ConsentReference,
        s.ConsentRecordedAt, s.CreatedAt, s.UpdatedAt, s.ApprovedAt, s.PublishedAt);
}

/// <summary>A published story as the public sees it.</summary>
public sealed record PublicStoryResponse(Guid Id, StoryKind Kind, string? Municipality, IReadOnlyDictionary<string, string> Title,
    IReadOnlyDictionary<string, string> Body, DateTimeOffset PublishedAt)
{
    public static PublicStoryResponse From(Story s) => new(s.Id, s.Kind, s.Municipality, s.Title.Values, s.Body.Values, s.PublishedAt!.Value);
}

public sealed record StoryQuery(string? Status, string? Municipality, int? Page, int? PageSize);

public sealed record CatalogueQuery(string? Municipality, int? Page, int? PageSize);
