using Platform.Grants.Agreements;
using Platform.Grants.Awards;
using Platform.Grants.Funding;
using static Platform.UnitTests.Grants.GrantsSamples;

namespace Platform.UnitTests.Grants;

public sealed class AgreementRulesTests
{
    private static readonly DateOnly Signed = new(2027, 4, 1);

    private static Agreement Sign(decimal amount = 20_000m, params TrancheInput?[] schedule)
    {
        var call = EvaluatedCall();
        var award = Award.Make(call.Id, Guid.CreateVersion7(), amount, "GEL", Now);
        return Agreement.Sign(award, call, Guid.CreateVersion7(), null, "KK-MARNEULI", Signed,
            schedule.Length == 0 ? [new(40, Signed.AddDays(60)), new(40, Signed.AddDays(120)), new(20, Signed.AddDays(180))] : schedule, Now);
    }

    [Theory]
    [InlineData(20_000, 8_000, 8_000, 4_000)]
    [InlineData(10_000.01, 4_000, 4_000, 2_000.01)]
    [InlineData(333.33, 133.33, 133.33, 66.67)]
    public void A_40_40_20_schedule_splits_the_award_to_the_cent(double award, double first, double second, double third)
    {
        var tranches = Sign((decimal)award).Tranches;
        Assert.Equal([(decimal)first, (decimal)second, (decimal)third], tranches.Select(t => t.Amount));
        Assert.Equal((decimal)award, tranches.Sum(t => t.Amount));
    }

    [Fact]
    public void Tranche_percentages_must_sum_to_100_and_report_dates_must_follow_each_other()
    {
        var sum = Assert.Throws<DomainValidationException>(() => Sign(20_000m, new TrancheInput(40, Signed.AddDays(30)), new TrancheInput(40, Signed.AddDays(60))));
        Assert.Contains("sum to 80", sum.Errors["tranches"][0], StringComparison.Ordinal);

        var order = Assert.Throws<DomainValidationException>(() => Sign(20_000m, new TrancheInput(50, Signed.AddDays(60)), new TrancheInput(50, Signed.AddDays(30))));
        Assert.Contains("tranches[1].reportDueOn", order.Errors.Keys);

        var bad = Assert.Throws<DomainValidationException>(() => Sign(20_000m, new TrancheInput(0, Signed), null));
        Assert.Contains("tranches[0].percentage", bad.Errors.Keys);
        Assert.Contains("tranches[0].reportDueOn", bad.Errors.Keys);
        Assert.Contains("tranches[1]", bad.Errors.Keys);
    }

    [Fact]
    public void Each_tranche_after_the_first_waits_for_the_report_before_it_to_be_approved()
    {
        var agreement = Sign();
        var today = Signed.AddDays(10);
        Assert.Equal(TrancheState.Payable, agreement.StateOf(1, today).State);
        Assert.Equal(TrancheState.AwaitingReport, agreement.StateOf(2, today).State);

        var paid = agreement.Pay(1, 8_000m, "GEL", today, Now);
        Assert.Equal(1, paid.TrancheNumber);
        Assert.Equal(8_000m, paid.Amount);
        Assert.Equal("KK-MARNEULI", paid.Municipality);
        Assert.Equal("report-not-approved", Assert.Throws<RuleViolationException>(() => agreement.Pay(2, 8_000m, "GEL", today, Now)).Code);

        agreement.SubmitReport(1, "Done.", 7_800m, "GEL", Now);
        Assert.Equal("report-not-approved", Assert.Throws<RuleViolationException>(() => agreement.Pay(2, 8_000m, "GEL", today, Now)).Code);
        agreement.ReviewReport(1, approve: true, null, Now);
        Assert.Equal(TrancheState.Payable, agreement.StateOf(2, today).State);
        agreement.Pay(2, 8_000m, "GEL", today, Now);
        Assert.Equal(16_000m, agreement.PaidAmount);
    }

