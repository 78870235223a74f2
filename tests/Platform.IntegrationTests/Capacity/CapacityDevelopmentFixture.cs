using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Capacity.Data;
using Platform.Capacity.Instruments;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;
using static Platform.IntegrationTests.Capacity.OrganizationsApiTests;

namespace Platform.IntegrationTests.Capacity;

/// <summary>The Capacity service on its own database for one test class, with the capacity team's client and the steps tests share.</summary>
public sealed class CapacityDevelopmentFixture(PlatformServers servers) : IAsyncLifetime
{
    public ServiceApp<CapacityDbContext> App { get; private set; } = null!;

    /// <summary>The capacity team: it reads and writes, personal data included.</summary>
    public HttpClient Team { get; private set; } = null!;

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        App = new ServiceApp<CapacityDbContext>(servers, "capacity-db", await servers.CreateDatabaseAsync("capacity_development"));
        await App.StartAsync();
        Team = App.ClientFor(PlatformRoles.CapacityTeam);
    }

    public async ValueTask DisposeAsync()
    {
        Team?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    public async Task<T> InDatabaseAsync<T>(Func<CapacityDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CapacityDbContext>());
    }

    /// <summary>A new applicant client acting for <paramref name="organizationId"/>.</summary>
    public async Task<HttpClient> ApplicantForAsync(Guid organizationId) =>
        App.ClientWithToken((await App.Identity.Tokens.ClientCredentialsAsync(await App.Identity.Tokens.NewApplicantAsync(organizationId: organizationId))).AccessToken);

    public async Task<JsonElement> PostAsync(string path, object? body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await ReadJsonAsync(await Team.PostAsJsonAsync(path, body ?? new { }, Ct), expected);

    public async Task<Guid> RegisterOrganizationAsync(string type = "Cso", string municipality = "KK-MARNEULI") =>
        (await PostAsync("/api/capacity/organizations", new { name = new { en = $"CSO {Guid.NewGuid():N}" }, type, municipality }, HttpStatusCode.Created))
            .GetProperty("id").GetGuid();

    public static object ParticipantBody(string gender = "female", string sector = "cso", string? municipality = "KK-MARNEULI", string? fullName = null, Guid? organizationId = null) => new
    {
        fullName = fullName ?? $"Tamar Gelashvili {Guid.NewGuid():N}"[..24],
        gender,
        ageGroup = "25-34",
        sector,
        organizationId,
        municipality,
        position = "Programme officer",
        email = "tamar.gelashvili@example.ge",
        phone = "+995 599 11 22 33",
        consent = new { given = true, purpose = "Capacity development of CSOs and LSG", noticeVersion = "capacity-privacy-2026-1" },
    };

    public async Task<Guid> RegisterParticipantAsync(string gender = "female", string sector = "cso", string? municipality = "KK-MARNEULI", string? fullName = null) =>
        (await PostAsync("/api/capacity/participants", ParticipantBody(gender, sector, municipality, fullName), HttpStatusCode.Created)).GetProperty("id").GetGuid();

    public async Task<Guid> StartAssessmentAsync(Guid organizationId, string kind = "Baseline", string instrument = ProgrammeInstruments.OcaCso, Guid? facilitator = null) =>
        (await PostAsync("/api/capacity/assessments",
            new { organizationId, instrument, kind, facilitatorIds = new[] { facilitator ?? await RegisterParticipantAsync() }, participantIds = Array.Empty<Guid>() },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();

    /// <summary>Every sub-area of the instrument at <paramref name="level"/>, except those in <paramref name="levels"/>; a 3 or 4 with justification and evidence.</summary>
    public static object Scores(int level, IReadOnlyDictionary<string, int>? levels = null, Instrument? instrument = null) => new
    {
        scores = (instrument ?? ProgrammeInstruments.OrganizationalCapacity).SubAreas.Select(s =>
        {
            var l = levels?.GetValueOrDefault(s.Code, level) ?? level;
            return new { subArea = s.Code, level = l, justification = l >= 3 ? "Seen in the documents reviewed." : null, evidence = l >= 3 ? new[] { $"{s.Code}.pdf" } : [] };
        }).ToList(),
    };

    /// <summary>Scores, submits and validates: the assessment as the validation returned it.</summary>
    public async Task<JsonElement> CompleteAsync(Guid assessmentId, int level, IReadOnlyDictionary<string, int>? levels = null)
    {
        await ReadJsonAsync(await Team.PutAsJsonAsync($"/api/capacity/assessments/{assessmentId}/scores", Scores(level, levels), Ct), HttpStatusCode.OK);
        await PostAsync($"/api/capacity/assessments/{assessmentId}/submit", null);
        return await PostAsync($"/api/capacity/assessments/{assessmentId}/validate", null);
    }

    /// <summary>Events of this type in Capacity's outbox, oldest first.</summary>
    public Task<List<string>> OutboxAsync(string eventType) =>
        InDatabaseAsync(db => db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType == $"Platform.Contracts.Capacity.{eventType}")
            .OrderBy(m => m.CreatedAt).Select(m => m.Payload).ToListAsync(Ct));
}
