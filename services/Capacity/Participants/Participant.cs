using System.Net.Mail;
using Platform.Contracts.ReferenceData;

namespace Platform.Capacity.Participants;

/// <summary>The sectors participants come from, as <c>TrainingDelivered</c> counts them.</summary>
public static class Sectors
{
    public const string Cso = "cso";
    public const string Lsg = "lsg";
    public const string Media = "media";
    public const string Other = "other";

    public static readonly IReadOnlyList<string> All = [Cso, Lsg, Media, Other];
}

/// <summary>
/// A person who takes part in capacity development: trainees, mentees, members of study tours, facilitators and
/// participants of assessments. Their personal data stays in Capacity, seen only by the capacity team and the
/// programme admin, and is stored only with their consent. Erasure removes it; the anonymous facts copied into
/// activities when they registered (gender, age group, sector, municipality) keep every count as it was.
/// </summary>
public sealed class Participant
{
    public const int MaxNameLength = 200;
    public const int MaxPositionLength = 200;
    public const int MaxConsentLength = 200;

    private Participant() { }

    public Guid Id { get; private set; }

    public string? FullName { get; private set; }

    public string? Gender { get; private set; }

    public string? AgeGroup { get; private set; }

    public string Sector { get; private set; } = "";

    /// <summary>The registry organisation they work for, if any.</summary>
    public Guid? OrganizationId { get; private set; }

    /// <summary>A programme municipality, or null for anywhere else.</summary>
    public string? Municipality { get; private set; }

    public string? Position { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    public string? ConsentPurpose { get; private set; }

    public string? ConsentNoticeVersion { get; private set; }

    public DateTimeOffset? ConsentGivenAt { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    /// <summary>Checks and records a person; <paramref name="organizationKnown"/> says whether the organisation id is in the registry.</summary>
    public static Participant Register(
        string? fullName, string? gender, string? ageGroup, string? sector, Guid? organizationId, bool organizationKnown, string? municipality,
        string? position, string? email, string? phone, bool? consentGiven, string? consentPurpose, string? consentNoticeVersion, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        // Consent first: without it nothing about the person is stored.
        if (consentGiven != true)
        {
            errors.Add("consent.given", "The person must have given consent before any of their data is stored.");
        }

        errors.Required(consentPurpose, "consent.purpose", MaxConsentLength);
        errors.Required(consentNoticeVersion, "consent.noticeVersion", MaxConsentLength);
        errors.Required(fullName, "fullName", MaxNameLength);
        if (!Contracts.ReferenceData.Gender.IsKnown(gender))
        {
            errors.Add("gender", $"Use one of {string.Join(", ", Contracts.ReferenceData.Gender.All)}.");
        }

        if (ageGroup is null || !Age.Groups.Contains(ageGroup, StringComparer.Ordinal))
        {
            errors.Add("ageGroup", $"Use one of {string.Join(", ", Age.Groups)}.");
        }

        if (sector is null || !Sectors.All.Contains(sector, StringComparer.Ordinal))
        {
            errors.Add("sector", $"Use one of {string.Join(", ", Sectors.All)}.");
        }

        if (organizationId is not null && !organizationKnown)
        {
            errors.Add("organizationId", "Not an organisation of the registry.");
        }

        if (municipality is not null && !Contracts.ReferenceData.Municipality.IsKnown(municipality))
        {
            errors.Add("municipality", $"Use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}, or leave it out for elsewhere.");
        }

        errors.MaxLength(position, "position", MaxPositionLength);
        if (Blank(email) is { } address && (address.Length > 254 || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address))
        {
            errors.Add("email", "Not a valid e-mail address.");
        }

        if (Blank(phone) is { } number && (number.Length > 30 || !number.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
        {
            errors.Add("phone", "Digits, spaces, +, - and brackets only; at most 30 characters.");
        }

        errors.ThrowIfAny();
        return new Participant
        {
            Id = Guid.CreateVersion7(now),
            FullName = fullName!.Trim(),
            Gender = gender,
            AgeGroup = ageGroup,
            Sector = sector!,
            OrganizationId = organizationId,
            Municipality = municipality,
            Position = Blank(position),
            Email = Blank(email),
            Phone = Blank(phone),
            ConsentPurpose = consentPurpose!.Trim(),
            ConsentNoticeVersion = consentNoticeVersion!.Trim(),
            ConsentGivenAt = now,
            RegisteredAt = now,
        };
    }

    /// <summary>Removes every piece of personal data; sector, organisation and municipality (not identifying on their own) stay.</summary>
    public void Erase(DateTimeOffset now)
    {
        if (IsErased)
        {
            throw new RuleViolationException("already-erased", "This person's data was already erased.");
        }

        FullName = null;
        Gender = null;
        AgeGroup = null;
        Position = null;
        Email = null;
        Phone = null;
        ConsentPurpose = null;
        ConsentNoticeVersion = null;
        ConsentGivenAt = null;
        ErasedAt = now;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
