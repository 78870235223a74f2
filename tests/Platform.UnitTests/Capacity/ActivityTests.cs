using Platform.Capacity.Activities;
using Platform.Capacity.Participants;
using static Platform.UnitTests.Capacity.CapacityExamples;

namespace Platform.UnitTests.Capacity;

public sealed class ActivityTests
{
    private static readonly DateOnly FirstDay = new(2026, 11, 23);
    private static readonly DateOnly LastDay = new(2026, 11, 24);

    private static ActivityPlan Training(string audience = Audiences.LsgStaff, string? municipality = Municipality.Marneuli, bool? online = null) =>
        new(CapacityActivityKind.Training, "Human-rights-based approach to social services", ["participation", "non-discrimination"], audience, true,
            FirstDay, LastDay, municipality, online, null, null, null, ["Eka Lomidze"], null, null, null, null);

    private static Activity Plan(ActivityPlan? plan = null) => Activity.Plan(plan ?? Training(), false, [], Now);

    [Fact]
    public void Delivered_counts_attendees_by_gender_sector_and_municipality_with_participant_days_and_average_gain()
    {
        var activity = Plan();
        var day1 = activity.AddSession(FirstDay, "Rights and duties", Now);
        var day1Afternoon = activity.AddSession(FirstDay, "Mapping services", Now);
        var day2 = activity.AddSession(LastDay, "Accountability tools", Now);
        var nino = Person("female", Sectors.Lsg, Municipality.Marneuli);
        var giorgi = Person("male", Sectors.Lsg, Municipality.Bolnisi);
        var tbilisi = Person("female", Sectors.Cso, municipality: null);
        var absent = Person("male", Sectors.Media);
        foreach (var person in new[] { nino, giorgi, tbilisi, absent })
        {
            activity.Register(person, Now);
        }

        activity.RecordAttendance(day1.Id, [nino.Id, giorgi.Id, tbilisi.Id], Now);
        activity.RecordAttendance(day1Afternoon.Id, [nino.Id], Now);
        activity.RecordAttendance(day2.Id, [nino.Id, giorgi.Id], Now);
        activity.RecordTests(nino.Id, 40, 70, Now);
        activity.RecordTests(giorgi.Id, 50, 60, Now);
        activity.RecordTests(tbilisi.Id, 55, null, Now);

        var delivered = activity.Deliver(LastDay, Now);

        Assert.Equal(3, delivered.Participants);
        Assert.Equal(2, delivered.ParticipantsByGender["female"]);
        Assert.Equal(1, delivered.ParticipantsByGender["male"]);
        Assert.Equal(new Dictionary<string, int> { ["cso"] = 1, ["lsg"] = 2, ["media"] = 0, ["other"] = 0 }, delivered.ParticipantsBySector);
        Assert.Equal(1, delivered.ParticipantsByMunicipality[Municipality.Marneuli]);
        Assert.Equal(1, delivered.ParticipantsByMunicipality[Municipality.Bolnisi]);
        Assert.Equal(1, delivered.ParticipantsByMunicipality["other"]);
        // Nino 2 days (two sessions on day one count once), Giorgi 2, the participant from Tbilisi 1.
        Assert.Equal(5m, delivered.ParticipantDays);
        // (30 + 10) / 2: only those with both tests.
        Assert.Equal(20m, delivered.AverageTestGain);
        Assert.Equal((CapacityActivityKind.Training, "lsg-staff", true, Municipality.Marneuli, (string?)null),
            (delivered.Kind, delivered.Audience, delivered.HumanRightsBasedApproach, delivered.Municipality, delivered.Country));
        Assert.Equal(2, activity.Delivered!.Tested);
        Assert.Equal(30m, activity.Participants.Single(p => p.ParticipantId == nino.Id).Gain);
    }

