using Platform.Contracts.Capacity;
using Platform.ServiceDefaults.Organizations;
using Platform.Youth.Cohorts;
using Platform.Youth.People;

namespace Platform.UnitTests.Youth;

/// <summary>People, cohorts and hosts the Youth tests are made of.</summary>
internal static class YouthExamples
{
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly CohortStart = new(2026, 4, 1);

    public static Person Person(DateOnly? birthDate = null, string municipality = Municipality.Marneuli, string gender = "female")
    {
        var errors = new ValidationErrors();
        var details = PersonDetails.Create("Nino", "Beridze", birthDate ?? new DateOnly(2003, 5, 17), gender, municipality, ["ka", "en"],
            "BA in social work", "nino@example.ge", "+995 555 12 34 56", null, DateOnly.FromDateTime(Now.UtcDateTime), errors);
        Assert.False(errors.Any, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return Platform.Youth.People.Person.Register(details!, new Consent("Young Professionals Program", "privacy-notice-2026-1", Now), Now);
    }

    public static Cohort Cohort(int places = 2, int minAge = 18, int maxAge = 29, params string[] municipalities) =>
        Platform.Youth.Cohorts.Cohort.Open("YPP 2026 spring", new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), CohortStart, places,
            municipalities.Length == 0 ? [Municipality.Marneuli, Municipality.Bolnisi] : [.. municipalities], minAge, maxAge, Now);

    /// <summary>A running cohort in which each of <paramref name="people"/> applied and was accepted.</summary>
    public static (Cohort Cohort, List<Application> Accepted) RunningCohortWith(params Person[] people)
    {
        var cohort = Cohort(places: Math.Max(1, people.Length));
        var applications = people.Select(p => cohort.Apply(p, Now)).ToList();
        cohort.StartSelection();
        foreach (var application in applications)
        {
            cohort.Decide(application, ApplicationStatus.Accepted, 80, "Strong motivation", Now);
        }

        cohort.Start(CohortStart);
        return (cohort, applications);
    }

    public static OrganizationReplica Host(OrganizationType type = OrganizationType.NationalOrganization) =>
        OrganizationReplica.From(Guid.NewGuid(), new Dictionary<string, string> { ["en"] = "Public Service Hall" }, type, Municipality.Marneuli, 1, Now);
}
