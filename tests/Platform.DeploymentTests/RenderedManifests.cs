using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Platform.DeploymentTests;

/// <summary>
/// Writes the manifests once, as <c>./platform.sh deploy-manifests</c> does (the built AppHost in publish mode),
/// with replica counts and known secret values in its configuration; renders both overlays with
/// <c>kubectl kustomize</c>; and builds the AppHost's model with the same settings, to compare against.
/// </summary>
public sealed class RenderedManifests : IAsyncLifetime
{
    public const string AdminPasswordSentinel = "Sentinel-admin-password-7f3c91";
    public const string DatabasePasswordSentinel = "Sentinel-postgres-password-52ab0e";

    /// <summary>The settings of the run: Replicas:* as an operator passes them, and secrets that must not leak.</summary>
    public static readonly string[] Settings =
    [
        "--Infra:Mode=container",
        "--Replicas:grants=2",
        "--Replicas:gateway=3",
        "--Replicas:media=2",
        $"--Parameters:identity-admin-password={AdminPasswordSentinel}",
        $"--Parameters:postgres-password={DatabasePasswordSentinel}",
        "--Deploy:production:Registry=registry.test.example/platform",
        "--Deploy:production:Tag=2026.12.1",
        "--Deploy:production:Host=programme.test.example",
    ];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"platform-manifests-{Guid.NewGuid():N}");

    public string Directory => _directory;

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The rendered objects of each overlay (dev, production).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<JsonObject>> Overlays { get; private set; } = new Dictionary<string, IReadOnlyList<JsonObject>>();

    /// <summary>The project resources of the AppHost's model.</summary>
    public IReadOnlyList<ProjectResource> Projects { get; private set; } = [];

    public async ValueTask InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await RunAsync("dotnet", [AppHostDll, "--operation", "publish", $"--Deploy:ManifestsDir={_directory}", .. Settings], Path.Combine(RepositoryRoot, "AppHost"), timeout.Token);

        var overlays = new Dictionary<string, IReadOnlyList<JsonObject>>();
        foreach (var overlay in new[] { "dev", "production" })
        {
            var yaml = await RunAsync("kubectl", ["kustomize", Path.Combine(_directory, "overlays", overlay)], _directory, timeout.Token);
            overlays[overlay] = ParseDocuments(yaml);
        }

        Overlays = overlays;

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<global::Projects.Platform_AppHost>(Settings, timeout.Token);
        Projects = builder.Resources.OfType<ProjectResource>().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        await builder.DisposeAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (System.IO.Directory.Exists(_directory))
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>The built AppHost, as ./platform.sh runs it.</summary>
    public static string AppHostDll
    {
        get
        {
            var configuration = typeof(RenderedManifests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            return Path.Combine(RepositoryRoot, "AppHost", "bin", configuration, "net10.0", "Platform.AppHost.dll");
        }
    }

    public static async Task<string> RunAsync(string command, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var (exitCode, output, error) = await TryRunAsync(command, arguments, workingDirectory, cancellationToken);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} exited with {exitCode}:\n{output}\n{error}");
    }

    public static async Task<(int ExitCode, string Output, string Error)> TryRunAsync(
        string command, IEnumerable<string> arguments, string workingDirectory, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output, await error);
    }

    private static IReadOnlyList<JsonObject> ParseDocuments(string yaml)
    {
        var deserializer = new DeserializerBuilder().Build();
        var parser = new Parser(new StringReader(yaml));
        parser.Consume<StreamStart>();
        var documents = new List<JsonObject>();
        while (parser.Accept<DocumentStart>(out _))
        {
            documents.Add((JsonObject)ToJson(deserializer.Deserialize<object>(parser))!);
        }

        return documents;
    }

    // Scalars stay strings (as YAML read without a schema gives them); the assertions parse what they need.
    private static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        IDictionary<object, object> map => new JsonObject(map.Select(e => KeyValuePair.Create(e.Key.ToString()!, ToJson(e.Value)))),
        IList<object> list => new JsonArray(list.Select(ToJson).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Platform.sln not found above {AppContext.BaseDirectory}");
    }
}