    [Fact]
    public void A_report_past_its_due_date_holds_the_next_tranche_until_it_is_approved()
    {
        var agreement = Sign();
        agreement.Pay(1, 8_000m, "GEL", Signed, Now);
        var afterDue = Signed.AddDays(61);
        Assert.Equal(TrancheState.AwaitingReport, agreement.StateOf(2, Signed.AddDays(60)).State);
        var (state, reason) = agreement.StateOf(2, afterDue);
        Assert.Equal(TrancheState.HeldByOverdueReport, state);
        Assert.Contains("was due on", reason, StringComparison.Ordinal);

        agreement.SubmitReport(1, "Late but complete.", 8_000m, "GEL", Now);
        Assert.Equal("report-overdue", Assert.Throws<RuleViolationException>(() => agreement.Pay(2, 8_000m, "GEL", afterDue, Now)).Code);
        agreement.ReviewReport(1, approve: true, null, Now);
        agreement.Pay(2, 8_000m, "GEL", afterDue, Now);
    }

    [Fact]
    public void A_payment_is_never_more_than_its_tranche_and_never_twice()
    {
        var agreement = Sign();
        var tooMuch = Assert.Throws<DomainValidationException>(() => agreement.Pay(1, 8_000.01m, "GEL", Signed, Now));
        Assert.Contains("amount", tooMuch.Errors.Keys);
        var otherCurrency = Assert.Throws<DomainValidationException>(() => agreement.Pay(1, 8_000m, "EUR", Signed, Now));
        Assert.Contains("currency", otherCurrency.Errors.Keys);
        var early = Assert.Throws<DomainValidationException>(() => agreement.Pay(1, 8_000m, "GEL", Signed.AddDays(-1), Now));
        Assert.Contains("paidOn", early.Errors.Keys);
        Assert.Equal(0m, agreement.PaidAmount);

        agreement.Pay(1, 7_000m, "GEL", Signed, Now);
        Assert.Equal("tranche-paid", Assert.Throws<RuleViolationException>(() => agreement.Pay(1, 1_000m, "GEL", Signed, Now)).Code);
        Assert.Equal(7_000m, agreement.PaidAmount);
    }

    [Fact]
    public void Reports_are_submitted_on_paid_tranches_and_a_rejection_needs_a_reason()
    {
        var agreement = Sign();
        Assert.Equal("tranche-not-paid", Assert.Throws<RuleViolationException>(() => agreement.SubmitReport(1, "Early.", 0m, "GEL", Now)).Code);
        agreement.Pay(1, 8_000m, "GEL", Signed, Now);
        var missing = Assert.Throws<DomainValidationException>(() => agreement.SubmitReport(1, " ", 10m, "EUR", Now));
        Assert.Contains("narrative", missing.Errors.Keys);
        Assert.Contains("currency", missing.Errors.Keys);

        agreement.SubmitReport(1, "Done.", 8_000m, "GEL", Now);
        Assert.Contains("reason", Assert.Throws<DomainValidationException>(() => agreement.ReviewReport(1, approve: false, null, Now)).Errors.Keys);
        agreement.ReviewReport(1, approve: false, "Receipts missing.", Now);
        Assert.Equal(ReportStatus.Rejected, agreement.Reports[0].Status);
        agreement.SubmitReport(1, "Done, with receipts.", 8_000m, "GEL", Now);
        Assert.Equal(ReportStatus.Submitted, agreement.Reports[0].Status);
    }

    [Fact]
    public void The_agreement_closes_only_after_the_final_report_is_approved_with_what_was_paid()
    {
        var agreement = Sign(10_000m, new TrancheInput(60, Signed.AddDays(30)), new TrancheInput(40, Signed.AddDays(60)));
        agreement.Pay(1, 6_000m, "GEL", Signed, Now);
        agreement.SubmitReport(1, "Half way.", 6_000m, "GEL", Now);
        agreement.ReviewReport(1, true, null, Now);
        agreement.Pay(2, 3_000m, "GEL", Signed.AddDays(20), Now);
        Assert.Equal("final-report-not-approved", Assert.Throws<RuleViolationException>(() => agreement.Close(Now)).Code);
        agreement.SubmitReport(2, "Final.", 9_000m, "GEL", Now);
        agreement.ReviewReport(2, true, null, Now);

        var closed = agreement.Close(Now);
        Assert.Equal(AgreementStatus.Closed, agreement.Status);
        Assert.Equal(9_000m, closed.TotalPaid);
        Assert.Equal(DateOnly.FromDateTime(Now.UtcDateTime), closed.ClosedOn);
        Assert.Equal("agreement-closed", Assert.Throws<RuleViolationException>(() => agreement.Close(Now)).Code);
    }
}
