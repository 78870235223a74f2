using System.Net;
using System.Net.Http.Headers;

namespace Platform.Identity.Registry;

/// <summary>
/// Asks Capacity's registry, at the moment the programme admin gives someone an organisation, whether it exists:
/// <c>GET {Identity:Registry:Address}/api/capacity/organizations/{id}</c> with the admin's own token. The token
/// server has no broker and no replica of the registry (issue 14), and the question arises a few times a month, by
/// hand: one synchronous call is the simplest thing that is exact. When the registry cannot answer, nothing is
/// created (503) rather than an applicant for an organisation nobody checked.
/// </summary>
public sealed partial class OrganizationRegistry(IHttpClientFactory httpClients, IConfiguration configuration, ILogger<OrganizationRegistry> logger)
{
    public const string ClientName = "capacity-registry";
    public const string AddressSetting = "Identity:Registry:Address";

    private int _warned;

    public Uri? Address { get; } = configuration[AddressSetting] is { Length: > 0 } address ? new Uri(address) : null;

    /// <summary><c>true</c> when the registry has it; <c>false</c> when it has not; <c>null</c> when it could not say.</summary>
    public async Task<bool?> ExistsAsync(Guid organizationId, string? bearerToken, CancellationToken ct)
    {
        if (Address is null)
        {
            // Once per process: a token server run on its own says so, without a line for every applicant.
            if (Interlocked.Exchange(ref _warned, 1) == 0)
            {
                LogNotConfigured(AddressSetting);
            }

            return true;
        }

        try
        {
            using var http = httpClients.CreateClient(ClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(Address, $"api/capacity/organizations/{organizationId}"));
            if (bearerToken is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
            }

            using var response = await http.SendAsync(request, ct);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return false;
            }

            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            LogRefused((int)response.StatusCode);
            return null;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            LogUnreachable(ex);
            return null;
        }
    }

    /// <summary>
    /// Refuses (in <paramref name="errors"/>) an organisation the registry does not have; returns a 503 problem when
    /// the registry could not say, else <c>null</c>.
    /// </summary>
    public async Task<IResult?> CheckAsync(Guid? organizationId, HttpContext context, ValidationErrors errors)
    {
        if (organizationId is not { } id || id == Guid.Empty)
        {
            return null;
        }

        var token = context.Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? header["Bearer ".Length..].Trim()
            : null;
        switch (await ExistsAsync(id, token, context.RequestAborted))
        {
            case false:
                errors.Add("organizationId", "No organisation with this id in the registry (Capacity). Register it there first.");
                return null;
            case null:
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status503ServiceUnavailable,
                    title: "The organisation registry cannot be reached",
                    detail: "Whether the organisation exists cannot be checked now: nothing was changed. Try again shortly.");
            default:
                return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Setting} is not set: organisations given to applicants are not checked against the registry")]
    private partial void LogNotConfigured(string setting);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The organisation registry answered {Status}")]
    private partial void LogRefused(int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The organisation registry cannot be reached")]
    private partial void LogUnreachable(Exception exception);
}
