using Platform.Capacity.ActionPlans;

namespace Platform.Capacity.Api;

public sealed record ActionRequest(string? SubArea, string? Description, string? Owner, DateOnly? DueOn, List<string?>? Support);

public sealed record CompleteActionRequest(List<string?>? Evidence);

public sealed record DropActionRequest(string? Reason);

/// <summary>An item of an action plan; <c>overdue</c> is as of today.</summary>
public sealed record ActionResponse(
    Guid Id,
    Guid AssessmentId,
    Guid OrganizationId,
    string Municipality,
    string Domain,
    string SubArea,
    int Level,
    string Description,
    string Owner,
    DateOnly DueOn,
    IReadOnlyList<string> Support,
    ActionStatus Status,
    bool Overdue,
    string? DropReason,
    IReadOnlyList<string> Evidence,
    DateOnly? DoneOn,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static ActionResponse From(ImprovementAction a, DateOnly today) =>
        new(a.Id, a.AssessmentId, a.OrganizationId, a.Municipality, a.Domain, a.SubArea, a.Level, a.Description, a.Owner, a.DueOn, a.Support,
            a.Status, a.IsOverdue(today), a.DropReason, a.Evidence, a.DoneOn, a.CreatedAt, a.UpdatedAt);
}

/// <summary>Action-plan items, by organisation, assessment, municipality and status; <c>overdue=true</c> keeps only open items past their due day.</summary>
public sealed record ActionQuery(Guid? OrganizationId, Guid? AssessmentId, string? Municipality, string? Status, bool? Overdue, int? Page, int? PageSize);
