using System.Net.Mail;
using Platform.Contracts.Capacity;
using Platform.Contracts.ReferenceData;

namespace Platform.Capacity.Organizations;

/// <summary>What the registry holds about an organisation, checked against the programme's rules.</summary>
public sealed record OrganizationDetails(
    LocalizedText Name,
    OrganizationType Type,
    string Municipality,
    IReadOnlyList<string> Languages,
    string? Email,
    string? Phone,
    string? Website,
    string? RegistrationNumber,
    LocalizedText? Description)
{
    public const int MaxNameLength = 200;
    public const int MaxDescriptionLength = 2000;

    public bool Equals(OrganizationDetails? other) =>
        other is not null && Name.Equals(other.Name) && Type == other.Type && Municipality == other.Municipality
        && Languages.SequenceEqual(other.Languages) && Email == other.Email && Phone == other.Phone && Website == other.Website
        && RegistrationNumber == other.RegistrationNumber && Equals(Description, other.Description);

    public override int GetHashCode() => HashCode.Combine(Name, Type, Municipality, RegistrationNumber);

    /// <summary>Checks what a client sent; every problem is named by its JSON field. Returns the details only when all is well.</summary>
    public static OrganizationDetails? Create(
        IReadOnlyDictionary<string, string?>? name,
        OrganizationType? type,
        string? municipality,
        IReadOnlyList<string?>? languages,
        string? email,
        string? phone,
        string? website,
        string? registrationNumber,
        IReadOnlyDictionary<string, string?>? description,
        ValidationErrors errors)
    {
        LocalizedText.Validate(name, "name", MaxNameLength, errors);
        if (type is null || !Enum.IsDefined(type.Value))
        {
            errors.Add("type", $"Use one of {string.Join(", ", Enum.GetNames<OrganizationType>())}.");
        }

        if (string.IsNullOrWhiteSpace(municipality))
        {
            errors.Add("municipality", "Required: one of the programme's municipality codes.");
        }
        else if (!Contracts.ReferenceData.Municipality.IsKnown(municipality))
        {
            errors.Add("municipality", $"'{Truncate(municipality)}' is not a programme municipality; use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}.");
        }

        ValidateLanguages(languages, errors);
        ValidateEmail(email, errors);
        ValidatePhone(phone, errors);
        ValidateWebsite(website, errors);
        ValidateRegistrationNumber(registrationNumber, errors);
        if (description is not null)
        {
            LocalizedText.Validate(description, "description", MaxDescriptionLength, errors);
        }

        if (errors.Any)
        {
            return null;
        }

        return new OrganizationDetails(
            LocalizedText.From(name!),
            type!.Value,
            municipality!,
            (languages ?? []).Select(l => l!).Distinct().Order(StringComparer.Ordinal).ToList(),
            Blank(email),
            Blank(phone),
            Blank(website),
            Blank(registrationNumber),
            description is null ? null : LocalizedText.From(description));
    }

    private static void ValidateLanguages(IReadOnlyList<string?>? languages, ValidationErrors errors)
    {
        if (languages is null)
        {
            return;
        }

        if (languages.Count > Language.All.Count)
        {
            errors.Add("languages", $"At most {Language.All.Count} languages.");
            return;
        }

        for (var i = 0; i < languages.Count; i++)
        {
            if (!Language.IsKnown(languages[i]))
            {
                errors.Add($"languages[{i}]", $"Use one of {string.Join(", ", Language.All)}.");
            }
        }
    }

    private static void ValidateEmail(string? email, ValidationErrors errors)
    {
        if (Blank(email) is not { } value)
        {
            return;
        }

        if (value.Length > 254 || !MailAddress.TryCreate(value, out var address) || address.Address != value)
        {
            errors.Add("email", "Not a valid e-mail address.");
        }
    }

    private static void ValidatePhone(string? phone, ValidationErrors errors)
    {
        if (Blank(phone) is { } value && (value.Length > 30 || !value.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
        {
            errors.Add("phone", "Digits, spaces, +, - and brackets only; at most 30 characters.");
        }
    }

    private static void ValidateWebsite(string? website, ValidationErrors errors)
    {
        if (Blank(website) is { } value
            && (value.Length > 300 || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors.Add("website", "An absolute http or https address of at most 300 characters.");
        }
    }

    private static void ValidateRegistrationNumber(string? registrationNumber, ValidationErrors errors)
    {
        // A Georgian legal entity's identification code has nine digits.
        if (Blank(registrationNumber) is { } value && (value.Length != 9 || !value.All(char.IsAsciiDigit)))
        {
            errors.Add("registrationNumber", "The identification code has nine digits.");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Truncate(string value) => value.Length > 40 ? value[..40] + "…" : value;
}
