namespace Platform.Grants.Applications;

/// <summary>
/// An application's way through a call: drafted, submitted (eligible or not), withdrawn by the applicant, and
/// after the award either awarded, on the waiting list (eligible but the envelope ran out) or rejected with a reason.
/// </summary>
public enum ApplicationStatus
{
    Draft,
    Submitted,
    Withdrawn,
    Awarded,
    WaitingList,
    Rejected,
}
