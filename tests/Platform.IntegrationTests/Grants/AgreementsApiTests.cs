using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Grants;

[Collection(GrantsCollection.Name)]
public sealed class AgreementsApiTests(GrantsFixture grants)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task An_award_is_paid_40_40_20_each_tranche_after_its_report_is_approved_then_closed_and_the_figures_show_it()
    {
        var (callId, awardId, _, applicant) = await AwardedAsync("KK-MARNEULI", 20_000m);
        using var grantee = applicant;
        var signed = await ReadJsonAsync(await grants.Team.PostAsJsonAsync("/api/grants/agreements", new
        {
            awardId,
            signedOn = Today.AddDays(-1),
            tranches = new object[]
            {
                new { percentage = 40, reportDueOn = Today.AddDays(60) },
                new { percentage = 40, reportDueOn = Today.AddDays(120) },
                new { percentage = 20, reportDueOn = Today.AddDays(180) },
            },
        }, Ct), HttpStatusCode.Created);
        var id = signed.GetProperty("id").GetGuid();
        Assert.Equal([8_000m, 8_000m, 4_000m], signed.GetProperty("tranches").EnumerateArray().Select(t => t.GetProperty("amount").GetDecimal()));
        Assert.Equal("Payable", signed.GetProperty("tranches")[0].GetProperty("state").GetString());
        await AssertConflictAsync(await grants.Team.PostAsJsonAsync("/api/grants/agreements", new { awardId, signedOn = Today, tranches = new object[] { new { percentage = 100, reportDueOn = Today.AddDays(30) } } }, Ct), "agreement-exists");

        // More than the tranche (and so, in the end, than the award) is refused; so is another currency.
        await AssertFieldErrorAsync(await grants.Team.PostAsJsonAsync($"/api/grants/agreements/{id}/tranches/1/payment", new { amount = 8_000.01m, currency = "GEL", paidOn = Today }, Ct), "amount");
        await AssertFieldErrorAsync(await grants.Team.PostAsJsonAsync($"/api/grants/agreements/{id}/tranches/1/payment", new { amount = 8_000m, currency = "EUR", paidOn = Today }, Ct), "currency");
        await Pay(id, 1, 8_000m);
        await AssertConflictAsync(await grants.Team.PostAsJsonAsync($"/api/grants/agreements/{id}/tranches/1/payment", new { amount = 8_000m, currency = "GEL", paidOn = Today }, Ct), "tranche-paid");

        // Tranche 2 waits for report 1, submitted by the grantee and approved by the team.
        await AssertConflictAsync(await grants.Team.PostAsJsonAsync($"/api/grants/agreements/{id}/tranches/2/payment", new { amount = 8_000m, currency = "GEL", paidOn = Today }, Ct), "report-not-approved");
        await Report(applicant, id, 1, 7_900m);
        await ReadJsonAsync(await grants.Team.PostAsJsonAsync($"/api/grants/agreements/{id}/reports/1/reject", new { reason = "Receipts for the rent are missing." }, Ct), HttpStatusCode.OK);
        await AssertConflictAsync(await grants.Team.PostAsJsonAsync($"/api/grants/agreements/{id}/tranches/2/payment", new { amount = 8_000m, currency = "GEL", paidOn = Today }, Ct), "report-not-approved");
        await Report(applicant, id, 1, 7_900m);
        await Approve(id, 1);
        await Pay(id, 2, 8_000m);
        await AssertConflictAsync(await grants.Team.PostAsync($"/api/grants/agreements/{id}/close", null, Ct), "final-report-not-approved");
        await Report(applicant, id, 2, 8_000m);
        await Approve(id, 2);
        await Pay(id, 3, 3_500m); // less than the tranche: some costs were not eligible
        await Report(applicant, id, 3, 3_500m);
        await Approve(id, 3);

        var closed = await ReadJsonAsync(await grants.Team.PostAsync($"/api/grants/agreements/{id}/close", null, Ct), HttpStatusCode.OK);
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal(19_500m, closed.GetProperty("paidAmount").GetDecimal());
        Assert.Equal(3, await grants.OutboxCountAsync("TranchePaid", id));
        Assert.Equal(1, await grants.OutboxCountAsync("GrantClosed", id));

        using var monitor = grants.App.ClientFor(PlatformRoles.Monitor);
        var figures = await ReadJsonAsync(await monitor.GetAsync($"/api/grants/figures?callId={callId}", Ct), HttpStatusCode.OK);
        var row = figures.EnumerateArray().Single();
        Assert.Equal("KK-MARNEULI", row.GetProperty("municipality").GetString());
        Assert.Equal("Cso", row.GetProperty("targetGroup").GetString());
        Assert.Equal(1, row.GetProperty("applications").GetInt32());
        Assert.Equal(1, row.GetProperty("eligible").GetInt32());
        Assert.Equal(1, row.GetProperty("awarded").GetInt32());
        Assert.Equal(20_000m, row.GetProperty("awardedAmount").GetDecimal());
        Assert.Equal(19_500m, row.GetProperty("paidAmount").GetDecimal());
        await AssertFieldErrorAsync(await monitor.GetAsync("/api/grants/figures?municipality=TBILISI", Ct), "municipality");
        Assert.Empty((await ReadJsonAsync(await monitor.GetAsync($"/api/grants/figures?callId={callId}&municipality=KK-GARDABANI", Ct), HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.GetAsync($"/api/grants/agreements/{id}", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_report_past_its_due_date_holds_the_next_tranche_and_other_organisations_see_nothing()
    {
        var (_, awardId, _, applicant) = await AwardedAsync("KK-GARDABANI", 10_000m);
        using var grantee = applicant;
        // Signed three months ago: the first report was due yesterday and has not come.
        var signed = await ReadJsonAsync(await grants.Team.PostAsJsonAsync("/api/grants/agreements", new
        {
            awardId,
            signedOn = Today.AddDays(-90),
            tranches = new object[]
            {
                new { percentage = 50, reportDueOn = Today.AddDays(-1) },
                new { percentage = 50, reportDueOn = Today.AddDays(90) },
            },
        }, Ct), HttpStatusCode.Created);
        var id = signed.GetProperty("id").GetGuid();
        await Pay(id, 1, 5_000m, Today.AddDays(-80));

        var agreement = await ReadJsonAsync(await applicant.GetAsync($"/api/grants/agreements/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal("HeldByOverdueReport", agreement.GetProperty("tranches")[1].GetProperty("state").GetString());
        await AssertConflictAsync(await grants.Team.PostAsJsonAsync($"/api/grants/agreements/{id}/tranches/2/payment", new { amount = 5_000m, currency = "GEL", paidOn = Today }, Ct), "report-overdue");

        var other = await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-GARDABANI");
        using var otherApplicant = await grants.ApplicantForAsync(other);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApplicant.GetAsync($"/api/grants/agreements/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherApplicant.PostAsJsonAsync($"/api/grants/agreements/{id}/reports/1", new { narrative = "Not ours", spent = 1m, currency = "GEL" }, Ct)).StatusCode);
        Assert.Equal(0, (await ReadJsonAsync(await otherApplicant.GetAsync("/api/grants/agreements", Ct), HttpStatusCode.OK)).GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsync($"/api/grants/agreements/{id}/reports/1/approve", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await grants.Team.PostAsJsonAsync($"/api/grants/agreements/{id}/tranches/3/payment", new { amount = 1m, currency = "GEL", paidOn = Today }, Ct)).StatusCode);

        // Once the late report is in and approved, the tranche is released.
        await Report(applicant, id, 1, 5_000m);
        await Approve(id, 1);
        await Pay(id, 2, 5_000m);
    }

    [Fact]
    public async Task A_tranche_schedule_that_does_not_sum_to_100_is_a_400_naming_the_field()
    {
        var (_, awardId, _, applicant) = await AwardedAsync("KK-MARNEULI", 10_000m);
        using var grantee = applicant;
        await AssertFieldErrorAsync(await grants.Team.PostAsJsonAsync("/api/grants/agreements", new
        {
            awardId,
            signedOn = Today,
            tranches = new object[] { new { percentage = 40, reportDueOn = Today.AddDays(30) }, new { percentage = 40, reportDueOn = Today.AddDays(60) } },
        }, Ct), "tranches", "sum to 80");
        await AssertFieldErrorAsync(await grants.Team.PostAsJsonAsync("/api/grants/agreements", new
        {
            awardId,
            signedOn = Today,
            tranches = new object[] { new { percentage = 60, reportDueOn = Today.AddDays(30) }, new { percentage = 40, reportDueOn = Today.AddDays(10) } },
        }, Ct), "tranches[1].reportDueOn");
        Assert.False(await grants.StoredAsync(db => db.Agreements.AnyAsync(a => a.AwardId == awardId, Ct)));
    }

    /// <summary>A call with one eligible, scored, awarded application; returns the applicant's client too.</summary>
    private async Task<(Guid CallId, Guid AwardId, Guid OrganizationId, HttpClient Applicant)> AwardedAsync(string municipality, decimal amount)
    {
        var callId = await grants.OpenCallAsync(CallBody(municipalities: [municipality]));
        var organization = await grants.RegisterOrganizationAsync(OrganizationType.Cso, municipality);
        var applicant = await grants.ApplicantForAsync(organization);
        await grants.ApplyAsync(applicant, callId, requested: amount, coFunding: amount / 5, municipality: municipality);
        var (evaluator, subject) = await grants.EvaluatorAsync();
        using (evaluator)
        {
            await grants.CloseAndAssignAsync(callId, subject);
            await grants.ScoreAllAsync(evaluator, callId, _ => (8, 8, 4));
        }

        await ReadJsonAsync(await grants.Team.PostAsync($"/api/grants/calls/{callId}/evaluation/complete", null, Ct), HttpStatusCode.OK);
        var result = await ReadJsonAsync(await grants.Team.PostAsync($"/api/grants/calls/{callId}/awards/from-ranking", null, Ct), HttpStatusCode.OK);
        return (callId, result.GetProperty("awarded")[0].GetProperty("id").GetGuid(), organization, applicant);
    }

    private async Task<JsonElement> Pay(Guid id, int tranche, decimal amount, DateOnly? paidOn = null) =>
        await ReadJsonAsync(await grants.Team.PostAsJsonAsync($"/api/grants/agreements/{id}/tranches/{tranche}/payment",
            new { amount, currency = "GEL", paidOn = paidOn ?? Today }, Ct), HttpStatusCode.OK);

    private static async Task Report(HttpClient applicant, Guid id, int number, decimal spent) =>
        await ReadJsonAsync(await applicant.PostAsJsonAsync($"/api/grants/agreements/{id}/reports/{number}",
            new { narrative = "Classes held twice a week; 60 young people took part.", spent, currency = "GEL" }, Ct), HttpStatusCode.OK);

    private async Task Approve(Guid id, int number) =>
        await ReadJsonAsync(await grants.Team.PostAsJsonAsync($"/api/grants/agreements/{id}/reports/{number}/approve", new { comment = "Complete." }, Ct), HttpStatusCode.OK);
}
