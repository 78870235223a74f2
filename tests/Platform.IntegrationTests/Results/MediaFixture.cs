using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts;
using Platform.IntegrationTests.Capacity;
using Platform.IntegrationTests.Infrastructure;
using Platform.Media.Data;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Results;

/// <summary>
/// The Media service on its own database for one test class, with the clients of the media team, the programme admin,
/// the donor's monitor and an anonymous member of the public; events are published onto the bus as their owners would.
/// </summary>
public sealed class MediaFixture(PlatformServers servers) : IAsyncLifetime
{
    public static readonly TimeSpan Propagation = TimeSpan.FromSeconds(30);

    public ServiceApp<MediaDbContext> App { get; private set; } = null!;

    public HttpClient Team { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public HttpClient Monitor { get; private set; } = null!;

    public HttpClient Public { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        App = new ServiceApp<MediaDbContext>(servers, "media-db", await servers.CreateDatabaseAsync("media_results"));
        await App.StartAsync();
        Team = App.ClientFor(PlatformRoles.MediaTeam);
        Admin = App.ClientFor(PlatformRoles.ProgrammeAdmin);
        Monitor = App.ClientFor(PlatformRoles.Monitor);
        Public = App.ClientFor(null);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in new[] { Team, Admin, Monitor, Public })
        {
            client?.Dispose();
        }

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

    /// <summary>Publishes events as their owning services would (MassTransit's message id is the event id, as the outbox sends it).</summary>
    public async Task PublishAsync<T>(params T[] events) where T : class, IIntegrationEvent
    {
        var bus = App.Services.GetRequiredService<IBus>();
        foreach (var e in events)
        {
            await bus.Publish(e, context => context.MessageId = e.EventId, Ct);
        }
    }

    /// <summary>Publishes and waits until every event is a fact.</summary>
    public async Task RecordAsync<T>(params T[] events) where T : class, IIntegrationEvent
    {
        await PublishAsync(events);
        var ids = events.Select(e => e.EventId).ToList();
        await Eventually.HoldsAsync(
            () => InDatabaseAsync(db => db.Facts.CountAsync(f => ids.Contains(f.EventId), Ct)).ContinueWith(t => t.Result == ids.Count, Ct),
            Propagation, $"Media to record {ids.Count} {typeof(T).Name} fact(s)");
    }

    /// <summary>An indicator's actuals as the monitor reads them (small counts of people suppressed), or as <paramref name="reader"/> does.</summary>
    public async Task<JsonElement> IndicatorAsync(string code, HttpClient? reader = null) =>
        await ReadJsonAsync(await (reader ?? Monitor).GetAsync($"/api/media/results/indicators/{code}", Ct), HttpStatusCode.OK);

    public static JsonElement QuarterOf(JsonElement indicator, string quarter) =>
        indicator.GetProperty("actuals").EnumerateArray().Single(a => a.GetProperty("quarter").GetString() == quarter);

    public static decimal? ValueOf(JsonElement indicator, string quarter) =>
        QuarterOf(indicator, quarter).GetProperty("value") is { ValueKind: JsonValueKind.Number } value ? value.GetDecimal() : null;

    public async Task<decimal> ValueAsync(string code, string quarter) => ValueOf(await IndicatorAsync(code), quarter) ?? 0m;
}
