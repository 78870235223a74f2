using Platform.Contracts.Capacity;
using Platform.Contracts.ReferenceData;
using Platform.Partnerships.Groups;
using Platform.Partnerships.Meetings;
using Platform.Partnerships.Pilots;
using Platform.Partnerships.Recommendations;
using Platform.Partnerships.SocialServices;

namespace Platform.Partnerships.Figures;

/// <summary>
/// Result 2's figures per municipality and quarter, computed from the records (counts only, never names). A step counts in
/// the quarter of the day it happened: a meeting held, a recommendation's step on its timeline, a service's funding
/// decision, a pilot's completion. A group counts as active in a quarter when it was active (not dormant) on its last day,
/// or today for the current quarter.
/// </summary>
public static class PartnershipFigures
{
    /// <summary>
    /// A municipality's quarter. Counts of people (attendance, pilot participants and their breakdowns) of 1-4 are <c>null</c>
    /// with <c>suppressed</c> true for readers outside the Partnerships team and the programme admin (docs/figures.md);
    /// counts of groups, meetings, recommendations and services are exact.
    /// </summary>
    public sealed record Row(
        string Municipality,
        string Quarter,
        int GroupsActive,
        int MeetingsHeld,
        int? Attendance,
        IReadOnlyDictionary<string, int?> AttendanceByGender,
        IReadOnlyDictionary<string, int?> AttendanceBySector,
        IReadOnlyDictionary<string, int> RecommendationsByStage,
        decimal? AdoptionRate,
        int ServicesInstitutionalised,
        IReadOnlyDictionary<string, decimal> MunicipalMoneyCommitted,
        int PilotsCompleted,
        int? PilotParticipants,
        IReadOnlyDictionary<string, int?> PilotParticipantsByGender,
        IReadOnlyDictionary<string, int?> PilotParticipantsByAgeGroup,
        bool Suppressed)
    {
        /// <summary>The row as a reader without exact figures may see it.</summary>
        public Row Suppress()
        {
            var shown = this with
            {
                Attendance = Attendance is { } attendance ? SmallCells.Cell(attendance) : null,
                AttendanceByGender = SmallCells.Suppress<int>(AttendanceByGender),
                AttendanceBySector = SmallCells.Suppress<int>(AttendanceBySector),
                PilotParticipants = PilotParticipants is { } participants ? SmallCells.Cell(participants) : null,
                PilotParticipantsByGender = SmallCells.Suppress<int>(PilotParticipantsByGender),
                PilotParticipantsByAgeGroup = SmallCells.Suppress<int>(PilotParticipantsByAgeGroup),
            };
            return shown with
            {
                Suppressed = shown.Attendance is null || shown.PilotParticipants is null || SmallCells.AnyHidden(shown.AttendanceByGender)
                    || SmallCells.AnyHidden(shown.AttendanceBySector) || SmallCells.AnyHidden(shown.PilotParticipantsByGender)
                    || SmallCells.AnyHidden(shown.PilotParticipantsByAgeGroup),
            };
        }
    }

    /// <summary>The stages a recommendation's steps are counted by.</summary>
    public static readonly IReadOnlyList<string> Stages =
        [nameof(TimelineStep.Drafted), nameof(TimelineStep.Endorsed), nameof(TimelineStep.Submitted), nameof(TimelineStep.Adopted),
         nameof(TimelineStep.PartiallyAdopted), nameof(TimelineStep.Rejected), nameof(TimelineStep.Implemented)];

