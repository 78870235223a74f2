namespace Platform.Identity;

/// <summary>
/// The <c>Identity</c> configuration section:
/// <code>
/// "Identity": {
///   "Issuer": "http://localhost:8080/api/identity/",   // public URL through the gateway; default: the request's base URL
///   "AccessTokenLifetime": "00:15:00",
///   "RefreshTokenLifetime": "14.00:00:00",
///   "Admin": { "Email": "admin@platform.local", "Password": "..." },   // the first programme-admin, created once
///   "WebClient": {
///     "RedirectUris": [ "http://localhost:8080/signin-callback", "http://127.0.0.1/callback" ],
///     "PostLogoutRedirectUris": [ "http://localhost:8080/" ]
///   }
/// }
/// </code>
/// </summary>
public sealed class TokenServerSettings
{
    public const string SectionName = "Identity";

    /// <summary>The public client people sign in with (authorization code + PKCE).</summary>
    public const string WebClientId = "platform-web";

    public static readonly IReadOnlyList<string> DefaultRedirectUris = ["http://localhost:8080/signin-callback", "http://127.0.0.1/callback"];
    public static readonly IReadOnlyList<string> DefaultPostLogoutRedirectUris = ["http://localhost:8080/"];

    public string? Issuer { get; set; }

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    public AdminAccount Admin { get; set; } = new();

    public WebClientSettings WebClient { get; set; } = new();

    public Uri? IssuerUri =>
        string.IsNullOrWhiteSpace(Issuer) ? null
        : Uri.TryCreate(Issuer, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) ? uri
        : throw new InvalidOperationException($"{SectionName}:Issuer must be an absolute http(s) URL without query or fragment, not '{Issuer}'.");

    public static TokenServerSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(SectionName).Get<TokenServerSettings>() ?? new TokenServerSettings();
        _ = settings.IssuerUri;
        if (settings.AccessTokenLifetime <= TimeSpan.Zero || settings.RefreshTokenLifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"{SectionName}: token lifetimes must be positive.");
        }

        return settings;
    }

    public sealed class AdminAccount
    {
        public string Email { get; set; } = "admin@platform.local";

        public string? Password { get; set; }

        public string DisplayName { get; set; } = "Programme administrator";
    }

    public sealed class WebClientSettings
    {
        public string[]? RedirectUris { get; set; }

        public string[]? PostLogoutRedirectUris { get; set; }

        public IReadOnlyList<Uri> RedirectUrisOrDefault => Absolute(RedirectUris is { Length: > 0 } configured ? configured : DefaultRedirectUris, nameof(RedirectUris));

        public IReadOnlyList<Uri> PostLogoutRedirectUrisOrDefault =>
            Absolute(PostLogoutRedirectUris is { Length: > 0 } configured ? configured : DefaultPostLogoutRedirectUris, nameof(PostLogoutRedirectUris));

        private static List<Uri> Absolute(IEnumerable<string> uris, string name) =>
            uris.Where(u => !string.IsNullOrWhiteSpace(u))
                .Select(u => Uri.TryCreate(u.Trim(), UriKind.Absolute, out var uri)
                    ? uri
                    : throw new InvalidOperationException($"{SectionName}:WebClient:{name} holds '{u}', which is not an absolute URL."))
                .ToList();
    }
}
