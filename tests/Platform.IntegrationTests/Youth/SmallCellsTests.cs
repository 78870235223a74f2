using System.Net;
using System.Text.Json;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Youth;

/// <summary>Youth's figures as the monitor reads them: counts of 1-4 people suppressed, and the cell that would give one away too.</summary>
public sealed class SmallCellsTests(YouthFixture youth) : IClassFixture<YouthFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Applicants(JsonElement figures, string municipality) =>
        figures.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("municipality").GetString() == municipality).GetProperty("applicants");

    [Fact]
    public async Task The_monitor_sees_small_counts_of_applicants_suppressed_while_the_Youth_team_and_the_admin_see_them_exactly()
    {
        var cohortId = await youth.OpenCohortAsync(places: 8, municipalities: ["KK-GARDABANI", "KK-TSALKA"]);
        foreach (var gender in new[] { "female", "female", "female", "female", "female", "female", "male" })
        {
            await youth.ApplyAsync(cohortId, await youth.RegisterPersonAsync("KK-GARDABANI", gender));
        }

        await youth.ApplyAsync(cohortId, await youth.RegisterPersonAsync("KK-TSALKA", "female"));
        var path = $"/api/youth/figures/cohorts?cohortId={cohortId}";
        using var monitor = youth.App.ClientFor(PlatformRoles.Monitor);
        using var otherTeam = youth.App.ClientFor(PlatformRoles.GrantsTeam);
        using var admin = youth.App.ClientFor(PlatformRoles.ProgrammeAdmin);

        var exact = await ReadJsonAsync(await youth.Team.GetAsync(path, Ct), HttpStatusCode.OK);
        var gardabani = Applicants(exact, "KK-GARDABANI");
        Assert.Equal((7, 6, 1), (gardabani.GetProperty("total").GetInt32(), gardabani.GetProperty("byGender").GetProperty("female").GetInt32(),
            gardabani.GetProperty("byGender").GetProperty("male").GetInt32()));
        Assert.False(gardabani.GetProperty("suppressed").GetBoolean());
        Assert.Equal(exact.GetRawText(), (await ReadJsonAsync(await admin.GetAsync(path, Ct), HttpStatusCode.OK)).GetRawText());

        foreach (var reader in new[] { monitor, otherTeam })
        {
            var shown = await ReadJsonAsync(await reader.GetAsync(path, Ct), HttpStatusCode.OK);
            var row = Applicants(shown, "KK-GARDABANI");
            // The one man is hidden, and so are the six women: the total minus them would give him away.
            Assert.Equal(7, row.GetProperty("total").GetInt32());
            Assert.Equal(JsonValueKind.Null, row.GetProperty("byGender").GetProperty("male").ValueKind);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("byGender").GetProperty("female").ValueKind);
            Assert.Equal(0, row.GetProperty("byGender").GetProperty("other").GetInt32());
            Assert.True(row.GetProperty("suppressed").GetBoolean());

            // One applicant in Tsalka: the municipality's total is itself a small cell.
            var tsalka = Applicants(shown, "KK-TSALKA");
            Assert.Equal(JsonValueKind.Null, tsalka.GetProperty("total").ValueKind);
            Assert.Equal(JsonValueKind.Null, tsalka.GetProperty("byGender").GetProperty("female").ValueKind);
            Assert.True(tsalka.GetProperty("suppressed").GetBoolean());
            // Nobody was accepted yet: zeros are shown, and nothing is hidden.
            var accepted = shown.GetProperty("rows")[0].GetProperty("accepted");
            Assert.Equal(0, accepted.GetProperty("total").GetInt32());
            Assert.False(accepted.GetProperty("suppressed").GetBoolean());
        }
    }
}
