namespace Platform.AppHost.Deployment;

/// <summary>
/// The Kubernetes objects of one <see cref="DeployedService"/>, as plain maps in the order a reader expects
/// (apiVersion, kind, metadata, spec). Only the platform's conventions are written here: every process answers
/// <c>/health</c> (ready: database, broker, cache) and <c>/alive</c> (ServiceDefaults), runs as a non-root user,
/// and reads plain settings from its ConfigMap and the rest from Secrets the operator creates.
/// </summary>
internal static class KubernetesObjects
{
    public const string NameLabel = "app.kubernetes.io/name";
    public const string PartOfLabel = "app.kubernetes.io/part-of";
    public const string EnvironmentConfigMap = "platform-environment";

    /// <summary>
    /// Scaled on CPU: the gateway (every request passes it) and Media, which serves the public catalogue to
    /// anonymous readers; the other services serve the programme's staff, whose numbers do not jump.
    /// </summary>
    public static readonly IReadOnlySet<string> Autoscaled = new HashSet<string>(StringComparer.Ordinal) { "gateway", "media" };

    private static readonly Dictionary<Backend, int[]> BackendPorts = new()
    {
        [Backend.PostgreSql] = [5432],
        [Backend.RabbitMq] = [5672, 5671],
        [Backend.Redis] = [6379],
    };

    public static Map Labels(string name) => new() { [NameLabel] = name, [PartOfLabel] = "platform" };

    private static Map Metadata(string name, string? of = null) => new() { ["name"] = name, ["labels"] = Labels(of ?? name) };

    public static string SettingsName(DeployedService service) => $"{service.Name}-settings";

