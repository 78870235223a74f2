namespace Platform.Demo;

/// <summary>
/// The command line: <c>token [--role ROLE] [--organization ID]</c> or <c>demo</c>, with <c>--gateway URL</c>
/// (<c>PLATFORM_GATEWAY</c>, else http://localhost:8080) and <c>--state DIR</c> (<c>PLATFORM_STATE</c>, else .data of the
/// current directory), where machine clients' secrets are kept. The admin signs in with <c>PLATFORM_ADMIN_EMAIL</c>
/// (admin@platform.local) and <c>PLATFORM_ADMIN_PASSWORD</c>, which ./platform.sh reads from the AppHost's user secrets.
/// </summary>
internal sealed record ToolOptions(
    string Command, Uri GatewayUrl, string StateDirectory, string AdminEmail, string? AdminPassword, string? Role, Guid? OrganizationId)
{
    public const string Usage = "usage: Platform.Demo token [--role ROLE] [--organization ID] | demo   [--gateway URL] [--state DIR]";

    public static ToolOptions Parse(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            throw new ToolException(Usage);
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new ToolException($"unexpected '{args[i]}'. {Usage}");
            }

            values[args[i][2..]] = args[++i];
        }

        var unknown = values.Keys.Except(["gateway", "state", "role", "organization"]).ToList();
        if (unknown.Count > 0)
        {
            throw new ToolException($"unknown option --{unknown[0]}. {Usage}");
        }

        Guid? organization = null;
        if (values.TryGetValue("organization", out var id))
        {
            organization = Guid.TryParse(id, out var parsed) ? parsed : throw new ToolException($"--organization '{id}' is not an id");
        }

        var gateway = values.GetValueOrDefault("gateway") ?? Environment.GetEnvironmentVariable("PLATFORM_GATEWAY") ?? "http://localhost:8080";
        return new ToolOptions(
            args[0],
            Uri.TryCreate(gateway, UriKind.Absolute, out var url) ? url : throw new ToolException($"--gateway '{gateway}' is not a URL"),
            values.GetValueOrDefault("state") ?? Environment.GetEnvironmentVariable("PLATFORM_STATE") ?? Path.Combine(Environment.CurrentDirectory, ".data"),
            Environment.GetEnvironmentVariable("PLATFORM_ADMIN_EMAIL") is { Length: > 0 } email ? email : "admin@platform.local",
            Environment.GetEnvironmentVariable("PLATFORM_ADMIN_PASSWORD"),
            values.GetValueOrDefault("role"),
            organization);
    }
}

/// <summary>A failure to report in one line, without a stack trace.</summary>
internal sealed class ToolException(string message) : Exception(message);
