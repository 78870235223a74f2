using Platform.Contracts.Capacity;

namespace Platform.Grants.Projections;

/// <summary>A completed capacity assessment of an organisation, known from Capacity's <c>CapacityAssessmentCompleted</c>.</summary>
public sealed class CompletedAssessment
{
    private CompletedAssessment() { }

    public Guid AssessmentId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public AssessmentKind Kind { get; private set; }

    public decimal Overall { get; private set; }

    public DateOnly CompletedOn { get; private set; }

    public static CompletedAssessment From(CapacityAssessmentCompleted e) =>
        new() { AssessmentId = e.AssessmentId, OrganizationId = e.OrganizationId, Kind = e.Kind, Overall = e.Overall, CompletedOn = e.CompletedOn };
}
