using Platform.Contracts.Capacity;

namespace Platform.Grants.Projections;

/// <summary>
/// A completed capacity assessment of an organisation, known from Capacity's <c>CapacityAssessmentCompleted</c>: one row
/// per assessment, holding its newest revision (a correction replaces, never adds).
/// </summary>
public sealed class CompletedAssessment
{
    private CompletedAssessment() { }

    public Guid AssessmentId { get; private set; }

    public Guid OrganizationId { get; private set; }

    public AssessmentKind Kind { get; private set; }

    public decimal Overall { get; private set; }

    public DateOnly CompletedOn { get; private set; }

    public int Revision { get; private set; }

    public static CompletedAssessment From(CapacityAssessmentCompleted e)
    {
        var assessment = new CompletedAssessment { AssessmentId = e.AssessmentId };
        assessment.Take(e);
        return assessment;
    }

    /// <summary>Takes a later revision; an earlier one arriving late (events are not ordered) changes nothing.</summary>
    public void Revise(CapacityAssessmentCompleted e)
    {
        if (e.Revision > Revision)
        {
            Take(e);
        }
    }

    private void Take(CapacityAssessmentCompleted e)
    {
        OrganizationId = e.OrganizationId;
        Kind = e.Kind;
        Overall = e.Overall;
        CompletedOn = e.CompletedOn;
        Revision = e.Revision;
    }
}
