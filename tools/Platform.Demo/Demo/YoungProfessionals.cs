using System.Globalization;
using System.Text.Json;
using Platform.Contracts.ReferenceData;

namespace Platform.Demo.Demo;

/// <summary>
/// A Young Professionals cohort that started four months ago: six applicants, four accepted, one on the waiting list,
/// one not selected; three placed with national host organisations, one of whom completed a three-month internship
/// and graduated (and so may apply to Grants' calls for graduates), two still running with their monthly check-ins.
/// </summary>
internal sealed class YoungProfessionals : IDemoSection
{
    private const string CohortName = "Young Professionals, first cohort (demo)";

    private sealed record Candidate(string Person, string Decision, int Score, string? Host = null, int Months = 0, bool Complete = false);

    private static readonly Candidate[] Candidates =
    [
        new("nino", "Accepted", 91, "nat-training", 3, Complete: true),
        new("armen", "Accepted", 86, "nat-social", 6),
        new("aysel", "Accepted", 84, "nat-youth", 6),
        new("giorgi", "Accepted", 80),
        new("lusine", "WaitingList", 74),
        new("ramin", "Rejected", 52),
    ];

    public string Name => "Young Professionals (Youth)";

    public async Task RunAsync(DemoContext demo)
    {
        var people = await YoungPeople.EnsureAsync(demo);
        var cohort = await CohortAsync(demo);
        var id = cohort.GetProperty("id").GetGuid();
        var start = cohort.GetProperty("startsOn").GetDateOnly();

        var applications = await demo.Admin.ListAsync($"/api/youth/cohorts/{id}/applications");
        var status = cohort.GetProperty("status").GetString();
        if (status == "Open")
        {
            foreach (var candidate in Candidates.Where(c => applications.All(a => a.GetProperty("participantId").GetGuid() != people[c.Person])))
            {
                await demo.Admin.PostAsync($"/api/youth/cohorts/{id}/applications", new { personId = people[candidate.Person] }, $"demo-cohort-{id:N}-{candidate.Person}");
            }

            await demo.Admin.PostAsync($"/api/youth/cohorts/{id}/start-selection", null, $"demo-cohort-{id:N}-selection");
            applications = await demo.Admin.ListAsync($"/api/youth/cohorts/{id}/applications");
            status = "Selecting";
        }

        var byPerson = applications.ToDictionary(a => a.GetProperty("participantId").GetGuid());
        foreach (var candidate in Candidates)
        {
            var application = byPerson[people[candidate.Person]];
            if (application.GetProperty("status").GetString() == "Submitted")
            {
                var applicationId = application.GetProperty("id").GetGuid();
                await demo.Admin.PostAsync($"/api/youth/applications/{applicationId}/decision",
                    new { decision = candidate.Decision, score = candidate.Score, reason = "Interview and motivation letter (demo data)" },
                    $"demo-decision-{applicationId:N}");
            }
        }

        if (status == "Selecting")
        {
            await demo.Admin.PostAsync($"/api/youth/cohorts/{id}/start", null, $"demo-cohort-{id:N}-start");
        }

        var internships = await demo.Admin.ListAsync($"/api/youth/internships?cohortId={id}");
        foreach (var candidate in Candidates.Where(c => c.Host is not null))
        {
            var applicationId = byPerson[people[candidate.Person]].GetProperty("id").GetGuid();
            await InternshipAsync(demo, internships, applicationId, candidate, start);
        }
    }

    private static async Task<JsonElement> CohortAsync(DemoContext demo)
    {
        if (DemoContext.By(await demo.Admin.ListAsync("/api/youth/cohorts"), "name", CohortName) is { } cohort)
        {
            return cohort;
        }

        var today = DemoContext.Today;
        var start = new DateOnly(today.Year, today.Month, 1).AddMonths(-4);
        return await demo.Admin.PostAsync("/api/youth/cohorts", new
        {
            name = CohortName,
            intakeOpensOn = start.AddMonths(-2),
            intakeClosesOn = start.AddDays(-1),
            startsOn = start,
            places = 4,
            eligibleMunicipalities = Municipality.All,
            minAge = 18,
            maxAge = 29,
        }, "demo-cohort-first");
    }

    private static async Task InternshipAsync(DemoContext demo, List<JsonElement> internships, Guid applicationId, Candidate candidate, DateOnly start)
    {
        if (DemoContext.By(internships.Select(i => i), "applicationId", applicationId.ToString()) is not { } internship)
        {
            var hostId = demo.Organizations[candidate.Host!];
            await demo.KnownToAsync("youth", hostId);
            internship = await demo.Admin.PostAsync("/api/youth/internships", new
            {
                applicationId,
                hostOrganizationId = hostId,
                mentor = new { name = "Mentor Examplelidze (demo)", contact = "mentor@demo.example.org" },
                startsOn = start,
                endsOn = start.AddMonths(candidate.Months).AddDays(-1),
            }, $"demo-internship-{applicationId:N}");
        }

        var id = internship.GetProperty("id").GetGuid();
        if (internship.GetProperty("status").GetString() == "Completed")
        {
            return;
        }

        var today = DemoContext.Today;
        var recorded = internship.GetProperty("checkIns").EnumerateArray().Select(c => c.GetProperty("month").GetString()).ToHashSet();
        foreach (var month in internship.GetProperty("plannedMonths").EnumerateArray().Select(m => m.GetString()!))
        {
            // A month is reported on once it has begun.
            if (!recorded.Contains(month) && DateOnly.ParseExact($"{month}-01", "yyyy-MM-dd", CultureInfo.InvariantCulture) <= today)
            {
                await demo.Admin.PostAsync($"/api/youth/internships/{id}/check-ins",
                    new { month, tasks = "Service mapping and citizen surveys (demo)", hours = 120, competencies = new[] { "research", "public-speaking" } },
                    $"demo-internship-{id:N}-{month}");
            }
        }

        if (candidate.Complete)
        {
            await demo.Admin.PostAsync($"/api/youth/internships/{id}/complete", null, $"demo-internship-{id:N}-complete");
        }
    }
}
