using MassTransit;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Capacity;
using Platform.Contracts.Youth;
using Platform.Grants.Data;

namespace Platform.Grants.Projections;

/// <summary>Keeps the graduates who may apply to graduate calls, from Youth's events; each event applied once.</summary>
public sealed class GraduatesConsumer(Inbox<GrantsDbContext> inbox) : IConsumer<ParticipantGraduated>
{
    public Task Consume(ConsumeContext<ParticipantGraduated> context)
    {
        var e = context.Message;
        return inbox.ApplyOnceAsync(e, "graduates", async (db, ct) =>
        {
            // A participant graduates once; a repeated event with a new id changes nothing.
            if (!await db.Graduates.AnyAsync(g => g.ParticipantId == e.ParticipantId, ct))
            {
                db.Graduates.Add(Graduate.From(e));
            }
        }, context.CancellationToken);
    }
}

/// <summary>Keeps the organisations' completed capacity assessments, newest revision of each, from Capacity's events; each event applied once.</summary>
public sealed class CompletedAssessmentsConsumer(Inbox<GrantsDbContext> inbox) : IConsumer<CapacityAssessmentCompleted>
{
    public Task Consume(ConsumeContext<CapacityAssessmentCompleted> context)
    {
        var e = context.Message;
        return inbox.ApplyOnceAsync(e, "completed-assessments", async (db, ct) =>
        {
            // One row per assessment: a correction (same id, higher revision) replaces the earlier revision.
            if (await db.CompletedAssessments.FirstOrDefaultAsync(a => a.AssessmentId == e.AssessmentId, ct) is { } known)
            {
                known.Revise(e);
            }
            else
            {
                db.CompletedAssessments.Add(CompletedAssessment.From(e));
            }
        }, context.CancellationToken);
    }
}
