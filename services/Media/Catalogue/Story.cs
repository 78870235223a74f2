using Platform.ServiceDefaults.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Platform.Media.Results;
using Platform.ServiceDefaults.Data;

namespace Platform.Media.Catalogue;

public enum StoryStatus
{
    Draft,
    Approved,
    Published,
}

/// <summary>What a story was drafted from.</summary>
public enum StoryKind
{
    GrantAwarded,
    ServiceInstitutionalised,
    RecommendationAdopted,
    CohortGraduated,
}

/// <summary>
/// A story for the public catalogue: drafted from an event (never with personal data), edited, approved and published by
/// the media team. Personal data enters a story only when the media team adds it and records the person's consent.
/// </summary>
public sealed class Story
{
    public const int MaxTitleLength = 200;
    public const int MaxBodyLength = 10_000;
    public const int MaxConsentReferenceLength = 200;

    private Story()
    {
    }

    public Guid Id { get; private set; }

    public StoryKind Kind { get; private set; }

    /// <summary>The award, service, recommendation or cohort the story is about: one story each.</summary>
    public Guid SubjectId { get; private set; }

    public Guid SourceEventId { get; private set; }

    public string? Municipality { get; private set; }

    public LocalizedText Title { get; private set; } = null!;

    public LocalizedText Body { get; private set; } = null!;

    public StoryStatus Status { get; private set; }

    /// <summary>For a cohort's story: the graduates counted so far (ids only, never shown), so a repeated event counts once.</summary>
    public List<Guid> Graduates { get; private set; } = [];

    /// <summary>Once the media team has written in it, a draft is no longer rewritten from events.</summary>
    public bool Edited { get; private set; }

    public bool ContainsPersonalData { get; private set; }

    /// <summary>Where the media team keeps the consent of the people a story names (a form's reference); required with personal data.</summary>
    public string? ConsentReference { get; private set; }

    public DateTimeOffset? ConsentRecordedAt { get; private set; }

    public string? ConsentRecordedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ApprovedAt { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    public static Story Draft(StoryKind kind, Guid subjectId, Guid sourceEventId, string? municipality, StoryText text, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(),
        Kind = kind,
        SubjectId = subjectId,
        SourceEventId = sourceEventId,
        Municipality = municipality,
        Title = LocalizedText.From(text.Title),
        Body = LocalizedText.From(text.Body),
        Status = StoryStatus.Draft,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>A cohort's story counts one more graduate while it is still a draft the media team has not edited.</summary>
    public bool CountGraduate(Guid participantId, Func<int, StoryText> text, DateTimeOffset now)
    {
        if (Graduates.Contains(participantId))
        {
            return false;
        }

        Graduates = [.. Graduates, participantId];
        if (Status == StoryStatus.Draft && !Edited)
        {
            var drafted = text(Graduates.Count);
            Title = LocalizedText.From(drafted.Title);
            Body = LocalizedText.From(drafted.Body);
        }

        return true;
    }

    /// <summary>Rewrites the text; an approved story goes back to draft. A published story is unpublished first.</summary>
    public void Edit(LocalizedText title, LocalizedText body, bool containsPersonalData, string? consentReference, string by, DateTimeOffset now)
    {
        if (Status == StoryStatus.Published)
        {
            throw new RuleViolationException("story-published", "A published story is unpublished before it is edited.");
        }

        Title = title;
        Body = body;
        if (containsPersonalData && (!ContainsPersonalData || ConsentReference != consentReference))
        {
            ConsentRecordedAt = now;
            ConsentRecordedBy = by;
        }

        ContainsPersonalData = containsPersonalData;
        ConsentReference = containsPersonalData ? consentReference : null;
        if (!containsPersonalData)
        {
            ConsentRecordedAt = null;
            ConsentRecordedBy = null;
        }

        Status = StoryStatus.Draft;
        ApprovedAt = null;
        ApprovedBy = null;
        Edited = true;
        UpdatedAt = now;
    }

    public void Approve(string by, DateTimeOffset now)
    {
        if (Status != StoryStatus.Draft)
        {
            throw new RuleViolationException("story-not-draft", $"Only a draft is approved; this story is {Status}.");
        }

        Status = StoryStatus.Approved;
        ApprovedAt = now;
        ApprovedBy = by;
        UpdatedAt = now;
    }

    public void Publish(DateTimeOffset now)
    {
        if (Status != StoryStatus.Approved)
        {
            throw new RuleViolationException("story-not-approved", $"A story is approved before it is published; this story is {Status}.");
        }

        Status = StoryStatus.Published;
        PublishedAt = now;
        UpdatedAt = now;
    }

    public void Unpublish(DateTimeOffset now)
    {
        if (Status != StoryStatus.Published)
        {
            throw new RuleViolationException("story-not-published", $"This story is {Status}, not published.");
        }

        Status = StoryStatus.Draft;
        PublishedAt = null;
        ApprovedAt = null;
        ApprovedBy = null;
        UpdatedAt = now;
    }
}

/// <summary>A story's title and body, language code to text.</summary>
public sealed record StoryText(IReadOnlyDictionary<string, string?> Title, IReadOnlyDictionary<string, string?> Body);

internal sealed class StoryConfiguration : IEntityTypeConfiguration<Story>
{
    public void Configure(EntityTypeBuilder<Story> story)
    {
        story.ToTable("stories");
        story.HasKey(s => s.Id);
        story.Property(s => s.Id).ValueGeneratedNever();
        story.Property(s => s.Kind).HasConversion<string>().HasMaxLength(40);
        story.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        story.Property(s => s.Municipality).HasMaxLength(20);
        story.Property(s => s.Title).HasLocalizedTextConversion();
        story.Property(s => s.Body).HasLocalizedTextConversion();
        story.Property(s => s.Graduates).HasJsonbConversion();
        story.Property(s => s.ConsentReference).HasMaxLength(Story.MaxConsentReferenceLength);
        story.Property(s => s.ConsentRecordedBy).HasMaxLength(200);
        story.Property(s => s.ApprovedBy).HasMaxLength(200);
        story.HasIndex(s => new { s.Kind, s.SubjectId }).IsUnique();
        story.HasIndex(s => new { s.Status, s.PublishedAt });
        story.HasRowVersion();
    }
}
