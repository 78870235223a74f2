using System.Text.Json;
using static Platform.Contracts.ReferenceData.Municipality;

namespace Platform.Demo.Demo;

/// <summary>
/// The invented young people of the demo (names no one has: "Exampleli", "Sampleyan"), recorded in Youth with their
/// consent; shared by the Young Professionals cohort and the camps.
/// </summary>
internal static class YoungPeople
{
    public sealed record Person(string Key, string FirstName, string LastName, string BirthDate, string Gender, string Municipality, string[] Languages);

    public static readonly IReadOnlyList<Person> All =
    [
        new("nino", "Nino", "Exampleli", "2001-03-14", "female", Marneuli, ["ka", "az", "en"]),
        new("aysel", "Aysel", "Demoyeva", "2002-07-02", "female", Gardabani, ["az", "ka"]),
        new("armen", "Armen", "Sampleyan", "2000-11-21", "male", Ninotsminda, ["hy", "ka", "en"]),
        new("giorgi", "Giorgi", "Testadze", "1999-05-30", "male", Tetritskaro, ["ka", "en"]),
        new("lusine", "Lusine", "Placeholderyan", "2003-01-09", "female", Akhaltsikhe, ["hy", "ka"]),
        new("ramin", "Ramin", "Mockov", "2001-09-17", "male", Bolnisi, ["az", "ka"]),
        new("tamar", "Tamar", "Fictionashvili", "2004-04-25", "female", Tsalka, ["ka", "hy"]),
        new("elnur", "Elnur", "Inventedov", "2002-12-03", "male", Dmanisi, ["az", "ka"]),
    ];

    /// <summary>Every demo person's id, recording those not there yet (found by their invented email address).</summary>
    public static async Task<Dictionary<string, Guid>> EnsureAsync(DemoContext demo)
    {
        var recorded = await demo.Admin.ListAsync("/api/youth/people");
        var ids = new Dictionary<string, Guid>();
        foreach (var person in All)
        {
            var email = $"{person.Key}.{person.LastName.ToLowerInvariant()}@demo.example.org";
            if (DemoContext.By(recorded.Where(p => p.GetProperty("email").ValueKind == JsonValueKind.String), "email", email) is not { } existing)
            {
                existing = await demo.Admin.PostAsync("/api/youth/people", new
                {
                    firstName = person.FirstName,
                    lastName = person.LastName,
                    birthDate = person.BirthDate,
                    gender = person.Gender,
                    municipality = person.Municipality,
                    languages = person.Languages,
                    education = "An invented person of the demo data",
                    email,
                    consent = new { given = true, purpose = "Young Professionals Program and civic camps (demo data)", noticeVersion = "demo-1" },
                }, $"demo-person-{person.Key}");
            }

            ids[person.Key] = existing.GetProperty("id").GetGuid();
        }

        return ids;
    }
}
