using System.Globalization;
using System.Text;
using Aspire.Hosting.Postgres;

namespace Platform.AppHost.Deployment;

/// <summary>
/// Reads the AppHost's project resources as the cluster runs them: it evaluates their environment callbacks in
/// publish mode (where references are expressions, not addresses of processes on this machine) and turns every
/// value into a plain setting, a Secret key or a value composed in the pod. It never resolves a secret.
/// </summary>
internal sealed class ModelReader(DistributedApplicationExecutionContext publishContext)
{
    /// <summary>Kubernetes images of ASP.NET Core listen on 8080 unless told otherwise (ASPNETCORE_HTTP_PORTS).</summary>
    public const int DefaultContainerPort = 8080;

    public const string ConnectionStringsSecret = "platform-connection-strings";
    public const string ParametersSecret = "platform-parameters";

    /// <summary>The public origin (https://host) of the Ingress, set per overlay in the platform-environment ConfigMap.</summary>
    public const string PublicOriginVariable = "PLATFORM_PUBLIC_ORIGIN";

    // The model's telemetry settings point at the local dashboard; in a cluster they come from platform-environment.
    private static readonly string[] ReplacedByEnvironment = ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_HEADERS"];

    public async Task<IReadOnlyList<DeployedService>> ReadAsync(DistributedApplicationModel model, CancellationToken cancellationToken)
    {
        var services = new List<DeployedService>();
        foreach (var project in model.Resources.OfType<ProjectResource>().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            services.Add(await ReadAsync(project, cancellationToken));
        }

        return services;
    }

    private async Task<DeployedService> ReadAsync(ProjectResource project, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, object>();
        var context = new EnvironmentCallbackContext(publishContext, project, environment, cancellationToken);
        foreach (var callback in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await callback.Callback(context);
        }

        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var secrets = new SortedDictionary<string, SecretKey>(StringComparer.Ordinal);
        var composed = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var references = new References(project.Name);
        var connectionProperties = ConnectionPropertyPrefixes(environment.Values);
        foreach (var (name, value) in environment)
        {
            if (IsLocalProfile(name)
                || ReplacedByEnvironment.Contains(name, StringComparer.Ordinal)
                || connectionProperties.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal)))
            {
                continue;
            }

