using MassTransit;
using Microsoft.AspNetCore.OutputCaching;
using Platform.Contracts;
using Platform.Contracts.Capacity;
using Platform.Contracts.Grants;
using Platform.Contracts.Media;
using Platform.Contracts.Partnerships;
using Platform.Contracts.Youth;
using Platform.Media.Data;

namespace Platform.Media.Results;

/// <summary>
/// Keeps every event the results framework reads as a fact, each applied once (the inbox row and the fact are committed
/// together). A new fact changes public figures, so the catalogue's cached figures are evicted once it is committed.
/// </summary>
public sealed class FactsConsumer(Inbox<MediaDbContext> inbox, TimeProvider clock, IOutputCacheStore cache) :
    IConsumer<CapacityAssessmentCompleted>, IConsumer<TrainingDelivered>,
    IConsumer<CallOpened>, IConsumer<GrantAwarded>, IConsumer<TranchePaid>, IConsumer<GrantClosed>,
    IConsumer<ParticipantGraduated>, IConsumer<CampHeld>,
    IConsumer<PartnershipGroupFormed>, IConsumer<PartnershipGroupClosed>, IConsumer<RecommendationAdopted>,
    IConsumer<RecommendationImplemented>, IConsumer<SocialServiceLaunched>, IConsumer<PilotInitiativeCompleted>,
    IConsumer<CampaignClosed>
{
    /// <summary>The output-cache tag of every public figure and list derived from facts.</summary>
    public const string CacheTag = "catalogue";

    private async Task RecordAsync<T>(ConsumeContext<T> context, Func<T, DateTimeOffset, Fact> toFact) where T : class, IIntegrationEvent
    {
        var e = context.Message;
        var applied = await inbox.ApplyOnceAsync(e, "results-facts", (db, _) =>
        {
            db.Facts.Add(toFact(e, clock.GetUtcNow()));
            return Task.CompletedTask;
        }, context.CancellationToken);
        if (applied)
        {
            await cache.EvictByTagAsync(CacheTag, context.CancellationToken);
        }
    }

    public Task Consume(ConsumeContext<CapacityAssessmentCompleted> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<TrainingDelivered> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<CallOpened> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<GrantAwarded> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<TranchePaid> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<GrantClosed> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<ParticipantGraduated> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<CampHeld> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<PartnershipGroupFormed> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<PartnershipGroupClosed> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<RecommendationAdopted> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<RecommendationImplemented> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<SocialServiceLaunched> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<PilotInitiativeCompleted> context) => RecordAsync(context, Fact.From);

    public Task Consume(ConsumeContext<CampaignClosed> context) => RecordAsync(context, Fact.From);
}
