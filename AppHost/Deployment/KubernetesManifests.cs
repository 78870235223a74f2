using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using YamlDotNet.Serialization;

namespace Platform.AppHost.Deployment;

/// <summary>
/// <c>./platform.sh deploy-manifests [DIR]</c>: with <c>Deploy:ManifestsDir</c> set, the AppHost starts nothing and
/// writes the Kubernetes manifests of the model it has built (a Kustomize base and the overlays <c>dev</c> and
/// <c>production</c>), so the deployment is never described twice. The servers are provisioned outside the cluster;
/// connection strings and secret parameters are Secret keys the operator creates, never values in these files.
/// </summary>
internal static class KubernetesManifests
{
    private const string Header =
        "# Generated from the AppHost model by ./platform.sh deploy-manifests; do not edit: change the AppHost and generate again.\n";

    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().DisableAliases().Build();

    /// <summary>Runs the platform, or writes its manifests when <c>Deploy:ManifestsDir</c> is set.</summary>
    public static void RunOrWriteManifests(this DistributedApplication app)
    {
        var directory = app.Services.GetRequiredService<IConfiguration>()["Deploy:ManifestsDir"];
        if (string.IsNullOrWhiteSpace(directory))
        {
            app.Run();
            return;
        }

        WriteAsync(app.Services, Path.GetFullPath(directory), CancellationToken.None).GetAwaiter().GetResult();
        Console.WriteLine($"Kubernetes manifests written to {Path.GetFullPath(directory)} (kubectl kustomize {Path.Combine(directory, "overlays", "production")})");
    }

    public static async Task WriteAsync(IServiceProvider services, string directory, CancellationToken cancellationToken)
    {
        var settings = ManifestSettings.From(services.GetRequiredService<IConfiguration>());
        // Publish mode (--operation publish): references are expressions, and the launch profiles and local URLs of a
        // run on this machine are not applied.
        var publish = services.GetRequiredService<DistributedApplicationExecutionContext>();
        if (!publish.IsPublishMode)
        {
            throw new DistributedApplicationException("Deploy:ManifestsDir needs the AppHost in publish mode: add --operation publish (./platform.sh deploy-manifests does).");
        }

        var deployed = await new ModelReader(publish).ReadAsync(services.GetRequiredService<DistributedApplicationModel>(), cancellationToken);

        // Only what this command writes is replaced; anything else in the directory stays.
        foreach (var owned in new[] { "base", "overlays" })
        {
            var path = Path.Combine(directory, owned);
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }

        var baseFiles = new List<string>();
        foreach (var service in deployed)
        {
            var objects = new List<Map>
            {
                KubernetesObjects.ConfigMap(service),
                KubernetesObjects.Deployment(service),
                KubernetesObjects.Service(service),
                KubernetesObjects.PodDisruptionBudget(service),
            };
            Write(Path.Combine(directory, "base", $"{service.Name}.yaml"), objects);
            baseFiles.Add($"{service.Name}.yaml");
        }

        Write(Path.Combine(directory, "base", "network-policies.yaml"), KubernetesObjects.NetworkPolicies(deployed, settings));
        baseFiles.Add("network-policies.yaml");
        Write(Path.Combine(directory, "base", "kustomization.yaml"), [Kustomization(resources: baseFiles)]);

        foreach (var overlay in settings.Overlays)
        {
            var overlayDirectory = Path.Combine(directory, "overlays", overlay.Name);
            Write(Path.Combine(overlayDirectory, "namespace.yaml"), [KubernetesObjects.Namespace(overlay)]);
            Write(Path.Combine(overlayDirectory, "environment.yaml"), [KubernetesObjects.EnvironmentConfig(overlay)]);
            Write(Path.Combine(overlayDirectory, "ingress.yaml"), [KubernetesObjects.Ingress(deployed, overlay, settings.IngressClass)]);
            Write(
                Path.Combine(overlayDirectory, "autoscaling.yaml"),
                deployed.Where(s => KubernetesObjects.Autoscaled.Contains(s.Name)).Select(s => KubernetesObjects.HorizontalPodAutoscaler(s, overlay.MaxReplicas)));

            var kustomization = Kustomization(["../../base", "namespace.yaml", "environment.yaml", "ingress.yaml", "autoscaling.yaml"]);
            kustomization["namespace"] = overlay.Namespace;
            kustomization["images"] = deployed.Select(s => (object)Image(s, overlay)).ToList();
            Write(Path.Combine(overlayDirectory, "kustomization.yaml"), [kustomization]);
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "SECRETS.md"), SecretsGuide(deployed), cancellationToken);
    }

    private static Map Kustomization(IReadOnlyList<string> resources) => new()
    {
        ["apiVersion"] = "kustomize.config.k8s.io/v1beta1",
        ["kind"] = "Kustomization",
        ["resources"] = resources.Cast<object>().ToList(),
    };

    private static Map Image(DeployedService service, OverlaySettings overlay)
    {
        var repository = service.Image[..service.Image.LastIndexOf(':')];
        var image = new Map { ["name"] = repository };
        if (overlay.Registry.Length > 0)
        {
            image["newName"] = $"{overlay.Registry}/{repository}";
        }

        image["newTag"] = overlay.Tag;
        return image;
    }

    private static void Write(string path, IEnumerable<Map> objects)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var text = new StringBuilder(Header);
        var first = true;
        foreach (var item in objects)
        {
            text.Append(first ? "" : "---\n").Append(Yaml.Serialize(item));
            first = false;
        }

        File.WriteAllText(path, text.ToString());
    }

    private static string SecretsGuide(IReadOnlyList<DeployedService> services)
    {
        var keys = services.SelectMany(s => s.SecretValues.Values).Distinct().GroupBy(k => k.Secret).OrderBy(g => g.Key, StringComparer.Ordinal);
        var text = new StringBuilder(Header.Replace("# ", "<!-- ", StringComparison.Ordinal).TrimEnd() + " -->\n\n");
        text.Append("# Secrets to create before applying an overlay\n\n")
            .Append("The manifests name these Secrets and keys; their values never go into a file of this directory.\n")
            .Append("Create them in the overlay's namespace, for example with `kubectl create secret generic NAME --namespace NS --from-env-file=FILE`\n")
            .Append("from a file outside the repository (one `key=value` a line):\n\n");
        foreach (var secret in keys)
        {
            text.Append("- `").Append(secret.Key).Append("`: ")
                .AppendJoin(", ", secret.Select(k => $"`{k.Key}`").Order(StringComparer.Ordinal)).Append('\n');
        }

        text.Append("- `platform-tls` (production): the Ingress's TLS certificate, `kubectl create secret tls platform-tls --cert=... --key=...`\n");
        return text.ToString();
    }
}
