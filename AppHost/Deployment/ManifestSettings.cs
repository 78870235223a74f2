using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Deployment;

/// <summary>
/// What the model cannot know about a cluster, per overlay (<c>Deploy:dev:*</c>, <c>Deploy:production:*</c>):
/// the public host, the registry and tag of the images, where telemetry goes; and, for both, where the
/// servers provisioned outside live (<c>Deploy:BackendCidr</c>) and which namespace the Ingress controller runs in.
/// </summary>
internal sealed record ManifestSettings(
    string BackendCidr,
    string IngressNamespace,
    string IngressClass,
    IReadOnlyList<OverlaySettings> Overlays)
{
    public static ManifestSettings From(IConfiguration configuration)
    {
        var deploy = configuration.GetSection("Deploy");
        return new ManifestSettings(
            deploy["BackendCidr"] ?? "10.0.0.0/8",
            deploy["IngressNamespace"] ?? "ingress-nginx",
            deploy["IngressClass"] ?? "nginx",
            [
                OverlaySettings.From(deploy.GetSection("dev"), "dev", new OverlaySettings(
                    Name: "dev",
                    Namespace: "platform-dev",
                    Host: "platform.dev.localhost",
                    Tls: false,
                    Registry: "",
                    Tag: "latest",
                    OtlpEndpoint: "http://aspire-dashboard:18889",
                    MaxReplicas: 3)),
                OverlaySettings.From(deploy.GetSection("production"), "production", new OverlaySettings(
                    Name: "production",
                    Namespace: "platform",
                    Host: "platform.example.org",
                    Tls: true,
                    Registry: "registry.example.org/platform",
                    Tag: "latest",
                    OtlpEndpoint: "http://otel-collector.observability:4317",
                    MaxReplicas: 10)),
            ]);
    }
}

/// <param name="Registry">Prefix of the images' names (host/path), empty for images loaded into the cluster's nodes.</param>
/// <param name="MaxReplicas">The autoscalers' ceiling.</param>
internal sealed record OverlaySettings(
    string Name, string Namespace, string Host, bool Tls, string Registry, string Tag, string OtlpEndpoint, int MaxReplicas)
{
    public string PublicOrigin => $"{(Tls ? "https" : "http")}://{Host}";

    public static OverlaySettings From(IConfigurationSection section, string name, OverlaySettings defaults) => new(
        name,
        section["Namespace"] ?? defaults.Namespace,
        section["Host"] ?? defaults.Host,
        section.GetValue("Tls", defaults.Tls),
        (section["Registry"] ?? defaults.Registry).TrimEnd('/'),
        section["Tag"] ?? defaults.Tag,
        section["OtlpEndpoint"] ?? defaults.OtlpEndpoint,
        section.GetValue("MaxReplicas", defaults.MaxReplicas));
}
