using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Platform.Capacity.Data;
using Platform.IntegrationTests.Infrastructure;
using Platform.ServiceDefaults.Security;

namespace Platform.IntegrationTests.Capacity;

/// <summary>The Capacity service on its own database, shared by the tests of one class (which run one after another).</summary>
public sealed class CapacityFixture(PlatformServers servers) : IAsyncLifetime
{
    public ServiceApp<CapacityDbContext> App { get; private set; } = null!;

    /// <summary>The Capacity team's client: it may read and write in the registry.</summary>
    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = new ServiceApp<CapacityDbContext>(servers, "capacity-db", await servers.CreateDatabaseAsync("capacity"));
        await App.StartAsync();
        Client = App.ClientFor(PlatformRoles.CapacityTeam);
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    /// <summary>Organisations and outbox rows in Capacity's database.</summary>
    public async Task<(int Organizations, int OutboxMessages)> CountStoredAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CapacityDbContext>();
        var ct = TestContext.Current.CancellationToken;
        return (await db.Organizations.CountAsync(ct), await db.OutboxMessages.CountAsync(ct));
    }
}

public sealed class OrganizationsApiTests(CapacityFixture capacity) : IClassFixture<CapacityFixture>
{
    private const string Organizations = "/api/capacity/organizations";
    private HttpClient Client => capacity.Client;

