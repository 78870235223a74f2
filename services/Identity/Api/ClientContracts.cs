using System.Text.Json.Serialization;
using Platform.Identity.Clients;

namespace Platform.Identity.Api;

/// <summary>A program that gets tokens with client credentials; the server generates its secret.</summary>
public sealed record CreateClientRequest(string? ClientId, List<string?>? Roles, string? DisplayName = null, Guid? OrganizationId = null, Guid? ParticipantId = null);

public sealed record ClientQuery(string? Role, int? Page, int? PageSize);

public sealed record ClientResponse(
    string ClientId,
    string DisplayName,
    IReadOnlyList<string> Roles,
    Guid? OrganizationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientSecret = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Guid? ParticipantId = null)
{
    public static ClientResponse From(MachineClient client, string? secret = null) =>
        new(client.ClientId, client.DisplayName, client.Roles, client.OrganizationId, secret, client.ParticipantId);
}
