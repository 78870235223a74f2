using Microsoft.Extensions.Configuration;

namespace Platform.AppHost.Deployment;

/// <summary>
/// How many processes of each service and of the gateway run: <c>Replicas:{name}</c> (for example
/// <c>Replicas:grants=2</c>, <c>Replicas__gateway=2</c> in the environment); 1 unless configured. The same counts
/// go into the Kubernetes manifests (<see cref="KubernetesManifests"/>).
/// </summary>
internal static class Replicas
{
    public const string Section = "Replicas";

    /// <summary>Applies the configured count to every project resource; call it once all of them are added.</summary>
    public static IDistributedApplicationBuilder WithReplicaCounts(this IDistributedApplicationBuilder builder)
    {
        var projects = builder.Resources.OfType<ProjectResource>().ToDictionary(project => project.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var setting in builder.Configuration.GetSection(Section).GetChildren())
        {
            if (!projects.ContainsKey(setting.Key))
            {
                throw new DistributedApplicationException(
                    $"{Section}:{setting.Key} names no service; the services are: {string.Join(", ", projects.Keys.Order())}.");
            }
        }

        foreach (var project in projects.Values)
        {
            var count = CountFor(builder.Configuration, project.Name);
            if (count == 1)
            {
                continue;
            }

            // Several processes cannot share one port: an unproxied endpoint (the gateway's, on Gateway:Port) gets the
            // orchestrator's proxy in front, which listens on that port and spreads connections over the replicas.
            foreach (var endpoint in project.Annotations.OfType<EndpointAnnotation>().Where(endpoint => !endpoint.IsProxied))
            {
                endpoint.IsProxied = true;
                endpoint.TargetPort = null;
            }

            var replicated = builder.CreateResourceBuilder(project).WithReplicas(count);
            if (!builder.ExecutionContext.IsPublishMode)
            {
                // Here, each response names the replica that served it (X-Served-By), so the spreading can be seen and
                // tested; not in the manifests: in a cluster the pod's name is in every trace and log line already.
                replicated.WithEnvironment("Platform__InstanceHeader", "true");
            }
        }

        return builder;
    }

    private static int CountFor(IConfiguration configuration, string name)
    {
        var value = configuration[$"{Section}:{name}"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return 1;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= 20
            ? count
            : throw new DistributedApplicationException($"{Section}:{name} is '{value}'; it must be a whole number from 1 to 20.");
    }
}
