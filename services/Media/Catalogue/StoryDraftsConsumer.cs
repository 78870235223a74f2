using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts;
using Platform.Contracts.Grants;
using Platform.Contracts.Partnerships;
using Platform.Contracts.Youth;
using Platform.Media.Data;

namespace Platform.Media.Catalogue;

/// <summary>Drafts a story for the media team from each grant awarded, service institutionalised, recommendation adopted and cohort's graduates; each event applied once.</summary>
public sealed class StoryDraftsConsumer(Inbox<MediaDbContext> inbox, TimeProvider clock) :
    IConsumer<GrantAwarded>, IConsumer<SocialServiceLaunched>, IConsumer<RecommendationAdopted>, IConsumer<ParticipantGraduated>
{
    private Task DraftOnceAsync(IIntegrationEvent e, StoryKind kind, Guid subjectId, string? municipality,
        Func<MediaDbContext, CancellationToken, Task<StoryText>> text, CancellationToken cancellationToken) =>
        inbox.ApplyOnceAsync(e, "story-drafts", async (db, ct) =>
        {
            // One story per subject: a second event about the same award (a replay with a new id) drafts nothing.
            // Messages applied together share the context, so a draft added by one of them is looked for there too.
            if (!db.Stories.Local.Any(s => s.Kind == kind && s.SubjectId == subjectId)
                && !await db.Stories.AnyAsync(s => s.Kind == kind && s.SubjectId == subjectId, ct))
            {
                db.Stories.Add(Story.Draft(kind, subjectId, e.EventId, municipality, await text(db, ct), clock.GetUtcNow()));
            }
        }, cancellationToken);

    public Task Consume(ConsumeContext<GrantAwarded> context)
    {
        var e = context.Message;
        return DraftOnceAsync(e, StoryKind.GrantAwarded, e.AwardId, e.Municipality, async (db, ct) =>
        {
            var organization = e.OrganizationId is { } id ? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) : null;
            return StoryDrafts.GrantAwarded(e, organization?.Name.ToString());
        }, context.CancellationToken);
    }

    public Task Consume(ConsumeContext<SocialServiceLaunched> context)
    {
        var e = context.Message;
        return DraftOnceAsync(e, StoryKind.ServiceInstitutionalised, e.SocialServiceId, e.Municipality,
            (_, _) => Task.FromResult(StoryDrafts.ServiceInstitutionalised(e)), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<RecommendationAdopted> context)
    {
        var e = context.Message;
        return DraftOnceAsync(e, StoryKind.RecommendationAdopted, e.RecommendationId, e.Municipalities.Count == 1 ? e.Municipalities[0] : null,
            (_, _) => Task.FromResult(StoryDrafts.RecommendationAdopted(e)), context.CancellationToken);
    }

    /// <summary>A cohort has one story, counting its graduates while the media team has not yet edited it.</summary>
    public Task Consume(ConsumeContext<ParticipantGraduated> context)
    {
        var e = context.Message;
        return inbox.ApplyOnceAsync(e, "story-drafts", async (db, ct) =>
        {
            var now = clock.GetUtcNow();
            if ((db.Stories.Local.FirstOrDefault(s => s.Kind == StoryKind.CohortGraduated && s.SubjectId == e.CohortId)
                 ?? await db.Stories.FirstOrDefaultAsync(s => s.Kind == StoryKind.CohortGraduated && s.SubjectId == e.CohortId, ct)) is { } story)
            {
                story.CountGraduate(e.ParticipantId, StoryDrafts.CohortGraduated, now);
                return;
            }

            var draft = Story.Draft(StoryKind.CohortGraduated, e.CohortId, e.EventId, null, StoryDrafts.CohortGraduated(1), now);
            draft.CountGraduate(e.ParticipantId, StoryDrafts.CohortGraduated, now);
            db.Stories.Add(draft);
        }, context.CancellationToken);
    }
}