    public static Map ConfigMap(DeployedService service) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = Metadata(SettingsName(service), service.Name),
        ["data"] = new Map(service.Settings.ToDictionary(s => s.Key, s => (object?)s.Value)),
    };

    public static Map Deployment(DeployedService service)
    {
        var env = new List<object>
        {
            new Map { ["name"] = "OTEL_SERVICE_NAME", ["value"] = service.Name },
        };
        if (service.Composed.Count > 0)
        {
            // Defined before the values that use it, as $(NAME) needs.
            env.Add(new Map
            {
                ["name"] = ModelReader.PublicOriginVariable,
                ["valueFrom"] = new Map { ["configMapKeyRef"] = new Map { ["name"] = EnvironmentConfigMap, ["key"] = ModelReader.PublicOriginVariable } },
            });
        }

        env.AddRange(service.SecretValues.Select(secret => new Map
        {
            ["name"] = secret.Key,
            ["valueFrom"] = new Map { ["secretKeyRef"] = new Map { ["name"] = secret.Value.Secret, ["key"] = secret.Value.Key } },
        }));
        env.AddRange(service.Composed.Select(value => new Map { ["name"] = value.Key, ["value"] = value.Value }));

        var gateway = service.Public;
        var container = new Map
        {
            ["name"] = service.Name,
            ["image"] = service.Image,
            ["ports"] = new List<object> { new Map { ["name"] = "http", ["containerPort"] = service.Port, ["protocol"] = "TCP" } },
            ["envFrom"] = new List<object>
            {
                new Map { ["configMapRef"] = new Map { ["name"] = EnvironmentConfigMap } },
                new Map { ["configMapRef"] = new Map { ["name"] = SettingsName(service) } },
            },
            ["env"] = env,
            ["resources"] = new Map
            {
                ["requests"] = new Map { ["cpu"] = gateway ? "200m" : "100m", ["memory"] = "192Mi" },
                ["limits"] = new Map { ["cpu"] = gateway ? "2" : "1", ["memory"] = "512Mi" },
            },
            // Migrations run at start, so a first start may take a while: the startup probe holds the others back.
            ["startupProbe"] = Probe("/alive", periodSeconds: 5, failureThreshold: 60),
            ["readinessProbe"] = Probe("/health", periodSeconds: 10, failureThreshold: 3),
            ["livenessProbe"] = Probe("/alive", periodSeconds: 10, failureThreshold: 3),
            ["securityContext"] = new Map
            {
                ["runAsNonRoot"] = true,
                ["allowPrivilegeEscalation"] = false,
                ["capabilities"] = new Map { ["drop"] = new List<object> { "ALL" } },
            },
        };

        var spec = new Map();
        if (!Autoscaled.Contains(service.Name))
        {
            spec["replicas"] = service.Replicas; // otherwise the autoscaler owns the count, from the same minimum
        }

        spec["selector"] = new Map { ["matchLabels"] = new Map { [NameLabel] = service.Name } };
        spec["strategy"] = new Map { ["type"] = "RollingUpdate", ["rollingUpdate"] = new Map { ["maxUnavailable"] = 0, ["maxSurge"] = 1 } };
        spec["template"] = new Map
        {
            ["metadata"] = new Map { ["labels"] = Labels(service.Name) },
            ["spec"] = new Map
            {
                ["automountServiceAccountToken"] = false,
                ["containers"] = new List<object> { container },
            },
        };

        return new Map { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["metadata"] = Metadata(service.Name), ["spec"] = spec };
    }

    private static Map Probe(string path, int periodSeconds, int failureThreshold) => new()
    {
        ["httpGet"] = new Map { ["path"] = path, ["port"] = "http" },
        ["periodSeconds"] = periodSeconds,
        ["timeoutSeconds"] = 3,
        ["failureThreshold"] = failureThreshold,
    };

    public static Map Service(DeployedService service) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Service",
        ["metadata"] = Metadata(service.Name),
        ["spec"] = new Map
        {
            ["type"] = "ClusterIP",
            ["selector"] = new Map { [NameLabel] = service.Name },
            ["ports"] = new List<object> { new Map { ["name"] = "http", ["port"] = service.Port, ["targetPort"] = "http", ["protocol"] = "TCP" } },
        },
    };

    // At most one pod away during a node drain; with one replica a drain may still take it (better than a stuck drain).
    public static Map PodDisruptionBudget(DeployedService service) => new()
    {
        ["apiVersion"] = "policy/v1",
        ["kind"] = "PodDisruptionBudget",
        ["metadata"] = Metadata(service.Name),
        ["spec"] = new Map
        {
            ["maxUnavailable"] = 1,
            ["selector"] = new Map { ["matchLabels"] = new Map { [NameLabel] = service.Name } },
        },
    };

    public static Map HorizontalPodAutoscaler(DeployedService service, int maxReplicas) => new()
    {
        ["apiVersion"] = "autoscaling/v2",
        ["kind"] = "HorizontalPodAutoscaler",
        ["metadata"] = Metadata(service.Name),
        ["spec"] = new Map
        {
            ["scaleTargetRef"] = new Map { ["apiVersion"] = "apps/v1", ["kind"] = "Deployment", ["name"] = service.Name },
            ["minReplicas"] = service.Replicas,
            ["maxReplicas"] = Math.Max(maxReplicas, 2 * service.Replicas), // room to scale above any minimum
            ["metrics"] = new List<object>
            {
                new Map
                {
                    ["type"] = "Resource",
                    ["resource"] = new Map { ["name"] = "cpu", ["target"] = new Map { ["type"] = "Utilization", ["averageUtilization"] = 70 } },
                },
            },
        },
    };

    public static Map Ingress(IReadOnlyList<DeployedService> services, OverlaySettings overlay, string ingressClass)
    {
        var spec = new Map { ["ingressClassName"] = ingressClass };
        if (overlay.Tls)
        {
            spec["tls"] = new List<object> { new Map { ["hosts"] = new List<object> { overlay.Host }, ["secretName"] = "platform-tls" } };
        }

        spec["rules"] = new List<object>
        {
            new Map
            {
                ["host"] = overlay.Host,
                ["http"] = new Map
                {
                    ["paths"] = services.Where(s => s.Public).Select(s => (object)new Map
                    {
                        ["path"] = "/",
                        ["pathType"] = "Prefix",
                        ["backend"] = new Map { ["service"] = new Map { ["name"] = s.Name, ["port"] = new Map { ["name"] = "http" } } },
                    }).ToList(),
                },
            },
        };
        return new Map { ["apiVersion"] = "networking.k8s.io/v1", ["kind"] = "Ingress", ["metadata"] = Metadata("platform"), ["spec"] = spec };
    }

    public static Map EnvironmentConfig(OverlaySettings overlay) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = Metadata(EnvironmentConfigMap),
        ["data"] = new Map
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = overlay.OtlpEndpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = overlay.OtlpEndpoint.EndsWith(":4318", StringComparison.Ordinal) ? "http/protobuf" : "grpc",
            [ModelReader.PublicOriginVariable] = overlay.PublicOrigin,
        },
    };

    public static Map Namespace(OverlaySettings overlay) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Namespace",
        ["metadata"] = new Map { ["name"] = overlay.Namespace, ["labels"] = new Map { [PartOfLabel] = "platform" } },
    };

    /// <summary>
    /// Nothing reaches a pod and a pod reaches nothing unless allowed: the Ingress controller reaches the public
    /// services, a service is reached by the processes that reference its endpoint in the model (the gateway; every
    /// token validator for the token server), and only the processes that hold a connection string reach the
    /// servers outside (on their ports, in <c>Deploy:BackendCidr</c>). DNS and the telemetry collector are open to all.
    /// </summary>
    public static IEnumerable<Map> NetworkPolicies(IReadOnlyList<DeployedService> services, ManifestSettings settings)
    {
        yield return new Map
        {
            ["apiVersion"] = "networking.k8s.io/v1",
            ["kind"] = "NetworkPolicy",
            ["metadata"] = Metadata("default-deny"),
            ["spec"] = new Map { ["podSelector"] = new Map(), ["policyTypes"] = new List<object> { "Ingress", "Egress" } },
        };

        foreach (var service in services)
        {
            var from = new List<object>();
            if (service.Public)
            {
                from.Add(new Map
                {
                    ["namespaceSelector"] = new Map { ["matchLabels"] = new Map { ["kubernetes.io/metadata.name"] = settings.IngressNamespace } },
                });
            }

            from.AddRange(services.Where(caller => caller.Calls.Contains(service.Name)).Select(caller => PodsNamed(caller.Name)));

            var egress = new List<object>
            {
                new Map
                {
                    ["to"] = new List<object> { new Map { ["namespaceSelector"] = new Map(), ["podSelector"] = new Map { ["matchLabels"] = new Map { ["k8s-app"] = "kube-dns" } } } },
                    ["ports"] = new List<object> { Port(53, "UDP"), Port(53, "TCP") },
                },
                new Map { ["ports"] = new List<object> { Port(4317, "TCP"), Port(4318, "TCP") } },
            };
            foreach (var callee in services.Where(callee => service.Calls.Contains(callee.Name)))
            {
                egress.Add(new Map { ["to"] = new List<object> { PodsNamed(callee.Name) }, ["ports"] = new List<object> { Port(callee.Port, "TCP") } });
            }

            if (service.Backends.Count > 0)
            {
                egress.Add(new Map
                {
                    ["to"] = new List<object> { new Map { ["ipBlock"] = new Map { ["cidr"] = settings.BackendCidr } } },
                    ["ports"] = service.Backends.Order().SelectMany(b => BackendPorts[b]).Select(p => (object)Port(p, "TCP")).ToList(),
                });
            }

            var spec = new Map
            {
                ["podSelector"] = new Map { ["matchLabels"] = new Map { [NameLabel] = service.Name } },
                ["policyTypes"] = new List<object> { "Ingress", "Egress" },
                ["ingress"] = from.Count == 0
                    ? new List<object>()
                    : new List<object> { new Map { ["from"] = from, ["ports"] = new List<object> { Port(service.Port, "TCP") } } },
                ["egress"] = egress,
            };
            yield return new Map { ["apiVersion"] = "networking.k8s.io/v1", ["kind"] = "NetworkPolicy", ["metadata"] = Metadata(service.Name), ["spec"] = spec };
        }
    }

    private static Map PodsNamed(string name) => new() { ["podSelector"] = new Map { ["matchLabels"] = new Map { [NameLabel] = name } } };

    private static Map Port(int port, string protocol) => new() { ["protocol"] = protocol, ["port"] = port };

}

/// <summary>A YAML mapping whose keys keep the order they were added in.</summary>
internal sealed class Map : Dictionary<string, object?>
{
    public Map()
        : base(StringComparer.Ordinal)
    {
    }

    public Map(IDictionary<string, object?> entries)
        : base(entries, StringComparer.Ordinal)
    {
    }
}
