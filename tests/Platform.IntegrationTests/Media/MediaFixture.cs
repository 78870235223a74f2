using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Capacity;
using Platform.IntegrationTests.Capacity;
using Platform.IntegrationTests.Infrastructure;
using Platform.Media.Data;
using Platform.ServiceDefaults.Organizations;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Media;

/// <summary>The Media service on its own database for one test class, with the media team's client and the steps tests share.</summary>
public sealed class MediaFixture(PlatformServers servers) : IAsyncLifetime
{
    public ServiceApp<MediaDbContext> App { get; private set; } = null!;

    /// <summary>The media team: it reads and writes.</summary>
    public HttpClient Team { get; private set; } = null!;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        App = new ServiceApp<MediaDbContext>(servers, "media-db", await servers.CreateDatabaseAsync("media"));
        await App.StartAsync();
        Team = App.ClientFor(PlatformRoles.MediaTeam);
    }

    public async ValueTask DisposeAsync()
    {
        Team?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    public async Task<T> InDatabaseAsync<T>(Func<MediaDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MediaDbContext>());
    }

    /// <summary>
    /// An organisation in Media's copy of the registry, as Capacity's event would have put it there (the end-to-end
    /// test covers the event itself).
    /// </summary>
    public Task<Guid> KnownOrganizationAsync(OrganizationType type = OrganizationType.MediaOutlet, string name = "Marneuli TV") =>
        InDatabaseAsync(async db =>
        {
            var replica = OrganizationReplica.From(Guid.NewGuid(), new Dictionary<string, string> { ["en"] = $"{name} {Guid.NewGuid():N}" },
                type, "KK-MARNEULI", 1, DateTimeOffset.UtcNow);
            db.Organizations.Add(replica);
            await db.SaveChangesAsync(Ct);
            return replica.Id;
        });

    public static object CampaignBody(string[]? municipalities = null, string[]? audiences = null) => new
    {
        title = new { en = $"Know your social services {Guid.NewGuid():N}", ka = "იცოდე შენი სოციალური სერვისები" },
        objective = new { en = "Women and youth know which social services their municipality offers and how to ask for them." },
        audiences = audiences ?? ["women", "youth"],
        languages = new[] { "ka", "az" },
        channels = new[] { "tv", "social" },
        municipalities = municipalities ?? ["KK-MARNEULI", "KK-BOLNISI"],
        startsOn = Today.AddDays(-30),
        endsOn = Today.AddDays(60),
        targetReachByChannel = new { tv = 20000, social = 10000 },
        targetReachByLanguage = new { ka = 15000, az = 15000 },
    };

    public async Task<Guid> PlanCampaignAsync(string[]? municipalities = null, string[]? audiences = null) =>
        (await PostAsync("/api/media/campaigns", CampaignBody(municipalities, audiences), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public async Task<Guid> RunningCampaignAsync(string[]? municipalities = null, string[]? audiences = null)
    {
        var id = await PlanCampaignAsync(municipalities, audiences);
        await PostAsync($"/api/media/campaigns/{id}/start", null, HttpStatusCode.OK);
        return id;
    }

    public static object OutputBody(Guid? campaignId, Guid? outletId, string language = "ka", string type = "TvSegment", string channel = "tv",
        string municipality = "KK-MARNEULI") => new
    {
        type,
        title = $"Where to ask for home care {Guid.NewGuid():N}",
        language,
        channel,
        municipality,
        date = Today.AddDays(-2),
        link = "https://marneulitv.ge/news/4411",
        campaignId,
        outletId,
        ownChannel = outletId is null ? "KKM Facebook page" : null,
    };

    public async Task<Guid> DraftOutputAsync(Guid? campaignId, Guid? outletId, string language = "ka", string type = "TvSegment", string channel = "tv",
        string municipality = "KK-MARNEULI") =>
        (await PostAsync("/api/media/outputs", OutputBody(campaignId, outletId, language, type, channel, municipality), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public static object Checklist(bool statement = true, bool? disclaimer = null) => new
    {
        euEmblemPresent = true,
        fundingStatementPresent = statement,
        emblemAndStatementTogether = true,
        disclaimerPresent = disclaimer,
        partnerLogosNotMoreProminent = true,
    };

    /// <summary>An output checked compliant, approved and published, with one measurement of its reach.</summary>
    public async Task<Guid> PublishedOutputAsync(Guid? campaignId, Guid? outletId, long reach, string language = "ka", string type = "TvSegment", string channel = "tv",
        string municipality = "KK-MARNEULI")
    {
        var id = await DraftOutputAsync(campaignId, outletId, language, type, channel, municipality);
        await PostAsync($"/api/media/outputs/{id}/checks", Checklist(disclaimer: type == "Publication" ? true : null), HttpStatusCode.Created);
        await PostAsync($"/api/media/outputs/{id}/approve", null, HttpStatusCode.OK);
        await PostAsync($"/api/media/outputs/{id}/publish", null, HttpStatusCode.OK);
        await PostAsync($"/api/media/outputs/{id}/reach", new { metric = "views", value = reach, measuredOn = Today, source = "Outlet's audience statistics" }, HttpStatusCode.Created);
        return id;
    }

    public async Task<JsonElement> PostAsync(string path, object? body, HttpStatusCode expected) =>
        await ReadJsonAsync(await Team.PostAsJsonAsync(path, body ?? new { }, Ct), expected);

    public async Task<JsonElement> GetAsync(string path) => await ReadJsonAsync(await Team.GetAsync(path, Ct), HttpStatusCode.OK);

    /// <summary>Events in Media's outbox of this type, oldest first.</summary>
    public Task<List<(string Payload, DateTimeOffset? SentAt)>> OutboxAsync(string eventType) =>
        InDatabaseAsync(async db => (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.MessageType == $"Platform.Contracts.Media.{eventType}")
                .OrderBy(m => m.CreatedAt).Select(m => new { m.Payload, m.SentAt }).ToListAsync(Ct))
            .Select(m => (m.Payload, m.SentAt)).ToList());
}