    /// <summary>
    /// Rows for <paramref name="quarters"/> (or every quarter with something to count, from the data) and
    /// <paramref name="municipalities"/>; a row with nothing in it is left out unless a quarter was asked for.
    /// </summary>
    public static IReadOnlyList<Row> Compute(
        IReadOnlyList<string> municipalities, Quarter? quarter, DateOnly today,
        IReadOnlyList<PartnershipGroup> groups, IReadOnlyList<Meeting> meetings, IReadOnlyList<Recommendation> recommendations,
        IReadOnlyList<SocialService> services, IReadOnlyList<PilotInitiative> pilots)
    {
        var held = meetings.Where(m => m is { Body: MeetingBody.Group, HeldOn: not null }).ToList();
        var steps = recommendations.SelectMany(r => r.Timeline.Where(t => Stages.Contains(t.Step.ToString())).Select(t => (r.Municipalities, t.Step, t.On))).ToList();
        var funded = services.Where(s => s.DecidedOn is not null).ToList();
        var completed = pilots.Where(p => p.CompletedOn is not null).ToList();

        IEnumerable<Quarter> quarters = quarter is { } asked
            ? [asked]
            : held.Select(m => m.HeldOn!.Value).Concat(steps.Select(s => s.On)).Concat(funded.Select(s => s.DecidedOn!.Value))
                .Concat(completed.Select(p => p.CompletedOn!.Value)).Select(Quarter.Of).Append(Quarter.Of(today)).Distinct()
                .OrderBy(q => q.Year).ThenBy(q => q.Number);

        var rows = new List<Row>();
        foreach (var q in quarters)
        {
            var asOf = q.LastDay < today ? q.LastDay : today;
            foreach (var municipality in municipalities)
            {
                var attendance = held.Where(m => m.Municipality == municipality && q.Contains(m.HeldOn!.Value)).ToList();
                var people = attendance.SelectMany(m => m.Attendance).ToList();
                var stepsHere = steps.Where(s => s.Municipalities.Contains(municipality) && q.Contains(s.On)).ToList();
                var byStage = Age.CountBy(stepsHere.Select(s => s.Step.ToString()), Stages);
                var answered = byStage[nameof(TimelineStep.Adopted)] + byStage[nameof(TimelineStep.PartiallyAdopted)] + byStage[nameof(TimelineStep.Rejected)];
                var servicesHere = funded.Where(s => s.Municipality == municipality && q.Contains(s.DecidedOn!.Value)).ToList();
                var pilotsHere = completed.Where(p => p.Municipality == municipality && q.Contains(p.CompletedOn!.Value)).ToList();
                var groupsActive = groups.Count(g => g.Municipality == municipality && WasActiveOn(g, held, asOf));
                if (quarter is null && groupsActive == 0 && attendance.Count == 0 && stepsHere.Count == 0 && servicesHere.Count == 0 && pilotsHere.Count == 0)
                {
                    continue;
                }

                rows.Add(new Row(
                    municipality, q.ToString(), groupsActive, attendance.Count, people.Count,
                    SmallCells.Exact(Age.CountBy(people.Select(a => a.Gender), Gender.All)),
                    SmallCells.Exact(Age.CountBy(people.Select(a => a.Sector.ToString()), Enum.GetNames<OrganizationType>())),
                    byStage,
                    answered == 0 ? null : Math.Round((decimal)(answered - byStage[nameof(TimelineStep.Rejected)]) / answered, 4),
                    servicesHere.Count,
                    Currency.All.ToDictionary(c => c, c => servicesHere.Where(s => s.FundingCurrency == c).Sum(s => s.FundingAmount!.Value)),
                    pilotsHere.Count,
                    pilotsHere.Sum(p => p.Participants ?? 0),
                    SmallCells.Exact(Sum(pilotsHere.Select(p => p.ParticipantsByGender!), Gender.All)),
                    SmallCells.Exact(Sum(pilotsHere.Select(p => p.ParticipantsByAgeGroup!), Age.Groups)),
                    false));
            }
        }

        return rows;
    }

    /// <summary>Active (not dormant) on a day: activated by then, not closed by then, and it met (or was activated) within six months before.</summary>
    private static bool WasActiveOn(PartnershipGroup group, IEnumerable<Meeting> held, DateOnly day)
    {
        if (group.ActivatedOn is not { } activated || activated > day || (group.ClosedOn is { } closed && closed <= day))
        {
            return false;
        }

        var lastMet = held.Where(m => m.GroupId == group.Id && m.HeldOn <= day).Select(m => m.HeldOn).Max();
        return !PartnershipGroup.IsDormant(activated, lastMet, day);
    }

    private static Dictionary<string, int> Sum(IEnumerable<IReadOnlyDictionary<string, int>> counts, IReadOnlyList<string> keys)
    {
        var total = keys.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var count in counts)
        {
            foreach (var (key, value) in count)
            {
                total[key] = total.GetValueOrDefault(key) + value;
            }
        }

        return total;
    }
}
