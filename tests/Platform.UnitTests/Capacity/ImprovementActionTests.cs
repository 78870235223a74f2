using Platform.Capacity.ActionPlans;
using static Platform.UnitTests.Capacity.CapacityExamples;

namespace Platform.UnitTests.Capacity;

public sealed class ImprovementActionTests
{
    private static readonly Dictionary<string, int> WeakBudgeting = new() { ["budgeting"] = 1, ["internal-control"] = 2 };

    private static ImprovementAction Plan(string subArea = "budgeting", DateOnly? dueOn = null) =>
        ImprovementAction.Plan(Validated(3, WeakBudgeting), Oca, subArea, "Adopt an annual budget and review actuals quarterly.", "Finance officer",
            dueOn ?? Today.AddDays(30), ["training", "mentoring"], Today, Now);

    [Fact]
    public void An_action_is_planned_for_a_weak_sub_area_of_a_validated_assessment()
    {
        var action = Plan("internal-control");

        Assert.Equal(("financial-management", "internal-control", 2, ActionStatus.Planned), (action.Domain, action.SubArea, action.Level, action.Status));
        Assert.Equal(["mentoring", "training"], action.Support);
        Assert.Equal("sub-area-not-weak", CodeOf(() => Plan("board")));
        Assert.Equal("assessment-not-validated",
            CodeOf(() => ImprovementAction.Plan(Draft(), Oca, "budgeting", "x", "Director", Today, null, Today, Now)));
    }

    [Fact]
    public void Every_missing_or_wrong_field_of_an_action_is_named()
    {
        var errors = ErrorsOf(() => ImprovementAction.Plan(Validated(1), Oca, null, " ", null, null, ["money"], Today, Now));

        Assert.Equal(["description", "dueOn", "owner", "subArea", "support[0]"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("subArea", ErrorsOf(() => ImprovementAction.Plan(Validated(1), Oca, "nowhere", "x", "Director", Today, null, Today, Now)).Keys);
    }

    [Fact]
    public void An_open_action_past_its_due_day_is_overdue_until_done_with_evidence()
    {
        var action = Plan(dueOn: Today.AddDays(10));
        Assert.False(action.IsOverdue(Today.AddDays(10)));
        Assert.True(action.IsOverdue(Today.AddDays(11)));

        action.Start(Now);
        Assert.True(action.IsOverdue(Today.AddDays(11)));
        Assert.Contains("evidence", ErrorsOf(() => action.Complete([], Today, Now)).Keys);
        action.Complete(["budget-2027-approved-by-board.pdf"], Today.AddDays(12), Now);

        Assert.Equal((ActionStatus.Done, Today.AddDays(12)), (action.Status, action.DoneOn));
        Assert.False(action.IsOverdue(Today.AddDays(40)));
        Assert.Equal("action-closed", CodeOf(() => action.Drop("no longer needed", Now)));
        Assert.Equal("action-not-planned", CodeOf(() => action.Start(Now)));
    }

    [Fact]
    public void A_dropped_action_keeps_its_reason_and_no_longer_changes()
    {
        var action = Plan();
        Assert.Contains("reason", ErrorsOf(() => action.Drop(null, Now)).Keys);

        action.Drop("Covered by the new finance manual from the donor.", Now);

        Assert.Equal((ActionStatus.Dropped, "Covered by the new finance manual from the donor."), (action.Status, action.DropReason));
        Assert.False(action.IsOverdue(Today.AddDays(100)));
        Assert.Equal("action-closed", CodeOf(() => action.Complete(["x"], Today, Now)));
    }
}
