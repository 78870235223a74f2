using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Capacity;
using Platform.IntegrationTests.Capacity;
using Platform.IntegrationTests.Infrastructure;
using Platform.Partnerships.Data;
using Platform.ServiceDefaults.Organizations;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Partnerships;

/// <summary>The Partnerships service on its own database for one test class, with the partnerships team's client and the steps tests share.</summary>
public sealed class PartnershipsFixture(PlatformServers servers) : IAsyncLifetime
{
    public static readonly TimeSpan Propagation = TimeSpan.FromSeconds(30);

    public ServiceApp<PartnershipsDbContext> App { get; private set; } = null!;

    /// <summary>The partnerships team: reads and writes, representatives' personal data included.</summary>
    public HttpClient Team { get; private set; } = null!;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        App = new ServiceApp<PartnershipsDbContext>(servers, "partnerships-db", await servers.CreateDatabaseAsync("partnerships"));
        await App.StartAsync();
        Team = App.ClientFor(PlatformRoles.PartnershipsTeam);
    }

    public async ValueTask DisposeAsync()
    {
        Team?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    public async Task<T> InDatabaseAsync<T>(Func<PartnershipsDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<PartnershipsDbContext>());
    }

    /// <summary>
    /// An organisation in Partnerships' copy of the registry, as Capacity's event would have put it there (the end-to-end
    /// test covers the event itself).
    /// </summary>
    public Task<Guid> KnownOrganizationAsync(OrganizationType type, string municipality) =>
        InDatabaseAsync(async db =>
        {
            var replica = OrganizationReplica.From(Guid.NewGuid(), new Dictionary<string, string> { ["en"] = $"{type} {Guid.NewGuid():N}" }, type, municipality, 1, DateTimeOffset.UtcNow);
            db.Organizations.Add(replica);
            await db.SaveChangesAsync(Ct);
            return replica.Id;
        });

    /// <summary>A new applicant acting for <paramref name="organizationId"/>.</summary>
    public async Task<HttpClient> ApplicantForAsync(Guid organizationId) =>
        App.ClientWithToken((await App.Identity.Tokens.ClientCredentialsAsync(await App.Identity.Tokens.NewApplicantAsync(organizationId: organizationId))).AccessToken);

    public async Task<JsonElement> PostAsync(string path, object? body, HttpStatusCode expected) =>
        await ReadJsonAsync(await Team.PostAsJsonAsync(path, body ?? new { }, Ct), expected);

    public async Task<JsonElement> PutAsync(string path, object body, HttpStatusCode expected) =>
        await ReadJsonAsync(await Team.PutAsJsonAsync(path, body, Ct), expected);

    public async Task<JsonElement> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadJsonAsync(await Team.GetAsync(path, Ct), expected);

    public sealed record Group(Guid Id, Guid CsoId, Guid LsgId, Guid CsoMemberId, Guid LsgMemberId);

    /// <summary>A group formed in <paramref name="municipality"/> of a CSO (chair) and the LSG body (secretary), formed a month ago.</summary>
    public async Task<Group> FormGroupAsync(string municipality, bool activate = true)
    {
        var csoId = await KnownOrganizationAsync(OrganizationType.Cso, municipality);
        var lsgId = await KnownOrganizationAsync(OrganizationType.LocalSelfGovernment, municipality);
        var group = await PostAsync("/api/partnerships/groups", new
        {
            municipality,
            name = $"Partnership group {Guid.NewGuid():N}",
            termsOfReference = "Meets every two months; decides by consensus; minutes approved at the next meeting.",
            formedOn = Today.AddMonths(-1),
            members = new object[] { new { organizationId = csoId, role = "Chair" }, new { organizationId = lsgId, role = "Secretary" } },
        }, HttpStatusCode.Created);
        var id = group.GetProperty("id").GetGuid();
        var members = group.GetProperty("members").EnumerateArray().ToList();
        if (activate)
        {
            await PostAsync($"/api/partnerships/groups/{id}/activate", new { activatedOn = Today.AddMonths(-1) }, HttpStatusCode.OK);
        }

        return new Group(id, csoId, lsgId,
            members.Single(m => m.GetProperty("organizationId").GetGuid() == csoId).GetProperty("id").GetGuid(),
            members.Single(m => m.GetProperty("organizationId").GetGuid() == lsgId).GetProperty("id").GetGuid());
    }

    public async Task<Guid> RepresentativeAsync(Group group, Guid memberId, string gender, string name = "Nino Beridze") =>
        (await PostAsync($"/api/partnerships/groups/{group.Id}/members/{memberId}/representatives",
            new { name, gender, contact = "nino.beridze@example.ge" }, HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>A meeting of the group, <paramref name="daysAgo"/> days ago, attended by these representatives.</summary>
    public async Task<Guid> HeldGroupMeetingAsync(Group group, int daysAgo, params Guid[] representatives)
    {
        var meetingId = (await PostAsync("/api/partnerships/meetings", new
        {
            body = "Group",
            groupId = group.Id,
            title = "Regular meeting",
            date = Today.AddDays(-daysAgo),
            place = "City hall, room 3",
            agenda = new[] { "Opening", "Home care for older people", "Any other business" },
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PutAsync($"/api/partnerships/meetings/{meetingId}/attendance",
            new { attendees = representatives.Select(r => new { representativeId = r }).ToArray() }, HttpStatusCode.OK);
        return meetingId;
    }

    /// <summary>Organisations that joined the Alliance <paramref name="joinedDaysAgo"/> days ago, from both regions.</summary>
    public async Task<List<Guid>> AllianceMembersAsync(int count, int joinedDaysAgo = 60)
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var organizationId = await KnownOrganizationAsync(i % 2 == 0 ? OrganizationType.Cso : OrganizationType.SocialServiceProvider,
                i % 2 == 0 ? "KK-GARDABANI" : "SJ-AKHALTSIKHE");
            await PostAsync("/api/partnerships/alliance/members", new { organizationId, joinedOn = Today.AddDays(-joinedDaysAgo) }, HttpStatusCode.Created);
            ids.Add(organizationId);
        }

        return ids;
    }

    public async Task<Guid> HeldAllianceMeetingAsync(IEnumerable<Guid> present, int daysAgo = 1)
    {
        var meetingId = (await PostAsync("/api/partnerships/meetings", new
        {
            body = "Alliance",
            title = "Alliance assembly",
            date = Today.AddDays(-daysAgo),
            online = true,
            agenda = new[] { "Recommendations on home care" },
        }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await PutAsync($"/api/partnerships/meetings/{meetingId}/attendance",
            new { attendees = present.Select(o => new { organizationId = o, gender = "female" }).ToArray() }, HttpStatusCode.OK);
        return meetingId;
    }

    public static object RecommendationBody(params string[] municipalities) => new
    {
        title = new { en = $"Home care in every village {Guid.NewGuid():N}", ka = "შინ მოვლა ყველა სოფელში" },
        summary = new { en = "Extend the municipal home-care programme to remote villages." },
        problem = "Older people in remote villages receive no home care.",
        evidence = new[] { "Needs assessment 2026, p. 12", "Alliance survey, March 2026" },
        proposedAction = "Fund two more home-care teams from the municipal budget.",
        authorityName = "Ministry of IDPs, Labour, Health and Social Affairs",
        municipalities = municipalities.Length == 0 ? ["KK-GARDABANI"] : municipalities,
        note = "Drafted by the Alliance working group",
    };

    /// <summary>Events in Partnerships' outbox of this type, newest last.</summary>
    public Task<List<(string Payload, DateTimeOffset? SentAt)>> OutboxAsync(string eventType) =>
        InDatabaseAsync(async db => (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.MessageType == $"Platform.Contracts.Partnerships.{eventType}")
                .OrderBy(m => m.CreatedAt).Select(m => new { m.Payload, m.SentAt }).ToListAsync(Ct))
            .Select(m => (m.Payload, m.SentAt)).ToList());

    /// <summary>The published event of this type about <paramref name="id"/> (waits for the dispatcher to send it).</summary>
    public async Task<JsonElement> PublishedAsync(string eventType, Guid id)
    {
        var (payload, _) = await Eventually.ReturnsAsync(
            async () => (await OutboxAsync(eventType)).LastOrDefault(m => m.Payload.Contains(id.ToString(), StringComparison.Ordinal)),
            m => m.SentAt is not null, Propagation, $"{eventType} about {id} to be published");
        return JsonDocument.Parse(payload).RootElement.Clone();
    }
}
