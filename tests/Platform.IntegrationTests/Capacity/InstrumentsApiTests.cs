using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;
using static Platform.IntegrationTests.Grants.GrantsFixture;

namespace Platform.IntegrationTests.Capacity;

/// <summary>Instruments as versioned data: the programme's two ship with the migration; a new version is published beside the old.</summary>
public sealed class InstrumentsApiTests(CapacityDevelopmentFixture capacity) : IClassFixture<CapacityDevelopmentFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static object Version(string code, int subAreas = 2) => new
    {
        code,
        name = new { en = "Organisational capacity assessment, revised", ka = "ორგანიზაციული შესაძლებლობების შეფასება" },
        domains = new[]
        {
            new
            {
                code = "governance",
                name = new { en = "Governance" },
                subAreas = Enumerable.Range(1, subAreas).Select(s => new
                {
                    code = $"governance-{s}",
                    name = new { en = $"Governance {s}" },
                    levels = Enumerable.Range(1, 4).Select(l => new { en = $"Level {l} of governance {s}" }).ToArray(),
                }).ToArray(),
            },
        },
    };

    [Fact]
    public async Task The_programmes_instruments_are_there_from_the_migration_with_every_descriptor()
    {
        var oca = await ReadJsonAsync(await capacity.Team.GetAsync("/api/capacity/instruments/oca-cso/versions/1", Ct), HttpStatusCode.OK);
        Assert.Equal(
            ["governance", "financial-management", "administration", "human-resources", "programme-management", "performance-management", "sustainability"],
            oca.GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        var board = oca.GetProperty("domains")[0].GetProperty("subAreas").EnumerateArray().Single(s => s.GetProperty("code").GetString() == "board");
        Assert.Equal(4, board.GetProperty("levels").GetArrayLength());
        Assert.False(string.IsNullOrWhiteSpace(board.GetProperty("levels")[3].GetProperty("en").GetString()));
        Assert.Equal("საბჭოს ზედამხედველობა", board.GetProperty("name").GetProperty("ka").GetString());

        using var monitor = capacity.App.ClientFor(PlatformRoles.Monitor);
        var hrba = await ReadJsonAsync(await monitor.GetAsync("/api/capacity/instruments/hrba-lsg", Ct), HttpStatusCode.OK);
        Assert.Equal(["participation", "non-discrimination", "accountability", "transparency", "access-to-services"],
            hrba.GetProperty("domains").EnumerateArray().Select(d => d.GetProperty("code").GetString()));
        // An applicant reads instruments too: it fills in its self-assessment with them.
        using var applicant = await capacity.ApplicantForAsync(await capacity.RegisterOrganizationAsync());
        Assert.Equal(HttpStatusCode.OK, (await applicant.GetAsync("/api/capacity/instruments/oca-cso/versions/1", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await monitor.GetAsync("/api/capacity/instruments/oca-cso/versions/99", Ct)).StatusCode);
    }

    [Fact]
    public async Task A_new_version_is_published_beside_the_old_which_stays_as_it_was()
    {
        var code = $"oca-test-{Guid.NewGuid():N}"[..20];
        var first = await capacity.PostAsync("/api/capacity/instruments", Version(code, subAreas: 2), HttpStatusCode.Created);
        var second = await capacity.PostAsync("/api/capacity/instruments", Version(code, subAreas: 3), HttpStatusCode.Created);

        Assert.Equal((1, 2), (first.GetProperty("version").GetInt32(), second.GetProperty("version").GetInt32()));
        var latest = await ReadJsonAsync(await capacity.Team.GetAsync($"/api/capacity/instruments/{code}", Ct), HttpStatusCode.OK);
        Assert.Equal(3, latest.GetProperty("domains")[0].GetProperty("subAreas").GetArrayLength());
        var old = await ReadJsonAsync(await capacity.Team.GetAsync($"/api/capacity/instruments/{code}/versions/1", Ct), HttpStatusCode.OK);
        Assert.Equal(2, old.GetProperty("domains")[0].GetProperty("subAreas").GetArrayLength());
        var list = await ReadJsonAsync(await capacity.Team.GetAsync($"/api/capacity/instruments?code={code}", Ct), HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_malformed_version_is_a_400_naming_each_field_and_only_the_capacity_team_publishes()
    {
        var before = await capacity.InDatabaseAsync(db => db.Instruments.CountAsync(Ct));
        var response = await capacity.Team.PostAsJsonAsync("/api/capacity/instruments", new
        {
            code = "Bad Code",
            name = new { },
            domains = new[] { new { code = "governance", name = new { en = "Governance" }, subAreas = new[] { new { code = "board", name = new { en = "Board" }, levels = new[] { new { en = "one" } } } } } },
        }, Ct);

        await AssertFieldErrorAsync(response, "code");
        await AssertFieldErrorAsync(await capacity.Team.PostAsJsonAsync("/api/capacity/instruments", new { code = "x", name = new { en = "X" } }, Ct), "domains");
        var levels = await capacity.Team.PostAsJsonAsync("/api/capacity/instruments", new
        {
            code = "x",
            name = new { en = "X" },
            domains = new[] { new { code = "governance", name = new { en = "Governance" }, subAreas = new[] { new { code = "board", name = new { en = "Board" }, levels = new[] { new { en = "one" } } } } } },
        }, Ct);
        await AssertFieldErrorAsync(levels, "domains[0].subAreas[0].levels");

        using var monitor = capacity.App.ClientFor(PlatformRoles.Monitor);
        Assert.Equal(HttpStatusCode.Forbidden, (await monitor.PostAsJsonAsync("/api/capacity/instruments", Version("by-monitor"), Ct)).StatusCode);
        using var youth = capacity.App.ClientFor(PlatformRoles.YouthTeam);
        Assert.Equal(HttpStatusCode.Forbidden, (await youth.PostAsJsonAsync("/api/capacity/instruments", Version("by-youth"), Ct)).StatusCode);
        Assert.Equal(before, await capacity.InDatabaseAsync(db => db.Instruments.CountAsync(Ct)));
    }
}
