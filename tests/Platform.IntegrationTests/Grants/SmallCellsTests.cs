using System.Net;
using System.Text.Json;
using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Grants;

/// <summary>
/// Grants' figures as the monitor reads them: graduates apply as persons, so their small counts are suppressed (with the
/// cell that would give one away); organisations' counts are exact. The Grants team sees everything exactly.
/// </summary>
[Collection(GrantsCollection.Name)]
public sealed class SmallCellsTests(GrantsFixture grants)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonElement Row(JsonElement figures, string municipality) =>
        figures.EnumerateArray().Single(r => r.GetProperty("municipality").GetString() == municipality);

    [Fact]
    public async Task The_monitor_sees_graduates_small_counts_suppressed_and_organisations_counts_exactly()
    {
        var callId = await grants.OpenCallAsync(CallBody(targetGroup: "ProgrammeGraduate", municipalities: ["KK-MARNEULI", "KK-GARDABANI"],
            minimumAward: 1_000m, maximumAward: 5_000m));
        foreach (var municipality in new[] { "KK-MARNEULI", "KK-GARDABANI", "KK-GARDABANI", "KK-GARDABANI", "KK-GARDABANI", "KK-GARDABANI" })
        {
            using var graduate = await grants.GraduateAsync(await grants.GraduateParticipantAsync(municipality));
            await grants.ApplyAsync(graduate, callId, requested: 4_000m, coFunding: 500m, municipality: municipality);
        }

        var csoCall = await grants.OpenCallAsync(CallBody(municipalities: ["KK-DMANISI"]));
        using var cso = await grants.ApplicantForAsync(await grants.RegisterOrganizationAsync(OrganizationType.Cso, "KK-DMANISI"));
        await grants.ApplyAsync(cso, csoCall, municipality: "KK-DMANISI");
        using var monitor = grants.App.ClientFor(PlatformRoles.Monitor);

        var exact = await ReadJsonAsync(await grants.Team.GetAsync($"/api/grants/figures?callId={callId}", Ct), HttpStatusCode.OK);
        Assert.Equal((1, 5), (Row(exact, "KK-MARNEULI").GetProperty("applications").GetInt32(), Row(exact, "KK-GARDABANI").GetProperty("applications").GetInt32()));
        Assert.All(exact.EnumerateArray(), r => Assert.False(r.GetProperty("suppressed").GetBoolean()));

        var shown = await ReadJsonAsync(await monitor.GetAsync($"/api/grants/figures?callId={callId}", Ct), HttpStatusCode.OK);
        // The one graduate in Marneuli is hidden, and Gardabani's five with them: the graduates' total would give Marneuli away.
        foreach (var municipality in new[] { "KK-MARNEULI", "KK-GARDABANI" })
        {
            var row = Row(shown, municipality);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("applications").ValueKind);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("eligible").ValueKind);
            Assert.Equal(0, row.GetProperty("awarded").GetInt32());
            Assert.True(row.GetProperty("suppressed").GetBoolean());
        }

        var organisations = Row(await ReadJsonAsync(await monitor.GetAsync($"/api/grants/figures?callId={csoCall}", Ct), HttpStatusCode.OK), "KK-DMANISI");
        Assert.Equal(1, organisations.GetProperty("applications").GetInt32());
        Assert.False(organisations.GetProperty("suppressed").GetBoolean());
    }
}