    [Fact]
    public async Task An_organisation_is_registered_read_updated_and_listed()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await Client.PostAsync(Organizations, Json("""{"name":{"en":"Marneuli Youth Centre","ka":"მარნეულის ახალგაზრდული ცენტრი"},"type":"Cso","municipality":"KK-MARNEULI"}"""), ct);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await ReadJsonAsync(created);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"{Organizations}/{id}", created.Headers.Location?.OriginalString);
        Assert.Equal(1, body.GetProperty("version").GetInt32());

        var read = await ReadJsonAsync(await Client.GetAsync(created.Headers.Location, ct), HttpStatusCode.OK);
        Assert.Equal(id, read.GetProperty("id").GetGuid());
        Assert.Equal("Marneuli Youth Centre", read.GetProperty("name").GetProperty("en").GetString());
        Assert.Equal("მარნეულის ახალგაზრდული ცენტრი", read.GetProperty("name").GetProperty("ka").GetString());
        Assert.Equal("Cso", read.GetProperty("type").GetString());
        Assert.Equal("KK-MARNEULI", read.GetProperty("municipality").GetString());

        var updated = await ReadJsonAsync(
            await Client.PutAsync($"{Organizations}/{id}", Json("""{"name":{"en":"Marneuli Youth Centre for Civic Action"},"type":"Cso","municipality":"KK-MARNEULI","languages":["ka","az"]}"""), ct),
            HttpStatusCode.OK);
        Assert.Equal(2, updated.GetProperty("version").GetInt32());

        var reread = await ReadJsonAsync(await Client.GetAsync($"{Organizations}/{id}", ct), HttpStatusCode.OK);
        Assert.Equal(2, reread.GetProperty("version").GetInt32());
        Assert.Equal("Marneuli Youth Centre for Civic Action", reread.GetProperty("name").GetProperty("en").GetString());
        Assert.False(reread.GetProperty("name").TryGetProperty("ka", out _));
        Assert.Equal(["az", "ka"], reread.GetProperty("languages").EnumerateArray().Select(l => l.GetString()).ToArray());

        var list = await ReadJsonAsync(await Client.GetAsync($"{Organizations}?municipality=KK-MARNEULI&type=Cso", ct), HttpStatusCode.OK);
        Assert.Equal(1, list.GetProperty("total").GetInt64());
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray().ToList()).GetProperty("id").GetGuid());

        var otherType = await ReadJsonAsync(await Client.GetAsync($"{Organizations}?municipality=KK-MARNEULI&type=MediaOutlet", ct), HttpStatusCode.OK);
        Assert.DoesNotContain(otherType.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task Lists_are_paged_with_a_total()
    {
        var ct = TestContext.Current.CancellationToken;
        var ids = new List<Guid>();
        for (var i = 1; i <= 3; i++)
        {
            var created = await Client.PostAsync(Organizations, Json($$"""{"name":{"en":"Ninotsminda Radio {{i}}"},"type":"MediaOutlet","municipality":"SJ-NINOTSMINDA"}"""), ct);
            ids.Add((await ReadJsonAsync(created, HttpStatusCode.Created)).GetProperty("id").GetGuid());
        }

        var first = await ReadJsonAsync(await Client.GetAsync($"{Organizations}?municipality=SJ-NINOTSMINDA&type=MediaOutlet&page=1&pageSize=2", ct), HttpStatusCode.OK);
        var second = await ReadJsonAsync(await Client.GetAsync($"{Organizations}?municipality=SJ-NINOTSMINDA&type=MediaOutlet&page=2&pageSize=2", ct), HttpStatusCode.OK);

        Assert.Equal(3, first.GetProperty("total").GetInt64());
        Assert.Equal(3, second.GetProperty("total").GetInt64());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        var pageOne = first.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
        var pageTwo = second.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, pageOne.Count);
        Assert.Single(pageTwo);
        Assert.Equal(ids, pageOne.Concat(pageTwo)); // in order of registration, nothing twice, nothing missing

        var badPage = await Client.GetAsync($"{Organizations}?pageSize=1000", ct);
        await AssertProblemAsync(badPage, HttpStatusCode.BadRequest, "pageSize");
        var badMunicipality = await Client.GetAsync($"{Organizations}?municipality=KK-ATLANTIS", ct);
        await AssertProblemAsync(badMunicipality, HttpStatusCode.BadRequest, "municipality");
    }

    public static TheoryData<string, string, string, int, string?> BadRegistrations => new()
    {
        // case, body, content type, expected status, field expected in errors (null: no field to name)
        { "malformed JSON", """{"name":{"en":"A"},"type":"Cso",""", "application/json", 400, "body" },
        { "JSON cut off inside a value", """{"name":{"en":"Broken""", "application/json", 400, null },
        { "unknown municipality", """{"name":{"en":"A"},"type":"Cso","municipality":"KK-ATLANTIS"}""", "application/json", 400, "municipality" },
        { "missing municipality", """{"name":{"en":"A"},"type":"Cso"}""", "application/json", 400, "municipality" },
        { "unknown type", """{"name":{"en":"A"},"type":"Bank","municipality":"KK-MARNEULI"}""", "application/json", 400, "type" },
        { "type as a number", """{"name":{"en":"A"},"type":0,"municipality":"KK-MARNEULI"}""", "application/json", 400, "type" },
        { "missing type", """{"name":{"en":"A"},"municipality":"KK-MARNEULI"}""", "application/json", 400, "type" },
        { "missing name", """{"type":"Cso","municipality":"KK-MARNEULI"}""", "application/json", 400, "name" },
        { "empty name", """{"name":{},"type":"Cso","municipality":"KK-MARNEULI"}""", "application/json", 400, "name" },
        { "name not an object", """{"name":"A","type":"Cso","municipality":"KK-MARNEULI"}""", "application/json", 400, "name" },
        { "blank name", """{"name":{"en":"   "},"type":"Cso","municipality":"KK-MARNEULI"}""", "application/json", 400, "name.en" },
        { "oversized name", $$"""{"name":{"en":"{{new string('x', 201)}}"},"type":"Cso","municipality":"KK-MARNEULI"}""", "application/json", 400, "name.en" },
        { "unknown language key", """{"name":{"fr":"Bonjour"},"type":"Cso","municipality":"KK-MARNEULI"}""", "application/json", 400, "name.fr" },
        { "unknown language in languages", """{"name":{"en":"A"},"type":"Cso","municipality":"KK-MARNEULI","languages":["ru"]}""", "application/json", 400, "languages[0]" },
        { "languages not a list", """{"name":{"en":"A"},"type":"Cso","municipality":"KK-MARNEULI","languages":"ka"}""", "application/json", 400, "languages" },
        { "invalid e-mail", """{"name":{"en":"A"},"type":"Cso","municipality":"KK-MARNEULI","email":"not-an-address"}""", "application/json", 400, "email" },
        { "extra unknown field", """{"name":{"en":"A"},"type":"Cso","municipality":"KK-MARNEULI","colour":"red"}""", "application/json", 400, "colour" },
        { "wrong content type", """{"name":{"en":"A"},"type":"Cso","municipality":"KK-MARNEULI"}""", "text/plain", 415, null },
        { "empty body", "", "application/json", 400, "body" },
        { "null body", "null", "application/json", 400, "body" },
        { "array body", "[]", "application/json", 400, "body" },
    };

    [Theory]
    [MemberData(nameof(BadRegistrations))]
    public async Task Bad_input_is_a_4xx_problem_naming_the_field_and_stores_nothing(string @case, string body, string contentType, int status, string? field)
    {
        var ct = TestContext.Current.CancellationToken;
        var before = await capacity.CountStoredAsync();
        var listBefore = await ReadJsonAsync(await Client.GetAsync(Organizations, ct), HttpStatusCode.OK);

        var response = await Client.PostAsync(Organizations, new StringContent(body, Encoding.UTF8, contentType), ct);

        Assert.True((int)response.StatusCode == status, $"{@case}: expected {status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
        await AssertProblemAsync(response, (HttpStatusCode)status, field);
        Assert.Equal(before, await capacity.CountStoredAsync());
        var listAfter = await ReadJsonAsync(await Client.GetAsync(Organizations, ct), HttpStatusCode.OK);
        Assert.Equal(listBefore.GetProperty("total").GetInt64(), listAfter.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_bad_update_is_a_problem_naming_the_field_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var created = await ReadJsonAsync(
            await Client.PostAsync(Organizations, Json("""{"name":{"en":"Tsalka Council"},"type":"LocalSelfGovernment","municipality":"KK-TSALKA"}"""), ct),
            HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var before = await capacity.CountStoredAsync();

        var response = await Client.PutAsync($"{Organizations}/{id}", Json("""{"name":{"en":"Tsalka Council"},"type":"LocalSelfGovernment","municipality":"KK-ATLANTIS"}"""), ct);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "municipality");
        var read = await ReadJsonAsync(await Client.GetAsync($"{Organizations}/{id}", ct), HttpStatusCode.OK);
        Assert.Equal(1, read.GetProperty("version").GetInt32());
        Assert.Equal("KK-TSALKA", read.GetProperty("municipality").GetString());
        Assert.Equal(before, await capacity.CountStoredAsync());
    }

    [Fact]
    public async Task A_repeated_idempotency_key_replays_the_first_response_and_registers_once()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Guid.NewGuid().ToString();
        const string body = """{"name":{"en":"Bolnisi Social Services"},"type":"SocialServiceProvider","municipality":"KK-BOLNISI"}""";
        var before = await capacity.CountStoredAsync();

        var first = await Client.SendAsync(IdempotentPost(key, body), ct);
        var second = await Client.SendAsync(IdempotentPost(key, body), ct);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues("Idempotent-Replayed")));
        var firstBody = await first.Content.ReadAsStringAsync(ct);
        Assert.Equal(firstBody, await second.Content.ReadAsStringAsync(ct));
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        var id = JsonDocument.Parse(firstBody).RootElement.GetProperty("id").GetGuid();

        var list = await ReadJsonAsync(await Client.GetAsync($"{Organizations}?municipality=KK-BOLNISI&type=SocialServiceProvider", ct), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray().ToList()).GetProperty("id").GetGuid());
        Assert.Equal((before.Organizations + 1, before.OutboxMessages + 1), await capacity.CountStoredAsync());

        var reused = await Client.SendAsync(IdempotentPost(key, body.Replace("Bolnisi Social Services", "Someone else", StringComparison.Ordinal)), ct);

        await AssertProblemAsync(reused, HttpStatusCode.UnprocessableEntity, null);
        Assert.Equal((before.Organizations + 1, before.OutboxMessages + 1), await capacity.CountStoredAsync());
    }

    [Fact]
    public async Task An_idempotency_key_is_the_callers_own_so_two_clients_using_the_same_key_register_twice()
    {
        var ct = TestContext.Current.CancellationToken;
        var key = Guid.NewGuid().ToString();
        const string body = """{"name":{"en":"Tetritskaro Youth Council"},"type":"Cso","municipality":"KK-TETRITSKARO"}""";
        var tokens = capacity.App.Identity.Tokens;
        // Another client of the same team: same role, another subject.
        var colleague = await tokens.NewClientAsync(PlatformRoles.CapacityTeam);
        using var colleagueClient = capacity.App.ClientWithToken((await tokens.ClientCredentialsAsync(colleague)).AccessToken);
        var before = await capacity.CountStoredAsync();

        var mine = await Client.SendAsync(IdempotentPost(key, body), ct);
        var theirs = await colleagueClient.SendAsync(IdempotentPost(key, body), ct);

        var myId = (await ReadJsonAsync(mine, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var theirId = (await ReadJsonAsync(theirs, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        Assert.False(mine.Headers.Contains("Idempotent-Replayed"));
        Assert.False(theirs.Headers.Contains("Idempotent-Replayed"));
        Assert.NotEqual(myId, theirId);
        Assert.Equal((before.Organizations + 2, before.OutboxMessages + 2), await capacity.CountStoredAsync());
        var list = await ReadJsonAsync(await Client.GetAsync($"{Organizations}?municipality=KK-TETRITSKARO&type=Cso", ct), HttpStatusCode.OK);
        Assert.Equal([myId, theirId], list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("id").GetGuid()).ToArray());

        // Each caller's repeat replays that caller's own answer, and registers nothing more.
        var theirRepeat = await colleagueClient.SendAsync(IdempotentPost(key, body), ct);
        Assert.Equal(theirId, (await ReadJsonAsync(theirRepeat, HttpStatusCode.Created)).GetProperty("id").GetGuid());
        Assert.Equal("true", Assert.Single(theirRepeat.Headers.GetValues("Idempotent-Replayed")));
        var myRepeat = await Client.SendAsync(IdempotentPost(key, body), ct);
        Assert.Equal(myId, (await ReadJsonAsync(myRepeat, HttpStatusCode.Created)).GetProperty("id").GetGuid());
        Assert.Equal("true", Assert.Single(myRepeat.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal((before.Organizations + 2, before.OutboxMessages + 2), await capacity.CountStoredAsync());
    }

    [Fact]
    public async Task An_unknown_organisation_is_a_404_problem()
    {
        var ct = TestContext.Current.CancellationToken;
        var unknown = Guid.NewGuid();
        var before = await capacity.CountStoredAsync();

        await AssertProblemAsync(await Client.GetAsync($"{Organizations}/{unknown}", ct), HttpStatusCode.NotFound, null);
        await AssertProblemAsync(
            await Client.PutAsync($"{Organizations}/{unknown}", Json("""{"name":{"en":"Ghost"},"type":"Cso","municipality":"KK-DMANISI"}"""), ct),
            HttpStatusCode.NotFound, null);
        Assert.Equal(before, await capacity.CountStoredAsync());
    }

    internal static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    internal static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode? expected = null)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        if (expected is { } status)
        {
            Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        }

        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static HttpRequestMessage IdempotentPost(string key, string body) =>
        new(HttpMethod.Post, Organizations) { Content = Json(body), Headers = { { "Idempotency-Key", key } } };

    /// <summary>An RFC 7807 problem with the given status; when a field is given, <c>errors</c> names it.</summary>
    internal static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? field)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        if (status == HttpStatusCode.BadRequest)
        {
            // Every 400 of the platform is a validation problem that says what was wrong.
            Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(), $"a 400 should carry errors: {text}");
        }

        if (field is not null)
        {
            var errors = problem.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out var messages), $"errors should name '{field}': {text}");
            Assert.NotEmpty(messages.EnumerateArray());
        }
    }
}
