namespace Platform.AppHost.Deployment;

/// <summary>One project resource of the AppHost as it runs in a cluster: what the manifests are written from.</summary>
/// <param name="Name">The resource name: the Deployment's, the Service's and the in-cluster host name.</param>
/// <param name="Image">The image as <c>dotnet publish -t:PublishContainer</c> names it (repository:tag, no registry).</param>
/// <param name="Port">The one HTTP port it listens on in its container.</param>
/// <param name="Public">Whether its endpoint is external in the model (the gateway): only those get the Ingress.</param>
/// <param name="Settings">Plain environment values: its ConfigMap.</param>
/// <param name="SecretValues">Environment variables read from a Secret key (connection strings, secret parameters).</param>
/// <param name="Composed">Environment values built in the pod from other variables (<c>$(NAME)</c>), such as the public origin.</param>
/// <param name="Calls">The services whose endpoints it references: the only pods it may reach, and that may be reached by it.</param>
/// <param name="Backends">The servers provisioned outside the cluster that it connects to.</param>
internal sealed record DeployedService(
    string Name,
    string Image,
    int Port,
    int Replicas,
    bool Public,
    IReadOnlyDictionary<string, string> Settings,
    IReadOnlyDictionary<string, SecretKey> SecretValues,
    IReadOnlyDictionary<string, string> Composed,
    IReadOnlySet<string> Calls,
    IReadOnlySet<Backend> Backends);

/// <summary>A key of a Secret the operator creates; the manifests name it, never hold its value.</summary>
internal sealed record SecretKey(string Secret, string Key);

/// <summary>The servers the platform needs, provisioned outside the cluster, with their usual ports.</summary>
internal enum Backend
{
    PostgreSql,
    RabbitMq,
    Redis,
}
