using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Capacity;
using Platform.Contracts.Youth;
using Platform.Grants.Data;
using Platform.IntegrationTests.Capacity;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Grants;

/// <summary>
/// Grants running in memory on its own database of the shared PostgreSQL, over the shared RabbitMQ, trusting the
/// run's token server; with the steps of the grant cycle as helpers, each taken through the API as a user would.
/// </summary>
/// <summary>Every Grants test class shares one Grants instance (with queues of its own, see <see cref="ServiceApp{TEntryPoint}"/>).</summary>
[CollectionDefinition(Name)]
public sealed class GrantsCollection : ICollectionFixture<GrantsFixture>
{
    public const string Name = "grants";
}

public sealed class GrantsFixture(PlatformServers servers) : IAsyncLifetime
{
    public static readonly TimeSpan Propagation = TimeSpan.FromSeconds(30);

    public ServiceApp<GrantsDbContext> App { get; private set; } = null!;

    /// <summary>The grants team: manages everything in Grants.</summary>
    public HttpClient Team { get; private set; } = null!;

    public PlatformTokens Tokens => App.Identity.Tokens;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        App = new ServiceApp<GrantsDbContext>(servers, "grants-db", await servers.CreateDatabaseAsync("grants_cycle"));
        await App.StartAsync();
        Team = App.ClientFor(PlatformRoles.GrantsTeam);
    }

    public async ValueTask DisposeAsync()
    {
        Team?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    /// <summary>A client whose token is that of a new client created with the token server's admin API.</summary>
    public async Task<HttpClient> ClientOfAsync(ClientCredentials credentials) =>
        App.ClientWithToken((await Tokens.ClientCredentialsAsync(credentials)).AccessToken);

    /// <summary>A new applicant acting for <paramref name="organizationId"/>.</summary>
    public async Task<HttpClient> ApplicantForAsync(Guid organizationId) => await ClientOfAsync(await Tokens.NewApplicantAsync(organizationId: organizationId));

    /// <summary>A new graduate applicant, by their participant id.</summary>
    public async Task<HttpClient> GraduateAsync(Guid participantId) => await ClientOfAsync(await Tokens.NewApplicantAsync(participantId: participantId));

    /// <summary>A new evaluator: its subject is its client id.</summary>
    public async Task<(HttpClient Client, string Subject)> EvaluatorAsync()
    {
        var credentials = await Tokens.NewClientAsync(PlatformRoles.Evaluator);
        return (await ClientOfAsync(credentials), credentials.ClientId);
    }

    /// <summary>Publishes what Capacity publishes when an organisation is registered, and waits until Grants knows it.</summary>
    public async Task<Guid> RegisterOrganizationAsync(OrganizationType type, string municipality)
    {
        var id = Guid.CreateVersion7();
        await PublishUntilAsync(
            () => new OrganizationRegistered(id, new Dictionary<string, string> { ["en"] = $"{type} in {municipality}" }, type, municipality, 1),
            db => db.Organizations.AnyAsync(o => o.Id == id, Ct), "Grants to learn of the organisation");
        return id;
    }

    /// <summary>Publishes a completed capacity assessment (Capacity does not publish it yet) and waits until Grants knows it.</summary>
    public async Task CompleteAssessmentAsync(Guid organizationId)
    {
        var assessmentId = Guid.CreateVersion7();
        await PublishUntilAsync(
            () => new CapacityAssessmentCompleted(assessmentId, organizationId, AssessmentKind.Baseline,
                new Dictionary<string, decimal> { ["governance"] = 3 }, 3, DateOnly.FromDateTime(DateTime.UtcNow)),
            db => db.CompletedAssessments.AnyAsync(a => a.AssessmentId == assessmentId, Ct), "Grants to learn of the assessment");
    }

    /// <summary>Publishes what Youth publishes when a participant graduates, and waits until Grants knows the graduate.</summary>
    public async Task<Guid> GraduateParticipantAsync(string municipality)
    {
        var participantId = Guid.CreateVersion7();
        var cohortId = Guid.CreateVersion7();
        await PublishUntilAsync(
            () => new ParticipantGraduated(participantId, cohortId, municipality, Guid.CreateVersion7(), DateOnly.FromDateTime(DateTime.UtcNow)),
            db => db.Graduates.AnyAsync(g => g.ParticipantId == participantId, Ct), "Grants to learn of the graduate");
        return participantId;
    }

    /// <summary>How many events of <paramref name="type"/> mentioning <paramref name="id"/> are in the outbox (sent or not).</summary>
    public async Task<int> OutboxCountAsync(string type, Guid id)
    {
        var payloads = await StoredAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.Contains(type)).Select(m => m.Payload).ToListAsync(Ct));
        return payloads.Count(p => p.Contains(id.ToString(), StringComparison.OrdinalIgnoreCase));
    }

    public async Task<T> StoredAsync<T>(Func<GrantsDbContext, Task<T>> read)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<GrantsDbContext>());
    }

    /// <summary>A call's terms; tests change what they need with <c>with</c>-like overrides.</summary>
    public static Dictionary<string, object?> CallBody(
        string targetGroup = "Cso",
        string[]? municipalities = null,
        decimal envelope = 100_000m,
        decimal minimumAward = 5_000m,
        decimal maximumAward = 30_000m,
        decimal coFundingShare = 0.1m,
        DateTimeOffset? deadline = null,
        bool requiresAssessment = false,
        int requiredScores = 1,
        string currency = "GEL") => new()
    {
        ["title"] = new Dictionary<string, string> { ["en"] = "Community services in Kvemo Kartli", ["ka"] = "სათემო სერვისები ქვემო ქართლში" },
        ["description"] = new Dictionary<string, string> { ["en"] = "Small grants for local initiatives." },
        ["targetGroup"] = targetGroup,
        ["eligibleMunicipalities"] = municipalities ?? ["KK-MARNEULI", "KK-GARDABANI"],
        ["currency"] = currency,
        ["envelope"] = envelope,
        ["minimumAward"] = minimumAward,
        ["maximumAward"] = maximumAward,
        ["coFundingShare"] = coFundingShare,
        ["opensAt"] = DateTimeOffset.UtcNow.AddDays(-1),
        ["deadline"] = deadline ?? DateTimeOffset.UtcNow.AddDays(30),
        ["criteria"] = new object[]
        {
            new { code = "relevance", name = "Relevance to the community", weight = 40, maxScore = 10 },
            new { code = "feasibility", name = "Feasibility and budget", weight = 35, maxScore = 10 },
            new { code = "sustainability", name = "Sustainability", weight = 25, maxScore = 5 },
        },
        ["requiresAssessment"] = requiresAssessment,
        ["requiredScores"] = requiredScores,
    };

    /// <summary>Drafts and opens a call; returns its id.</summary>
    public async Task<Guid> OpenCallAsync(Dictionary<string, object?> body)
    {
        var created = await ReadJsonAsync(await Team.PostAsJsonAsync("/api/grants/calls", body, Ct), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        await ReadJsonAsync(await Team.PostAsync($"/api/grants/calls/{id}/open", null, Ct), HttpStatusCode.OK);
        return id;
    }

    public static object ApplicationBody(Guid callId, decimal requested = 10_000m, decimal coFunding = 2_000m, string municipality = "KK-MARNEULI", string currency = "GEL") => new
    {
        callId,
        projectTitle = "Youth centre in Marneuli",
        summary = "A youth centre with after-school classes in Azerbaijani and Georgian.",
        municipality,
        requestedAmount = requested,
        coFunding,
        currency,
        budgetLines = new object[]
        {
            new { description = "Rent", amount = requested - 1_000m, currency },
            new { description = "Materials", amount = 1_000m, currency },
        },
    };

    /// <summary>Starts and submits an application; returns the submitted application.</summary>
    public async Task<JsonElement> ApplyAsync(HttpClient applicant, Guid callId, decimal requested = 10_000m, decimal coFunding = 2_000m, string municipality = "KK-MARNEULI")
    {
        var draft = await ReadJsonAsync(await applicant.PostAsJsonAsync("/api/grants/applications", ApplicationBody(callId, requested, coFunding, municipality), Ct), HttpStatusCode.Created);
        return await ReadJsonAsync(await applicant.PostAsync($"/api/grants/applications/{draft.GetProperty("id").GetGuid()}/submit", null, Ct), HttpStatusCode.OK);
    }

    /// <summary>Closes the call, assigns the evaluator to every eligible application; returns the assignments.</summary>
    public async Task<JsonElement> CloseAndAssignAsync(Guid callId, params string[] evaluators)
    {
        await ReadJsonAsync(await Team.PostAsync($"/api/grants/calls/{callId}/close", null, Ct), HttpStatusCode.OK);
        return await ReadJsonAsync(await Team.PostAsJsonAsync($"/api/grants/calls/{callId}/evaluators", new { evaluators }, Ct), HttpStatusCode.OK);
    }

    /// <summary>The evaluator declares no conflict on every assignment of theirs in the call and scores each with <paramref name="scoreOf"/>.</summary>
    public async Task ScoreAllAsync(HttpClient evaluator, Guid callId, Func<Guid, (int Relevance, int Feasibility, int Sustainability)> scoreOf)
    {
        var page = await ReadJsonAsync(await evaluator.GetAsync($"/api/grants/evaluations?callId={callId}&pageSize=100", Ct), HttpStatusCode.OK);
        foreach (var assignment in page.GetProperty("items").EnumerateArray())
        {
            var id = assignment.GetProperty("id").GetGuid();
            var (relevance, feasibility, sustainability) = scoreOf(assignment.GetProperty("applicationId").GetGuid());
            await ReadJsonAsync(await evaluator.PostAsJsonAsync($"/api/grants/evaluations/{id}/declaration", new { conflictOfInterest = false }, Ct), HttpStatusCode.OK);
            await ReadJsonAsync(await evaluator.PutAsJsonAsync($"/api/grants/evaluations/{id}/scores", Scores(relevance, feasibility, sustainability), Ct), HttpStatusCode.OK);
        }
    }

    public static object Scores(int relevance, int feasibility, int sustainability) => new
    {
        scores = new object[]
        {
            new { criterion = "relevance", score = relevance, comment = "Answers a need the municipality named." },
            new { criterion = "feasibility", score = feasibility, comment = "The budget matches the activities." },
            new { criterion = "sustainability", score = sustainability, comment = "Co-funded by the municipality." },
        },
    };

    public static Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected) => OrganizationsApiTests.ReadJsonAsync(response, expected);

    /// <summary>A problem response: its status, and the messages for <paramref name="field"/> (or the detail and code of a 409).</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string? containing = null)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var messages = default(JsonElement);
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out messages),
            $"no error for '{field}' in {problem}");
        if (containing is not null)
        {
            Assert.Contains(messages.EnumerateArray(), m => m.GetString()!.Contains(containing, StringComparison.Ordinal));
        }
    }

    public static async Task AssertConflictAsync(HttpResponseMessage response, string code)
    {
        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(code, problem.GetProperty("code").GetString());
    }

    /// <summary>Publishes an event as its owner would, and waits until this Grants instance has applied it.</summary>
    private async Task PublishUntilAsync<T>(Func<T> message, Func<GrantsDbContext, Task<bool>> applied, string what) where T : class
    {
        await App.Services.GetRequiredService<IBus>().Publish(message(), Ct);
        await Eventually.HoldsAsync(() => StoredAsync(applied), Propagation, what);
    }
}
