using System.ComponentModel;
using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Infrastructure;

/// <summary>How PostgreSQL, RabbitMQ and Redis run (configuration key <c>Infra:Mode</c>).</summary>
internal enum InfraMode
{
    /// <summary>Aspire's container resources; needs a Docker or Podman engine.</summary>
    Container,

    /// <summary>The Debian server binaries, started as processes on loopback (infra/local/*.sh).</summary>
    Local,

    /// <summary>Existing servers named by <c>ConnectionStrings:*</c>.</summary>
    External,
}

internal static class InfraModeSelection
{
    /// <summary>
    /// The configured mode, or else the best the machine offers: containers when an engine answers (without
    /// one, container resources only warn and every service waits forever), then the local server binaries.
    /// </summary>
    public static InfraMode Select(IConfiguration configuration)
    {
        var configured = configuration["Infra:Mode"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.TryParse<InfraMode>(configured, ignoreCase: true, out var mode) && !char.IsDigit(configured.Trim()[0])
                ? mode
                : throw new DistributedApplicationException(
                    $"Infra:Mode '{configured}' is not one of: container, local, external.");
        }

        if (ContainerEngineAnswers(configuration["ASPIRE_CONTAINER_RUNTIME"] ?? configuration["DOTNET_ASPIRE_CONTAINER_RUNTIME"]))
        {
            return InfraMode.Container;
        }

        if (LocalServers.MissingBinaries() is not { Count: > 0 } missing)
        {
            return InfraMode.Local;
        }

        throw new DistributedApplicationException(
            "No container engine answers and the local server binaries are missing "
            + $"({string.Join(", ", missing)}). Either run './platform.sh install' "
            + "(or 'apt-get install postgresql rabbitmq-server redis-server'), start a Docker or Podman engine, "
            + "or set Infra:Mode=external with ConnectionStrings:* for existing servers.");
    }

    // `docker info` fails fast when the CLI exists but no engine runs; the timeout covers a hung socket.
    private static bool ContainerEngineAnswers(string? runtime)
    {
        foreach (var cli in runtime is { Length: > 0 } ? [runtime] : new[] { "docker", "podman" })
        {
            try
            {
                using var process = Process.Start(new ProcessStartInfo(cli, ["info", "--format", "{{.ServerVersion}}"])
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                });
                if (process is null)
                {
                    continue;
                }

                if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    process.Kill(entireProcessTree: true);
                    continue;
                }

                if (process.ExitCode == 0)
                {
                    return true;
                }
            }
            catch (Win32Exception)
            {
                // The CLI is not installed.
            }
        }

        return false;
    }
}
