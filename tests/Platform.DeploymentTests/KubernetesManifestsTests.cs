using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;

namespace Platform.DeploymentTests;

/// <summary>
/// The manifests that <c>./platform.sh deploy-manifests</c> writes from the AppHost model, rendered by
/// <c>kubectl kustomize</c>: what an operator applies must run every process healthily, expose only the gateway,
/// hold no secret, and match the model (names, images, ports, replica counts).
/// </summary>
public sealed partial class KubernetesManifestsTests(RenderedManifests manifests) : IClassFixture<RenderedManifests>
{
    public static TheoryData<string> Overlays => ["dev", "production"];

    private const string Gateway = "gateway";

    [Theory]
    [MemberData(nameof(Overlays))]
    public void There_is_one_deployment_and_one_cluster_internal_service_per_process_of_the_model(string overlay)
    {
        var items = manifests.Overlays[overlay];
        var names = manifests.Projects.Select(p => p.Name).ToList();
        Assert.Equal(7, names.Count);
        Assert.Equal(names, items.OfKind("Deployment").Select(d => d.Name()).Order(StringComparer.Ordinal));
        Assert.Equal(names, items.OfKind("Service").Select(s => s.Name()).Order(StringComparer.Ordinal));
        Assert.All(items.OfKind("Service"), service => Assert.Equal("ClusterIP", (string?)service["spec"]!["type"] ?? "ClusterIP"));
        Assert.Equal(names, items.OfKind("PodDisruptionBudget").Select(s => s.Name()).Order(StringComparer.Ordinal));

        var expectedNamespace = overlay == "dev" ? "platform-dev" : "platform";
        Assert.All(items.Where(i => i.Kind() != "Namespace"), item => Assert.Equal(expectedNamespace, item.Namespace()));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Every_deployment_is_probed_for_readiness_and_liveness_and_has_requests_and_limits(string overlay)
    {
        foreach (var deployment in manifests.Overlays[overlay].OfKind("Deployment"))
        {
            var container = deployment.Container();
            var ports = container["ports"].Objects().Select(p => (string)p["name"]!).ToList();
            foreach (var (probe, path) in new[] { ("readinessProbe", "/health"), ("livenessProbe", "/alive") })
            {
                var get = container[probe]?["httpGet"];
                Assert.True(get is not null, $"{deployment.Name()} has no {probe}");
                Assert.Equal(path, (string)get!["path"]!);
                Assert.Contains((string)get["port"]!, ports);
            }

            foreach (var bound in new[] { "requests", "limits" })
            {
                Assert.False(string.IsNullOrEmpty((string?)container["resources"]?[bound]?["cpu"]), $"{deployment.Name()}: no cpu {bound}");
                Assert.False(string.IsNullOrEmpty((string?)container["resources"]?[bound]?["memory"]), $"{deployment.Name()}: no memory {bound}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Only_the_gateway_is_reachable_from_outside(string overlay)
    {
        var items = manifests.Overlays[overlay];
        var external = manifests.Projects.Where(p => p.Annotations.OfType<EndpointAnnotation>().Any(e => e.IsExternal)).Select(p => p.Name);
        Assert.Equal(new[] { Gateway }, external);

        var ingress = Assert.Single(items.OfKind("Ingress"));
        var backends = ingress["spec"]!["rules"].Objects()
            .SelectMany(rule => rule["http"]!["paths"].Objects())
            .Select(path => path["backend"]!["service"]!)
            .ToList();
        Assert.NotEmpty(backends);
        var gatewayPorts = items.Single("Service", Gateway)["spec"]!["ports"].Objects().Select(p => (string)p["name"]!).ToList();
        Assert.All(backends, backend =>
        {
            Assert.Equal(Gateway, (string)backend["name"]!);
            Assert.Contains((string)backend["port"]!["name"]!, gatewayPorts);
        });
        Assert.DoesNotContain(items, item => item.Kind() is "Route" or "Gateway" or "HTTPRoute");
        Assert.All(items.OfKind("Service"), service => Assert.Null(service["spec"]!["externalIPs"]));

        var host = (string)Assert.Single(ingress["spec"]!["rules"].Objects())["host"]!;
        Assert.Equal(overlay == "production" ? "programme.test.example" : "platform.dev.localhost", host);
        if (overlay == "production")
        {
            Assert.Equal(host, (string)ingress["spec"]!["tls"]![0]!["hosts"]![0]!);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void No_secret_value_is_written_and_every_connection_string_and_password_comes_from_a_secret(string overlay)
    {
        var items = manifests.Overlays[overlay];
        Assert.Empty(items.OfKind("Secret"));

        var everything = items.SelectMany(i => i.Strings()).ToList();
        Assert.DoesNotContain(everything, s => s.Contains(RenderedManifests.AdminPasswordSentinel, StringComparison.Ordinal));
        Assert.DoesNotContain(everything, s => s.Contains(RenderedManifests.DatabasePasswordSentinel, StringComparison.Ordinal));
        foreach (var file in Directory.EnumerateFiles(manifests.Directory, "*", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain(RenderedManifests.AdminPasswordSentinel, text, StringComparison.Ordinal);
            Assert.DoesNotContain(RenderedManifests.DatabasePasswordSentinel, text, StringComparison.Ordinal);
        }

        foreach (var configMap in items.OfKind("ConfigMap"))
        {
            foreach (var (key, value) in configMap.Data())
            {
                Assert.False(SecretLike().IsMatch(key), $"{configMap.Name()} holds {key}");
                Assert.False(SecretValueLike().IsMatch(value), $"{configMap.Name()}: {key} looks like a credential: {value}");
            }
        }

        foreach (var deployment in items.OfKind("Deployment"))
        {
            foreach (var variable in deployment.Container()["env"].Objects())
            {
                var name = (string)variable["name"]!;
                if (SecretLike().IsMatch(name))
                {
                    Assert.True(variable["valueFrom"]?["secretKeyRef"] is not null, $"{deployment.Name()}: {name} is not read from a Secret");
                }
            }
        }

        var identity = items.Single("Deployment", "identity").Container()["env"].Objects();
        var password = identity.Single(v => (string)v["name"]! == "Identity__Admin__Password");
        Assert.Equal("identity-admin-password", (string)password["valueFrom"]!["secretKeyRef"]!["key"]!);
        var database = identity.Single(v => (string)v["name"]! == "ConnectionStrings__identity-db");
        Assert.Equal("identity-db", (string)database["valueFrom"]!["secretKeyRef"]!["key"]!);
    }

    [Fact]
    public async Task Images_are_named_as_the_sdk_container_build_names_them_and_that_build_takes_back_the_local_runtime_profile()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var dev = manifests.Overlays["dev"];
        var production = manifests.Overlays["production"];
        var productionRuntime = Path.Combine(RenderedManifests.RepositoryRoot, "infra", "kubernetes", "production-runtime.targets");
        foreach (var project in manifests.Projects)
        {
            // What `dotnet publish -t:PublishContainer` (as docs/production.md runs it) calls the image and puts in its
            // runtimeconfig.json, asked of the SDK itself.
            var result = System.Text.Json.JsonDocument.Parse(await RenderedManifests.RunAsync(
                "dotnet",
                [
                    "msbuild", project.GetProjectMetadata().ProjectPath, "-nologo", "-t:ComputeContainerConfig",
                    $"-p:CustomAfterMicrosoftCommonTargets={productionRuntime}",
                    "-getProperty:ContainerRepository", "-getItem:RuntimeHostConfigurationOption",
                ],
                RenderedManifests.RepositoryRoot,
                timeout.Token)).RootElement;
            var repository = result.GetProperty("Properties").GetProperty("ContainerRepository").GetString();

            Assert.Equal($"{repository}:latest", (string)dev.Single("Deployment", project.Name).Container()["image"]!);
            Assert.Equal($"registry.test.example/platform/{repository}:2026.12.1", (string)production.Single("Deployment", project.Name).Container()["image"]!);

            var runtime = result.GetProperty("Items").GetProperty("RuntimeHostConfigurationOption").EnumerateArray()
                .ToDictionary(o => o.GetProperty("Identity").GetString()!, o => o.GetProperty("Value").GetString());
            Assert.DoesNotContain("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit", runtime.Keys);
            Assert.DoesNotContain("System.Runtime.TieredPGO", runtime.Keys);
            Assert.Equal("true", runtime["System.GC.Server"]);
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Each_process_listens_where_its_service_and_probes_point_and_every_service_address_in_the_settings_is_right(string overlay)
    {
        var items = manifests.Overlays[overlay];
        var servicePorts = new Dictionary<string, int>();
        foreach (var project in manifests.Projects)
        {
            var deployment = items.Single("Deployment", project.Name);
            var containerPort = Assert.Single(deployment.Container()["ports"].Objects());
            Assert.Equal("http", (string)containerPort["name"]!);
            var settings = items.Single("ConfigMap", $"{project.Name}-settings").Data();
            Assert.Equal((string)containerPort["containerPort"]!, settings["HTTP_PORTS"]);

            var port = Assert.Single(items.Single("Service", project.Name)["spec"]!["ports"].Objects());
            Assert.Equal("http", (string)port["targetPort"]!);
            servicePorts[project.Name] = port["port"].Int();

            // The model's http endpoint, when it fixes a port in the container (the gateway's Gateway:Port), is the one used.
            var endpoint = project.Annotations.OfType<EndpointAnnotation>().Single(e => e.Name == "http");
            if (endpoint.TargetPort is { } target)
            {
                Assert.Equal(target, containerPort["containerPort"].Int());
            }
        }

        // The processes' own settings (service discovery, the token server's metadata); the environment's OTLP
        // endpoint names a collector outside the platform.
        foreach (var configMap in items.OfKind("ConfigMap").Where(c => c.Name().EndsWith("-settings", StringComparison.Ordinal)))
        {
            foreach (var (key, value) in configMap.Data())
            {
                foreach (Match address in ServiceAddress().Matches(value))
                {
                    var host = address.Groups["host"].Value;
                    Assert.True(servicePorts.ContainsKey(host), $"{configMap.Name()}: {key} points at {host}, which is no service");
                    Assert.Equal(servicePorts[host], int.Parse(address.Groups["port"].Value, System.Globalization.CultureInfo.InvariantCulture));
                }
            }
        }

        // The gateway reaches every service by its name (service discovery).
        var gateway = items.Single("ConfigMap", $"{Gateway}-settings").Data();
        Assert.All(manifests.Projects.Where(p => p.Name != Gateway), p =>
            Assert.Equal($"http://{p.Name}:{servicePorts[p.Name]}", gateway[$"services__{p.Name}__http__0"]));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Replica_counts_are_the_replicas_settings_and_the_gateway_and_media_scale_from_them(string overlay)
    {
        var items = manifests.Overlays[overlay];
        Assert.Equal(new[] { "gateway", "media" }, items.OfKind("HorizontalPodAutoscaler").Select(h => h.Name()).Order(StringComparer.Ordinal));
        var expected = new Dictionary<string, int> { ["grants"] = 2, [Gateway] = 3, ["media"] = 2 };
        foreach (var project in manifests.Projects)
        {
            var count = expected.GetValueOrDefault(project.Name, 1);
            Assert.Equal(count, project.GetReplicaCount());
            var deployment = items.Single("Deployment", project.Name);
            if (items.OfKind("HorizontalPodAutoscaler").Any(h => h.Name() == project.Name))
            {
                var autoscaler = items.Single("HorizontalPodAutoscaler", project.Name);
                Assert.Equal(count, autoscaler["spec"]!["minReplicas"].Int());
                Assert.True(autoscaler["spec"]!["maxReplicas"].Int() > count);
                Assert.Equal(project.Name, (string)autoscaler["spec"]!["scaleTargetRef"]!["name"]!);
                Assert.Null(deployment["spec"]!["replicas"]); // the autoscaler owns it; an apply must not reset it
            }
            else
            {
                Assert.Equal(count, deployment["spec"]!["replicas"].Int());
            }
        }
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void The_runtime_tuning_of_the_local_profile_stays_out_of_the_pods(string overlay)
    {
        var items = manifests.Overlays[overlay];
        var variables = items.OfKind("ConfigMap").SelectMany(c => c.Data().Keys)
            .Concat(items.OfKind("Deployment").SelectMany(d => d.Container()["env"].Objects().Select(v => (string)v["name"]!)))
            .ToList();
        Assert.DoesNotContain(variables, v => v.StartsWith("DOTNET_", StringComparison.Ordinal));
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", items.Single("ConfigMap", "platform-environment").Data().Keys);
        Assert.All(items.OfKind("Deployment"), d => Assert.Contains(
            d.Container()["envFrom"].Objects(), source => (string?)source["configMapRef"]?["name"] == "platform-environment"));
    }

    [Theory]
    [MemberData(nameof(Overlays))]
    public void Network_policies_let_only_the_gateway_reach_the_services_and_only_the_services_reach_the_servers(string overlay)
    {
        var policies = manifests.Overlays[overlay].OfKind("NetworkPolicy").ToList();
        var deny = policies.Single(p => p.Name() == "default-deny");
        Assert.Empty(deny["spec"]!["podSelector"]!.AsObject());
        Assert.Null(deny["spec"]!["ingress"]);
        Assert.Null(deny["spec"]!["egress"]);

        foreach (var project in manifests.Projects)
        {
            var policy = policies.Single(p => p["spec"]!["podSelector"].Labels().GetValueOrDefault("app.kubernetes.io/name") == project.Name);
            var sources = policy["spec"]!["ingress"].Objects().SelectMany(rule => rule["from"].Objects()).ToList();
            var sourcePods = sources.Select(s => s["podSelector"].Labels().GetValueOrDefault("app.kubernetes.io/name")).OfType<string>().ToList();
            var sourceNamespaces = sources.Select(s => s["namespaceSelector"].Labels().GetValueOrDefault("kubernetes.io/metadata.name")).OfType<string>().ToList();
            switch (project.Name)
            {
                case Gateway:
                    Assert.Empty(sourcePods);
                    Assert.Equal(new[] { "ingress-nginx" }, sourceNamespaces);
                    break;
                case "identity":
                    // Every token validator fetches the signing keys from the token server itself.
                    Assert.Equal(manifests.Projects.Select(p => p.Name).Where(n => n != "identity").Order(StringComparer.Ordinal), sourcePods.Order(StringComparer.Ordinal));
                    Assert.Empty(sourceNamespaces);
                    break;
                case "capacity":
                    // The token server asks the organisation registry whether an applicant's organisation exists.
                    Assert.Equal(new[] { Gateway, "identity" }.Order(StringComparer.Ordinal), sourcePods.Order(StringComparer.Ordinal));
                    Assert.Empty(sourceNamespaces);
                    break;
                default:
                    Assert.Equal(new[] { Gateway }, sourcePods);
                    Assert.Empty(sourceNamespaces);
                    break;
            }

            var serverPorts = policy["spec"]!["egress"].Objects()
                .Where(rule => rule["to"].Objects().Any(to => to["ipBlock"] is not null))
                .SelectMany(rule => rule["ports"].Objects().Select(p => p["port"].Int()))
                .ToHashSet();
            Assert.DoesNotContain(policy["spec"]!["egress"].Objects(), rule => rule["to"] is null && rule["ports"] is null);
            switch (project.Name)
            {
                case Gateway:
                    Assert.Equal(new[] { 6379 }, serverPorts.Order()); // the shared rate limit's Redis, no database, no broker
                    break;
                case "identity":
                    Assert.Equal(new[] { 5432 }, serverPorts.Order()); // the token server neither publishes nor consumes: its database only
                    break;
                default:
                    Assert.Superset(new HashSet<int> { 5432, 5672, 6379 }, serverPorts);
                    break;
            }
        }
    }

    [Theory]
    [InlineData("--Replicas:grant=2", "Replicas:grant names no service")]
    [InlineData("--Replicas:grants=two", "Replicas:grants is 'two'")]
    [InlineData("--Replicas:grants=0", "Replicas:grants is '0'")]
    public async Task A_replica_count_for_no_service_or_not_a_count_stops_the_apphost_with_its_name(string setting, string message)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var directory = Path.Combine(Path.GetTempPath(), $"platform-manifests-{Guid.NewGuid():N}");
        var (exitCode, output, error) = await RenderedManifests.TryRunAsync(
            "dotnet",
            [RenderedManifests.AppHostDll, "--operation", "publish", "--Infra:Mode=container", $"--Deploy:ManifestsDir={directory}", setting],
            Path.Combine(RenderedManifests.RepositoryRoot, "AppHost"),
            timeout.Token);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, output + error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory), "manifests were written for a wrong setting");
    }

    [GeneratedRegex("(?i)(password|secret|connectionstrings)")]
    private static partial Regex SecretLike();

    [GeneratedRegex("(?i)(password=|pwd=|amqps?://[^/@]*:[^/@]*@|redis://[^/@]*:[^/@]*@|postgres(ql)?://[^/@]*:[^/@]*@|sentinel-)")]
    private static partial Regex SecretValueLike();

    [GeneratedRegex(@"https?://(?<host>[a-z0-9-]+):(?<port>\d+)")]
    private static partial Regex ServiceAddress();
}