            switch (await RenderAsync(value, references, name, cancellationToken))
            {
                case Rendered.Secret secret:
                    secrets[name] = secret.Key;
                    break;
                case Rendered.Text { Composed: true } text:
                    composed[name] = text.Value;
                    break;
                case Rendered.Text text:
                    settings[name] = text.Value;
                    break;
                case Rendered.Omitted:
                    break;
            }
        }

        var http = HttpEndpoint(project);
        return new DeployedService(
            project.Name,
            ImageName(project),
            ContainerPort(http),
            project.GetReplicaCount(),
            http.IsExternal,
            settings,
            secrets,
            composed,
            references.Calls,
            references.Backends);
    }

    /// <summary>
    /// The runtime knobs tuned for a dozen processes on two cores (first GC generation size, tier-up delay:
    /// PlatformResources.WithPlatformRuntime) belong to the local profile: production pods get the runtime's defaults.
    /// </summary>
    public static bool IsLocalProfile(string variable) =>
        variable.StartsWith("DOTNET_", StringComparison.Ordinal) && variable != "DOTNET_ENVIRONMENT";

    /// <summary>
    /// Beside <c>ConnectionStrings__{name}</c>, a reference hands a process the connection's parts
    /// (<c>IDENTITY_DB_HOST</c>, <c>..._PASSWORD</c>, <c>..._URI</c>) for clients that cannot read a connection string.
    /// The platform's services read the connection string only, and the parts would name the servers' own secrets.
    /// </summary>
    private static IReadOnlyList<string> ConnectionPropertyPrefixes(IEnumerable<object> values) =>
        values.OfType<ConnectionStringReference>()
            .Select(reference => reference.Resource.Name.ToUpperInvariant().Replace('-', '_') + "_")
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static EndpointAnnotation HttpEndpoint(ProjectResource project) =>
        project.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.UriScheme == "http")
        ?? throw new DistributedApplicationException($"'{project.Name}' has no http endpoint, or more than one; the manifests give each process one.");

    private static int ContainerPort(EndpointAnnotation endpoint) => endpoint.TargetPort ?? DefaultContainerPort;

    /// <summary>
    /// The repository name the SDK's container build gives a project: its assembly name (the project file's name),
    /// lower case, every character a repository name cannot hold replaced by '-' (Platform.Media -> platform-media);
    /// the tag is <c>latest</c> unless <c>ContainerImageTag</c> is set. The overlays add the registry and the tag.
    /// </summary>
    public static string ImageName(ProjectResource project)
    {
        var assembly = Path.GetFileNameWithoutExtension(project.GetProjectMetadata().ProjectPath);
        var repository = new StringBuilder(assembly.Length);
        foreach (var c in assembly.ToLowerInvariant())
        {
            repository.Append(c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-' or '/' ? c : '-');
        }

        return $"{repository}:latest";
    }

    private async Task<Rendered> RenderAsync(object? value, References references, string variable, CancellationToken cancellationToken)
    {
        switch (value)
        {
            case null:
                return new Rendered.Text("", false);
            case string text:
                return new Rendered.Text(text, false);
            case IFormattable formattable:
                return new Rendered.Text(formattable.ToString(null, CultureInfo.InvariantCulture), false);
            case ConnectionStringReference reference:
                return ConnectionString(reference.Resource, references);
            case IResourceWithConnectionString resource:
                return ConnectionString(resource, references);
            case ParameterResource { Secret: true } parameter:
                return new Rendered.Secret(new SecretKey(ParametersSecret, parameter.Name));
            case ParameterResource parameter:
                return new Rendered.Text(await parameter.GetValueAsync(cancellationToken) ?? "", false);
            case EndpointReference endpoint:
                return Endpoint(endpoint, EndpointProperty.Url, references);
            case EndpointReferenceExpression expression:
                return Endpoint(expression.Endpoint, expression.Property, references);
            case ReferenceExpression { IsConditional: false } expression:
                var parts = new List<object>();
                var composed = false;
                foreach (var provider in expression.ValueProviders)
                {
                    switch (await RenderAsync(provider, references, variable, cancellationToken))
                    {
                        case Rendered.Text text:
                            parts.Add(text.Value);
                            composed |= text.Composed;
                            break;
                        case Rendered.Secret secret when expression.Format == "{0}":
                            return secret;
                        case Rendered.Omitted omitted:
                            return omitted;
                        default:
                            throw new DistributedApplicationException(
                                $"{variable}: a value composed of a secret and other text is not supported in the manifests; pass the secret on its own.");
                    }
                }

                return new Rendered.Text(string.Format(CultureInfo.InvariantCulture, expression.Format, [.. parts]), composed);
            default:
                throw new DistributedApplicationException(
                    $"{variable}: the manifests cannot express a value of type {value.GetType().Name}.");
        }
    }

    // A reference to another project is an in-cluster address (its Service); an external endpoint (the gateway's)
    // is the public origin of the Ingress, which only the overlay knows.
    private static Rendered Endpoint(EndpointReference reference, EndpointProperty property, References references)
    {
        var endpoint = reference.EndpointAnnotation;
        if (reference.Resource is not ProjectResource target)
        {
            throw new DistributedApplicationException(
                $"Only project endpoints can be referenced in the manifests; '{reference.Resource.Name}' is a {reference.Resource.GetType().Name}.");
        }

        // A pod listens on plain http only; TLS ends at the Ingress. References to other endpoints are left out.
        if (endpoint != HttpEndpoint(target))
        {
            return new Rendered.Omitted();
        }

        var port = ContainerPort(endpoint).ToString(CultureInfo.InvariantCulture);
        if (endpoint.IsExternal && property is EndpointProperty.Url)
        {
            return new Rendered.Text($"$({PublicOriginVariable})", true);
        }

        if (target.Name != references.Self)
        {
            references.Calls.Add(target.Name); // its own port (HTTP_PORTS) is no call
        }

        return new Rendered.Text(property switch
        {
            EndpointProperty.Url => $"{endpoint.UriScheme}://{target.Name}:{port}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => target.Name,
            EndpointProperty.Port or EndpointProperty.TargetPort => port,
            EndpointProperty.HostAndPort => $"{target.Name}:{port}",
            EndpointProperty.Scheme => endpoint.UriScheme,
            EndpointProperty.TlsEnabled => bool.FalseString,
            _ => throw new DistributedApplicationException($"Endpoint property {property} of '{target.Name}' is not supported in the manifests."),
        }, false);
    }

    private static Rendered ConnectionString(IResourceWithConnectionString resource, References references)
    {
        references.Backends.Add(BackendOf(resource));
        return new Rendered.Secret(new SecretKey(ConnectionStringsSecret, resource.Name));
    }

    // Whichever infrastructure mode built the model, the connection names are the platform's own (PlatformInfrastructure).
    private static Backend BackendOf(IResourceWithConnectionString resource) => resource switch
    {
        PostgresDatabaseResource => Backend.PostgreSql,
        _ when resource.Name.EndsWith("-db", StringComparison.Ordinal) => Backend.PostgreSql,
        _ when resource.Name == Infrastructure.PlatformInfrastructureExtensions.MessagingName => Backend.RabbitMq,
        _ when resource.Name == Infrastructure.PlatformInfrastructureExtensions.CacheName => Backend.Redis,
        _ => throw new DistributedApplicationException($"The connection '{resource.Name}' is not one of the platform's servers (*-db, messaging, cache)."),
    };

    private sealed class References(string self)
    {
        public string Self { get; } = self;

        public HashSet<string> Calls { get; } = new(StringComparer.Ordinal);
        public HashSet<Backend> Backends { get; } = [];
    }

    private abstract record Rendered
    {
        public sealed record Text(string Value, bool Composed) : Rendered;

        public sealed record Secret(SecretKey Key) : Rendered;

        public sealed record Omitted : Rendered;
    }
}
