namespace Platform.Gateway.Routing;

/// <summary>
/// The <c>Gateway</c> configuration section. Everything is optional:
/// <code>
/// "Gateway": {
///   "Services": [ "capacity", "grants" ],          // default: the five platform services
///   "RequestTimeout": "00:00:30",                  // how long a service may stay silent, per request
///   "ServiceTimeouts": { "media": "00:01:00" },     // the same, for one service
///   "ConnectTimeout": "00:00:05",                  // how long to try to open a connection to a service
///   "PublicPaths": [ "/api/media/catalogue/{**rest}" ], // reachable without a token
///   "PublicPages": [ { "Path": "/catalogue/{**rest}", "Service": "media" } ], // web pages outside /api/, no token
///   "RateLimitPermits": 100, "RateLimitWindow": "00:00:01", // per client
///   "SignInRateLimitPermits": 10, "SignInRateLimitWindow": "00:01:00", // per client address, sign-in and token endpoints
///   "TrustedProxies": [ "10.0.0.0/8" ],            // whose X-Forwarded-For names the client (default: nobody's)
///   "RateLimitKeyPrefix": "gateway"                 // the budgets' keys in Redis, shared by the replicas
/// }
/// </code>
/// </summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    public static readonly IReadOnlyList<string> DefaultServices = ["capacity", "grants", "youth", "partnerships", "media", "identity"];

    /// <summary>The token server: its endpoints (token, authorize, discovery, login) are reached without a token.</summary>
    public const string TokenServer = "identity";

    /// <summary>
    /// Paths anyone may call without a token (the public catalogue, open calls), as YARP path patterns such as
    /// <c>/api/media/catalogue/{**rest}</c>. Everything else under <c>/api/</c> needs a valid token.
    /// </summary>
    public string[] PublicPaths { get; set; } = [];

    /// <summary>Web pages outside <c>/api/</c> (the public catalogue at <c>/catalogue</c>), each served anonymously by a routed service.</summary>
    public PublicPage[] PublicPages { get; set; } = [];

    /// <summary>Requests per client (token client id, else subject, else IP address) per window.</summary>
    public int RateLimitPermits { get; set; } = 100;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Requests per client address per window to the token server's sign-in and token endpoints (<c>connect/</c> and
    /// <c>account/</c>): what password guessing and token stuffing go through, so a much smaller budget.
    /// </summary>
    public int SignInRateLimitPermits { get; set; } = 10;

    public TimeSpan SignInRateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Addresses and networks (CIDR) of the proxies in front of the gateway whose <c>X-Forwarded-For</c> is believed.</summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Where the replicas' shared budgets live in Redis: one prefix per platform sharing a Redis server.</summary>
    public string RateLimitKeyPrefix { get; set; } = "gateway";

    /// <summary>Service names; each is routed from <c>/api/{name}/...</c> to <c>http://{name}</c>.</summary>
    public string[]? Services { get; set; }

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public Dictionary<string, TimeSpan> ServiceTimeouts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> ServiceNames =>
        Services is { Length: > 0 } configured
            ? configured.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().ToArray()
            : DefaultServices;

    public TimeSpan RequestTimeoutOf(string service) =>
        ServiceTimeouts.TryGetValue(service, out var timeout) ? timeout : RequestTimeout;

    public static GatewayOptions From(IConfiguration configuration)
    {
        var options = configuration.GetSection(SectionName).Get<GatewayOptions>() ?? new GatewayOptions();
        options.Validate();
        return options;
    }

    private void Validate()
    {
        // A name becomes a URL host (http://{name}) and a path segment, so it must be a plain DNS label.
        var invalid = ServiceNames.Where(s => !s.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')).ToArray();
        if (invalid.Length > 0)
        {
            throw new InvalidOperationException($"{SectionName}:Services contains invalid service names: {string.Join(", ", invalid)}.");
        }

        var unrouted = PublicPages.Where(p => string.IsNullOrWhiteSpace(p.Path) || p.Path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)
            || !ServiceNames.Contains(p.Service)).ToArray();
        if (unrouted.Length > 0)
        {
            throw new InvalidOperationException($"{SectionName}:PublicPages needs a path outside /api/ and a routed service: {string.Join(", ", unrouted.Select(p => $"{p.Path} -> {p.Service}"))}.");
        }

        if (RateLimitPermits <= 0 || RateLimitWindow <= TimeSpan.Zero || SignInRateLimitPermits <= 0 || SignInRateLimitWindow <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}:RateLimitPermits, RateLimitWindow, SignInRateLimitPermits and SignInRateLimitWindow must be positive.");
        }

        var untrustworthy = TrustedProxies.Where(p => !(p.Contains('/', StringComparison.Ordinal)
            ? System.Net.IPNetwork.TryParse(p, out _)
            : System.Net.IPAddress.TryParse(p, out _))).ToArray();
        if (untrustworthy.Length > 0)
        {
            throw new InvalidOperationException($"{SectionName}:TrustedProxies holds entries that are neither an IP address nor a network (10.0.0.0/8): {string.Join(", ", untrustworthy)}.");
        }

        if (RequestTimeout <= TimeSpan.Zero || ConnectTimeout <= TimeSpan.Zero || ServiceTimeouts.Values.Any(t => t <= TimeSpan.Zero))
        {
            throw new InvalidOperationException($"{SectionName} timeouts must be positive.");
        }
    }
}

/// <summary>A web page path (a YARP pattern such as <c>/catalogue/{**rest}</c>) and the service that serves it.</summary>
public sealed class PublicPage
{
    public string Path { get; set; } = "";

    public string Service { get; set; } = "";
}
