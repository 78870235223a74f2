using System.Text.Json;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Platform.Identity.Clients;

/// <summary>
/// A program that calls the platform on its own behalf (client credentials): its roles, and for an applicant
/// role the organisation it acts for, go into every token it gets, as a person's would.
/// </summary>
public sealed record MachineClient(string ClientId, string DisplayName, IReadOnlyList<string> Roles, Guid? OrganizationId, Guid? ParticipantId = null)
{
    public const int ClientIdMaxLength = 100;
    public const int DisplayNameMaxLength = 200;

    /// <summary>Marks the OpenIddict applications made through the admin API (the web client is seeded, not made).</summary>
    public const string KindProperty = "platform_kind";
    public const string Kind = "machine";
    public const string RolesProperty = "roles";
    public const string OrganizationIdProperty = "organization_id";
    public const string ParticipantIdProperty = "participant_id";

    public static MachineClient? Create(string? clientId, string? displayName, IReadOnlyList<string?>? roles, Guid? organizationId, ValidationErrors errors, Guid? participantId = null)
    {
        errors.Required(clientId, "clientId", ClientIdMaxLength);
        if (!string.IsNullOrWhiteSpace(clientId) && clientId.Length <= ClientIdMaxLength
            && !clientId.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.'))
        {
            errors.Add("clientId", "Use lower-case letters, digits, '-', '_' and '.' only.");
        }

        errors.MaxLength(displayName, "displayName", DisplayNameMaxLength);

        var valid = true;
        if (roles is null || roles.Count == 0)
        {
            errors.Add("roles", "Give at least one role.");
            valid = false;
        }
        else if (roles.Count > PlatformRoles.All.Count)
        {
            // Each role at most once: a longer list is a client's mistake, and is not read item by item.
            errors.Add("roles", $"At most {PlatformRoles.All.Count} roles.");
            valid = false;
        }
        else
        {
            for (var i = 0; i < roles.Count; i++)
            {
                valid &= Users.Membership.ValidateRole(roles[i], $"roles[{i}]", errors);
            }
        }

        var isApplicant = roles?.Contains(PlatformRoles.Applicant) == true;
        Users.Membership.ValidateApplicant(isApplicant, valid, "this client's roles", organizationId, participantId, "An applicant client", errors);

        if (errors.Any)
        {
            return null;
        }

        var id = clientId!.Trim();
        return new MachineClient(id, string.IsNullOrWhiteSpace(displayName) ? id : displayName.Trim(), roles!.Select(r => r!).Distinct(StringComparer.Ordinal).ToList(), organizationId, participantId);
    }

    /// <summary>A confidential client that may only use the token endpoint with client credentials, for the platform API.</summary>
    public OpenIddictApplicationDescriptor ToDescriptor(string secret)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            DisplayName = DisplayName,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.ClientCredentials,
                Permissions.Prefixes.Scope + PlatformClaims.ApiScope,
            },
        };
        descriptor.Properties[KindProperty] = JsonSerializer.SerializeToElement(Kind);
        descriptor.Properties[RolesProperty] = JsonSerializer.SerializeToElement(Roles);
        if (OrganizationId is { } organizationId)
        {
            descriptor.Properties[OrganizationIdProperty] = JsonSerializer.SerializeToElement(organizationId);
        }

        if (ParticipantId is { } participantId)
        {
            descriptor.Properties[ParticipantIdProperty] = JsonSerializer.SerializeToElement(participantId);
        }

        return descriptor;
    }

    /// <summary>Reads a client back from its OpenIddict properties; <c>null</c> when it is not a machine client.</summary>
    public static MachineClient? From(string clientId, string? displayName, IReadOnlyDictionary<string, JsonElement> properties)
    {
        if (!properties.TryGetValue(KindProperty, out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != Kind)
        {
            return null;
        }

        var roles = properties.TryGetValue(RolesProperty, out var r) && r.ValueKind == JsonValueKind.Array
            ? r.EnumerateArray().Select(e => e.GetString()).OfType<string>().Where(PlatformRoles.IsKnown).ToList()
            : [];
        Guid? organizationId = properties.TryGetValue(OrganizationIdProperty, out var o) && o.ValueKind == JsonValueKind.String && o.TryGetGuid(out var g) ? g : null;
        Guid? participantId = properties.TryGetValue(ParticipantIdProperty, out var p) && p.ValueKind == JsonValueKind.String && p.TryGetGuid(out var pg) ? pg : null;
        return new MachineClient(clientId, displayName ?? clientId, roles, organizationId, participantId);
    }
}
