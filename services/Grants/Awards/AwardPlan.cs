using Platform.Grants.Evaluation;

namespace Platform.Grants.Awards;

/// <summary>What happens to one ranked application when a call is awarded from its ranking.</summary>
public sealed record AwardDecision(Guid ApplicationId, decimal? Amount, string? WaitingListReason);

/// <summary>
/// Awards a ranking top down: each application not yet decided gets its requested amount while it fits in what is
/// left of the envelope; one that does not fit goes to the waiting list (a cheaper one further down may still fit).
/// </summary>
public static class AwardPlan
{
    public static IReadOnlyList<AwardDecision> FromRanking(IReadOnlyList<RankedApplication> ranking, decimal remainingEnvelope, string currency)
    {
        var decisions = new List<AwardDecision>();
        var left = remainingEnvelope;
        foreach (var ranked in ranking.Where(r => r.Status == Applications.ApplicationStatus.Submitted))
        {
            if (ranked.RequestedAmount <= left)
            {
                left -= ranked.RequestedAmount;
                decisions.Add(new AwardDecision(ranked.ApplicationId, ranked.RequestedAmount, null));
            }
            else
            {
                decisions.Add(new AwardDecision(ranked.ApplicationId, null,
                    $"Ranked {ranked.Rank}: the envelope had {left} {currency} left for the {ranked.RequestedAmount} {currency} requested."));
            }
        }

        return decisions;
    }
}
