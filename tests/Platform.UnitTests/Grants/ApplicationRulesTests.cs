using Platform.Contracts.Grants;
using Platform.Grants.Applications;
using Platform.Grants.Funding;
using static Platform.UnitTests.Grants.GrantsSamples;

namespace Platform.UnitTests.Grants;

public sealed class ApplicationRulesTests
{
    private static ApplicationDetails? Create(ValidationErrors errors, string? currency = "GEL", decimal? requested = 10_000m, params BudgetLineInput?[] lines) =>
        ApplicationDetails.Create(OpenCall(), "Youth centre", "Classes.", "KK-MARNEULI", requested, 2_000m, currency,
            lines.Length == 0 ? [new("Rent", 9_000m, "GEL"), new("Materials", 1_000m, "GEL")] : lines, errors);

    [Fact]
    public void Budget_lines_in_the_call_s_currency_that_sum_to_the_requested_amount_make_a_project()
    {
        var errors = new ValidationErrors();
        var project = Create(errors);
        Assert.False(errors.Any);
        Assert.Equal(10_000m, project!.BudgetLines.Sum(l => l.Amount));
    }

    [Fact]
    public void A_budget_line_in_another_currency_is_refused_naming_its_path()
    {
        var errors = new ValidationErrors();
        Assert.Null(Create(errors, lines: [new("Rent", 9_000m, "GEL"), new("Travel", 1_000m, "EUR")]));
        AssertErrorFor(errors, "budgetLines[1].currency", "GEL");
        // No sum is reported over a line that is not in the call's currency.
        Assert.False(errors.ToDictionary().ContainsKey("budgetLines"));
    }

    [Fact]
    public void The_application_s_currency_must_be_the_call_s()
    {
        var errors = new ValidationErrors();
        Assert.Null(Create(errors, currency: "EUR"));
        AssertErrorFor(errors, "currency", "GEL");
    }

    [Fact]
    public void Budget_lines_that_do_not_sum_to_the_requested_amount_are_refused()
    {
        var errors = new ValidationErrors();
        Assert.Null(Create(errors, requested: 10_500m));
        AssertErrorFor(errors, "budgetLines", "sum to 10000");
    }

    [Fact]
    public void Bad_lines_and_amounts_are_named_by_their_paths()
    {
        var errors = new ValidationErrors();
        Assert.Null(Create(errors, requested: 0m, lines: [new("", 0.001m, "GEL"), null]));
        AssertErrorFor(errors, "requestedAmount");
        AssertErrorFor(errors, "budgetLines[0].description");
        AssertErrorFor(errors, "budgetLines[0].amount", "two decimals");
        AssertErrorFor(errors, "budgetLines[1]");
    }

    [Fact]
    public void An_eligible_submission_publishes_ApplicationSubmitted_and_records_no_failures()
    {
        var call = OpenCall();
        var application = GrantApplication.Start(call, Organisation, "applicant", Project(), Now);
        var submitted = application.Submit(call, Cso(), Now);
        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.True(application.Eligible);
        Assert.Empty(application.EligibilityFailures);
        Assert.Equal(application.Id, submitted.ApplicationId);
        Assert.Equal(Organisation.OrganizationId, submitted.OrganizationId);
        Assert.Null(submitted.ParticipantId);
        Assert.Equal(10_000m, submitted.RequestedAmount);
    }

    [Fact]
    public void A_submission_after_the_deadline_is_refused_and_the_draft_stays_a_draft()
    {
        var call = OpenCall();
        var application = GrantApplication.Start(call, Organisation, "applicant", Project(), Now);
        Assert.Equal("deadline-passed", Assert.Throws<RuleViolationException>(() => application.Submit(call, Cso(), call.Deadline)).Code);
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Null(application.Eligible);
    }

    [Fact]
    public void A_submitted_application_is_not_rewritten_or_submitted_again_but_can_be_withdrawn_until_decided()
    {
        var call = OpenCall();
        var application = Submitted(call);
        Assert.Equal("invalid-transition", Assert.Throws<RuleViolationException>(() => application.Update(call, Project(), Now)).Code);
        Assert.Equal("invalid-transition", Assert.Throws<RuleViolationException>(() => application.Submit(call, Cso(), Now)).Code);
        application.Withdraw(Now);
        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.Equal("invalid-transition", Assert.Throws<RuleViolationException>(() => application.Withdraw(Now)).Code);

        var awarded = Submitted(call);
        awarded.MarkAwarded(Now);
        Assert.Equal("invalid-transition", Assert.Throws<RuleViolationException>(() => awarded.Withdraw(Now)).Code);
    }

    [Fact]
    public void Only_an_eligible_undecided_application_is_awarded_and_for_no_more_than_it_asked()
    {
        var call = EvaluatedCall();
        var ineligible = Submitted(OpenCall(), facts: Cso(municipality: "KK-TSALKA"));
        Assert.Equal("not-eligible", Assert.Throws<RuleViolationException>(() => ineligible.EnsureAwardable(call, 10_000m)).Code);

        var eligible = Submitted(OpenCall());
        Assert.Equal("amount-out-of-range", Assert.Throws<RuleViolationException>(() => eligible.EnsureAwardable(call, 10_000.01m)).Code);
        Assert.Equal("amount-out-of-range", Assert.Throws<RuleViolationException>(() => eligible.EnsureAwardable(call, 4_999m)).Code);
        eligible.EnsureAwardable(call, 10_000m);
        eligible.MarkAwarded(Now);
        Assert.Equal("invalid-transition", Assert.Throws<RuleViolationException>(() => eligible.EnsureAwardable(call, 10_000m)).Code);
    }

    [Fact]
    public void An_application_is_for_exactly_one_organisation_or_one_graduate()
    {
        var call = OpenCall();
        Assert.Throws<ArgumentException>(() => GrantApplication.Start(call, new Applicant(Guid.NewGuid(), Guid.NewGuid()), "x", Project(), Now));
        Assert.Throws<ArgumentException>(() => GrantApplication.Start(call, new Applicant(null, null), "x", Project(), Now));
    }
}
