using System.Text.Json;
using Platform.Demo.Access;

namespace Platform.Demo.Demo;

/// <summary>
/// A believable, obviously invented programme, put into a running platform through its public API only. Every section
/// first looks up what is there (by name, and by state) and does only what is missing, and each command carries an
/// Idempotency-Key, so a second run changes nothing and an interrupted run can simply run again.
/// Sections run in order; a later one uses what an earlier one made (the registry's organisations).
/// </summary>
internal static class DemoProgramme
{
    public static IReadOnlyList<IDemoSection> Sections { get; } =
    [
        new OrganizationRegistry(),
        new GrantCalls(),
        new YoungProfessionals(),
        new CivicCamps(),
        new CapacityDevelopment(),
        new ParticipatoryGovernance(),
        new MediaCampaigns(),
    ];

    public static async Task<Changes> RunAsync(Gateway gateway, TokenServer tokens, TextWriter log)
    {
        var changes = new Changes();
        var demo = new DemoContext(gateway, tokens, changes, await tokens.SignInAsAdminAsync());
        foreach (var section in Sections)
        {
            var before = changes.Applied;
            await section.RunAsync(demo);
            await log.WriteLineAsync($"{section.Name}: {(changes.Applied == before ? "already there" : $"{changes.Applied - before} changes")}");
        }

        return changes;
    }
}

/// <summary>One part of the demo programme, usually one service's records.</summary>
internal interface IDemoSection
{
    string Name { get; }

    Task RunAsync(DemoContext demo);
}

/// <summary>What the sections share: the programme admin, machine clients for other roles, the organisations by key.</summary>
internal sealed class DemoContext(Gateway gateway, TokenServer tokens, Changes changes, string adminToken)
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(90);

    /// <summary>The programme admin: may write in every service and sees personal data.</summary>
    public Caller Admin { get; } = gateway.As(adminToken, changes);

    /// <summary>Organisation ids by their demo key, filled by <see cref="OrganizationRegistry"/>.</summary>
    public Dictionary<string, Guid> Organizations { get; } = [];

    /// <summary>Records a later section needs by their demo key (Media publishes the stories of Partnerships' records).</summary>
    public Dictionary<string, Guid> Subjects { get; } = [];

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>A machine client of <paramref name="role"/> (made once, then reused), e.g. an applicant for one organisation.</summary>
    public async Task<Caller> AsAsync(string role, Guid? organizationId = null, string? clientId = null) =>
        gateway.As(await tokens.MachineClientTokenAsync(role, organizationId, clientId), changes);

    /// <summary>Waits until a service has an organisation from the registry's events (its own projection).</summary>
    public async Task KnownToAsync(string service, Guid organizationId)
    {
        var deadline = DateTime.UtcNow + EventTimeout;
        while (await Admin.FindAsync($"/api/{service}/organizations/{organizationId}") is null)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new ToolException($"{service} has not received organisation {organizationId} from the registry within {EventTimeout.TotalSeconds} s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>The first item whose <paramref name="property"/> (a language map) has this English text.</summary>
    public static JsonElement? ByEnglish(IEnumerable<JsonElement> items, string property, string english) =>
        items.Where(i => i.GetProperty(property).TryGetProperty("en", out var en) && en.GetString() == english).Select(i => (JsonElement?)i).FirstOrDefault();

    public static JsonElement? By(IEnumerable<JsonElement> items, string property, string value) =>
        items.Where(i => i.GetProperty(property).GetString() == value).Select(i => (JsonElement?)i).FirstOrDefault();
}

internal static class JsonDates
{
    /// <summary>A calendar day as the platform writes it (<c>yyyy-MM-dd</c>).</summary>
    public static DateOnly GetDateOnly(this JsonElement element) =>
        DateOnly.ParseExact(element.GetString()!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