    [Fact]
    public void A_delivered_activity_is_closed_and_is_delivered_only_after_its_last_day_with_sessions()
    {
        var activity = Plan();
        Assert.Equal("no-sessions", CodeOf(() => activity.Deliver(LastDay, Now)));
        activity.AddSession(FirstDay, "Rights and duties", Now);
        Assert.Equal("activity-not-over", CodeOf(() => activity.Deliver(FirstDay, Now)));

        activity.Deliver(LastDay, Now);

        Assert.Equal("activity-delivered", CodeOf(() => activity.Deliver(LastDay, Now)));
        Assert.Equal("activity-delivered", CodeOf(() => activity.Register(Person(), Now)));
        Assert.Equal("activity-delivered", CodeOf(() => activity.AddSession(FirstDay, "More", Now)));
    }

    [Fact]
    public void An_activity_for_women_takes_women_and_a_person_registers_once()
    {
        var activity = Plan(Training(Audiences.Women));
        var woman = Person("female");
        activity.Register(woman, Now);

        Assert.Contains("participantId", ErrorsOf(() => activity.Register(Person("male"), Now)).Keys);
        Assert.Equal("already-registered", CodeOf(() => activity.Register(woman, Now)));
    }

    [Fact]
    public void Place_is_one_of_a_municipality_online_or_a_country_with_a_city_for_visits()
    {
        Assert.Equal(Places.Online, Plan(Training(municipality: null, online: true)).Place);
        Assert.Contains("municipality", ErrorsOf(() => Plan(Training(municipality: null))).Keys);
        Assert.Contains("municipality", ErrorsOf(() => Plan(Training(municipality: Municipality.Marneuli, online: true))).Keys);
        Assert.Contains("municipality", ErrorsOf(() => Plan(Training(municipality: "KK-NOWHERE"))).Keys);
        Assert.Contains("country", ErrorsOf(() => Plan(Training(municipality: null) with { Country = "EE", City = "Tallinn" })).Keys);

        var tour = new ActivityPlan(CapacityActivityKind.StudyTour, "Social services in Estonia", ["case management"], Audiences.LsgStaff, false,
            FirstDay, LastDay, null, null, "EE", "Tartu", ["Tartu City Government", "Estonian Chamber of Disabled People"], null, null, null, null, null);
        var abroad = Plan(tour);
        Assert.Equal((Places.Abroad, "EE", "Tartu"), (abroad.Place, abroad.Country, abroad.City));
        abroad.AddSession(FirstDay, "Visit", Now);
        Assert.Equal(("EE", (string?)null), (abroad.Deliver(LastDay, Now).Country, abroad.Municipality));

        var errors = ErrorsOf(() => Plan(tour with { Country = "estonia", City = null, HostOrganizations = [] }));
        Assert.Equal(["city", "country", "hostOrganizations"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Mentoring_names_mentor_organisation_hours_and_topics_and_links_only_that_organisations_actions()
    {
        var action = Guid.NewGuid();
        var mentoring = new ActivityPlan(CapacityActivityKind.Mentoring, "Budgeting clinic", ["annual budget"], Audiences.CsoStaff, false,
            FirstDay, FirstDay, Municipality.Marneuli, null, null, null, null, null, "Levan Abashidze", Guid.NewGuid(), 3m, [action]);

        var planned = Activity.Plan(mentoring, organizationKnown: true, [action], Now);
        Assert.Equal(3m, planned.Hours);
        Assert.Equal([action], planned.ActionIds);

        var errors = ErrorsOf(() => Activity.Plan(mentoring with { Mentor = null, Hours = 0, Topics = [] }, organizationKnown: false, [], Now));
        Assert.Equal(["actionIds[0]", "hours", "mentor", "mentoredOrganizationId", "topics"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("trainers", ErrorsOf(() => Plan(Training() with { Trainers = [] })).Keys);
    }

    [Fact]
    public void Test_scores_are_from_0_to_100()
    {
        var activity = Plan();
        var person = Person();
        activity.Register(person, Now);

        Assert.Equal(["postTest", "preTest"], ErrorsOf(() => activity.RecordTests(person.Id, -1, 101, Now)).Keys.Order(StringComparer.Ordinal));
        activity.RecordTests(person.Id, 45, null, Now);
        activity.RecordTests(person.Id, null, 80, Now);
        Assert.Equal(35m, activity.Participants.Single().Gain);
    }
}
