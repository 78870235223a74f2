namespace Platform.Grants.Calls;

/// <summary>A call's lifecycle: drafted, open for submissions, closed, evaluated, awarded, archived.</summary>
public enum CallStatus
{
    Draft,
    Open,
    Closed,
    Evaluated,
    Awarded,
    Archived,
}
