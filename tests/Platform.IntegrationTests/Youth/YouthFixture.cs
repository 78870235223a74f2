using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Capacity;
using Platform.IntegrationTests.Capacity;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Organizations;
using Platform.ServiceDefaults.Security;
using Platform.Youth.Data;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Youth;

/// <summary>The Youth service on its own database for one test class, with the Youth team's client and the steps tests share.</summary>
public sealed class YouthFixture(PlatformServers servers) : IAsyncLifetime
{
    public ServiceApp<YouthDbContext> App { get; private set; } = null!;

    /// <summary>The Youth team: it reads and writes, personal data included.</summary>
    public HttpClient Team { get; private set; } = null!;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A cohort start far enough back that three months of an internship have begun.</summary>
    public static DateOnly PastStart => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-4);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        App = new ServiceApp<YouthDbContext>(servers, "youth-db", await servers.CreateDatabaseAsync("youth"));
        await App.StartAsync();
        Team = App.ClientFor(PlatformRoles.YouthTeam);
    }

    public async ValueTask DisposeAsync()
    {
        Team?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    public async Task<T> InDatabaseAsync<T>(Func<YouthDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<YouthDbContext>());
    }

    /// <summary>
    /// An organisation in Youth's copy of the registry, as Capacity's event would have put it there (the end-to-end
    /// test covers the event itself).
    /// </summary>
    public Task<Guid> KnownOrganizationAsync(OrganizationType type = OrganizationType.NationalOrganization) =>
        InDatabaseAsync(async db =>
        {
            var replica = OrganizationReplica.From(Guid.NewGuid(), new Dictionary<string, string> { ["en"] = $"Host {Guid.NewGuid():N}" },
                type, "KK-MARNEULI", 1, DateTimeOffset.UtcNow);
            db.Organizations.Add(replica);
            await db.SaveChangesAsync(Ct);
            return replica.Id;
        });

    public static object PersonBody(string municipality = "KK-MARNEULI", string gender = "female", DateOnly? birthDate = null, string? firstName = null) => new
    {
        firstName = firstName ?? $"Nino-{Guid.NewGuid():N}"[..12],
        lastName = "Beridze",
        birthDate = birthDate ?? new DateOnly(2003, 5, 17),
        gender,
        municipality,
        languages = new[] { "ka", "en" },
        education = "BA in social work, Tbilisi State University",
        email = "nino.beridze@example.ge",
        phone = "+995 555 12 34 56",
        ethnicity = "Georgian",
        consent = new { given = true, purpose = "Young Professionals Program and civic education", noticeVersion = "youth-privacy-2026-1" },
    };

    public async Task<Guid> RegisterPersonAsync(string municipality = "KK-MARNEULI", string gender = "female", DateOnly? birthDate = null) =>
        (await ReadJsonAsync(await Team.PostAsJsonAsync("/api/youth/people", PersonBody(municipality, gender, birthDate), Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

    public async Task<Guid> OpenCohortAsync(int places = 5, DateOnly? startsOn = null, string[]? municipalities = null)
    {
        var start = startsOn ?? PastStart;
        var body = new
        {
            name = $"YPP {Guid.NewGuid():N}",
            intakeOpensOn = start.AddMonths(-2),
            intakeClosesOn = start.AddDays(-1),
            startsOn = start,
            places,
            eligibleMunicipalities = municipalities ?? ["KK-MARNEULI", "KK-BOLNISI", "SJ-AKHALTSIKHE"],
            minAge = 18,
            maxAge = 29,
        };
        return (await ReadJsonAsync(await Team.PostAsJsonAsync("/api/youth/cohorts", body, Ct), HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    public async Task<Guid> ApplyAsync(Guid cohortId, Guid personId) =>
        (await ReadJsonAsync(await Team.PostAsJsonAsync($"/api/youth/cohorts/{cohortId}/applications", new { personId }, Ct), HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

    public async Task<JsonElement> PostAsync(string path, object? body, HttpStatusCode expected) =>
        await ReadJsonAsync(await Team.PostAsJsonAsync(path, body ?? new { }, Ct), expected);

    public Task<JsonElement> DecideAsync(Guid applicationId, string decision, HttpStatusCode expected = HttpStatusCode.OK, decimal score = 80) =>
        PostAsync($"/api/youth/applications/{applicationId}/decision", new { decision, score, reason = $"{decision}: motivation and fit" }, expected);

    /// <summary>A running cohort and one accepted application in it.</summary>
    public async Task<(Guid CohortId, Guid ApplicationId, Guid PersonId)> AcceptedCandidateAsync(string municipality = "KK-MARNEULI", string gender = "female")
    {
        var cohortId = await OpenCohortAsync();
        var personId = await RegisterPersonAsync(municipality, gender);
        var applicationId = await ApplyAsync(cohortId, personId);
        await PostAsync($"/api/youth/cohorts/{cohortId}/start-selection", null, HttpStatusCode.OK);
        await DecideAsync(applicationId, "Accepted");
        await PostAsync($"/api/youth/cohorts/{cohortId}/start", null, HttpStatusCode.OK);
        return (cohortId, applicationId, personId);
    }

    public static object Placement(Guid applicationId, Guid hostId, DateOnly? startsOn = null, int months = 3)
    {
        var start = startsOn ?? PastStart;
        return new
        {
            applicationId,
            hostOrganizationId = hostId,
            mentor = new { name = "Giorgi Kapanadze", contact = "giorgi.kapanadze@psh.gov.ge" },
            startsOn = start,
            endsOn = start.AddMonths(months).AddDays(-1),
        };
    }

    public static object CheckIn(string month) =>
        new { month, tasks = "Mapped social services in the municipality", hours = 120, competencies = new[] { "research", "teamwork" }, concerns = "None" };

    /// <summary>Events in Youth's outbox of this type, newest last.</summary>
    public Task<List<(string Payload, DateTimeOffset? SentAt)>> OutboxAsync(string eventType) =>
        InDatabaseAsync(async db => (await db.OutboxMessages.AsNoTracking()
                .Where(m => m.MessageType == $"Platform.Contracts.Youth.{eventType}")
                .OrderBy(m => m.CreatedAt).Select(m => new { m.Payload, m.SentAt }).ToListAsync(Ct))
            .Select(m => (m.Payload, m.SentAt)).ToList());
}
