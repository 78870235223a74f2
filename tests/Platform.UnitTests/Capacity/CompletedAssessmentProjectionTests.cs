using Platform.Grants.Projections;

namespace Platform.UnitTests.Capacity;

/// <summary>Grants' copy of a completed assessment: a correction replaces it; a late, older revision does not.</summary>
public sealed class CompletedAssessmentProjectionTests
{
    private static CapacityAssessmentCompleted Completed(Guid id, int revision, decimal overall) =>
        new(id, Guid.NewGuid(), AssessmentKind.Baseline, new Dictionary<string, decimal> { ["governance"] = overall }, overall, new DateOnly(2026, 12, revision))
        {
            Revision = revision,
        };

    [Fact]
    public void A_higher_revision_replaces_and_a_lower_one_arriving_late_changes_nothing()
    {
        var id = Guid.NewGuid();
        var projection = CompletedAssessment.From(Completed(id, 1, 2m));

        var correction = Completed(id, 2, 2.5m);
        projection.Revise(correction);
        Assert.Equal((2, 2.5m, correction.OrganizationId), (projection.Revision, projection.Overall, projection.OrganizationId));

        projection.Revise(Completed(id, 1, 1m));
        Assert.Equal((2, 2.5m, new DateOnly(2026, 12, 2)), (projection.Revision, projection.Overall, projection.CompletedOn));
    }
}
