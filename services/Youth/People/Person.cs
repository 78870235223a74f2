using System.Net.Mail;
using Platform.Contracts.ReferenceData;

namespace Platform.Youth.People;

/// <summary>
/// Someone the Youth team works with: a candidate of the Young Professionals Program or a participant of a civic
/// education camp. Their personal data stays in this service and is stored only with their recorded consent.
/// After erasure only the id, the home municipality and the time of erasure remain.
/// </summary>
public sealed class Person
{
    public const int MaxNameLength = 100;
    public const int MaxEducationLength = 500;
    public const int MaxEthnicityLength = 100;

    private Person() { }

    public Guid Id { get; private set; }

    public string? FirstName { get; private set; }

    public string? LastName { get; private set; }

    public DateOnly? BirthDate { get; private set; }

    /// <summary>One of <see cref="Contracts.ReferenceData.Gender.All"/>; <c>null</c> once erased.</summary>
    public string? Gender { get; private set; }

    /// <summary>Home municipality: what cohorts' eligibility and the figures go by. Kept after erasure (not identifying).</summary>
    public string Municipality { get; private set; } = "";

    public List<string> Languages { get; private set; } = [];

    public string? Education { get; private set; }

    public string? Email { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Only if the person chose to give it.</summary>
    public string? Ethnicity { get; private set; }

    public Consent? Consent { get; private set; }

    public DateTimeOffset RegisteredAt { get; private set; }

    public DateTimeOffset? ErasedAt { get; private set; }

    public bool IsErased => ErasedAt is not null;

    /// <summary>Age on a day (a cohort's or camp's start); only for a person not erased.</summary>
    public int AgeOn(DateOnly day) => Age.On(BirthDate ?? throw new InvalidOperationException("The person's data was erased."), day);

    public static Person Register(PersonDetails details, Consent consent, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        FirstName = details.FirstName,
        LastName = details.LastName,
        BirthDate = details.BirthDate,
        Gender = details.Gender,
        Municipality = details.Municipality,
        Languages = [.. details.Languages],
        Education = details.Education,
        Email = details.Email,
        Phone = details.Phone,
        Ethnicity = details.Ethnicity,
        Consent = consent,
        RegisteredAt = now,
    };

    /// <summary>Removes every piece of personal data; the anonymous facts recorded elsewhere (counts) stay as they are.</summary>
    public void Erase(DateTimeOffset now)
    {
        if (IsErased)
        {
            throw new RuleViolationException("already-erased", "This person's data was already erased.");
        }

        FirstName = null;
        LastName = null;
        BirthDate = null;
        Gender = null;
        Languages = [];
        Education = null;
        Email = null;
        Phone = null;
        Ethnicity = null;
        Consent = null;
        ErasedAt = now;
    }
}

/// <summary>The person's consent to the programme processing their personal data: for what, under which notice, when.</summary>
public sealed record Consent(string Purpose, string NoticeVersion, DateTimeOffset GivenAt)
{
    public const int MaxLength = 200;
}

/// <summary>What the Youth team records about a person, checked field by field.</summary>
public sealed record PersonDetails(
    string FirstName,
    string LastName,
    DateOnly BirthDate,
    string Gender,
    string Municipality,
    IReadOnlyList<string> Languages,
    string? Education,
    string? Email,
    string? Phone,
    string? Ethnicity)
{
    public static PersonDetails? Create(
        string? firstName, string? lastName, DateOnly? birthDate, string? gender, string? municipality, IReadOnlyList<string?>? languages,
        string? education, string? email, string? phone, string? ethnicity, DateOnly today, ValidationErrors errors)
    {
        errors.Required(firstName, "firstName", Person.MaxNameLength);
        errors.Required(lastName, "lastName", Person.MaxNameLength);
        if (birthDate is null)
        {
            errors.Add("birthDate", "Required: the date of birth (yyyy-MM-dd).");
        }
        else if (birthDate > today || birthDate < today.AddYears(-120))
        {
            errors.Add("birthDate", "A date of birth in the past, at most 120 years ago.");
        }

        if (!Contracts.ReferenceData.Gender.IsKnown(gender))
        {
            errors.Add("gender", $"Use one of {string.Join(", ", Contracts.ReferenceData.Gender.All)}.");
        }

        if (!Contracts.ReferenceData.Municipality.IsKnown(municipality))
        {
            errors.Add("municipality", $"Use one of {string.Join(", ", Contracts.ReferenceData.Municipality.All)}.");
        }

        if (languages?.Count > Language.All.Count)
        {
            errors.Add("languages", $"At most the {Language.All.Count} languages the programme works in.");
        }

        for (var i = 0; i < Math.Min(languages?.Count ?? 0, Language.All.Count + 1); i++)
        {
            if (!Language.IsKnown(languages![i]))
            {
                errors.Add($"languages[{i}]", $"Use one of {string.Join(", ", Language.All)}.");
            }
        }

        errors.MaxLength(education, "education", Person.MaxEducationLength);
        errors.MaxLength(ethnicity, "ethnicity", Person.MaxEthnicityLength);
        if (Blank(email) is { } address && (address.Length > 254 || !MailAddress.TryCreate(address, out var parsed) || parsed.Address != address))
        {
            errors.Add("email", "Not a valid e-mail address.");
        }

        if (Blank(phone) is { } number && (number.Length > 30 || !number.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')')))
        {
            errors.Add("phone", "Digits, spaces, +, - and brackets only; at most 30 characters.");
        }

        if (errors.Any)
        {
            return null;
        }

        return new PersonDetails(
            firstName!.Trim(), lastName!.Trim(), birthDate!.Value, gender!, municipality!,
            (languages ?? []).Select(l => l!).Distinct().Order(StringComparer.Ordinal).ToList(),
            Blank(education), Blank(email), Blank(phone), Blank(ethnicity));
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
