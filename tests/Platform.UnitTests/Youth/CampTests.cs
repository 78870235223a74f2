using Platform.Contracts.Youth;
using Platform.Youth.Camps;
using Platform.Contracts.ReferenceData;
using static Platform.UnitTests.Youth.YouthExamples;

namespace Platform.UnitTests.Youth;

public sealed class CampTests
{
    private static readonly DateOnly FirstDay = new(2026, 7, 6);
    private static readonly DateOnly LastDay = new(2026, 7, 8);

    private static Camp Camp(CampAudience audience = CampAudience.Youth) =>
        Platform.Youth.Camps.Camp.Plan(audience, "Civic summer camp", Municipality.Tetritskaro, FirstDay, LastDay, Now);

    [Fact]
    public void Held_counts_those_who_attended_by_gender_and_by_age_group_on_the_first_day()
    {
        var camp = Camp();
        var morning = camp.AddSession(FirstDay, "How a city hall decides", Now);
        var afternoon = camp.AddSession(LastDay, "Writing to the council", Now);
        var nino = Person(new DateOnly(2008, 7, 6), gender: Gender.Female);      // 18 on the first day
        var levan = Person(new DateOnly(2008, 7, 7), gender: Gender.Male);       // 17 on the first day
        var ana = Person(new DateOnly(1990, 1, 1), gender: Gender.Undisclosed);  // 36
        var absent = Person(gender: Gender.Male);
        foreach (var person in new[] { nino, levan, ana, absent })
        {
            camp.Register(person, Now);
        }

        camp.RecordAttendance(morning.Id, [nino.Id, levan.Id]);
        camp.RecordAttendance(afternoon.Id, [nino.Id, ana.Id]);
        var held = camp.Hold(LastDay, Now);

        Assert.Equal(3, held.Participants);
        Assert.Equal(new Dictionary<string, int> { ["female"] = 1, ["male"] = 1, ["other"] = 0, ["undisclosed"] = 1 }, held.ParticipantsByGender);
        Assert.Equal(new Dictionary<string, int> { ["under-18"] = 1, ["18-24"] = 1, ["25-34"] = 0, ["35-plus"] = 1 }, held.ParticipantsByAgeGroup);
        Assert.Equal((camp.Id, CampAudience.Youth, Municipality.Tetritskaro, FirstDay, LastDay), (held.CampId, held.Audience, held.Municipality, held.StartsOn, held.EndsOn));
        Assert.Equal(CampStatus.Held, camp.Status);
        Assert.Equal(3, camp.Attended);
    }

    [Fact]
    public void Attendance_replaces_a_sessions_list_and_names_only_registered_participants()
    {
        var camp = Camp();
        var session = camp.AddSession(FirstDay, "Budget hearings", Now);
        var registered = Person();
        camp.Register(registered, Now);

        var invalid = Assert.Throws<DomainValidationException>(() => camp.RecordAttendance(session.Id, [registered.Id, Guid.NewGuid()]));
        Assert.Equal(["personIds[1]"], invalid.Errors.Keys);
        Assert.Empty(camp.Participants.Single().SessionsAttended);

        camp.RecordAttendance(session.Id, [registered.Id]);
        Assert.Equal([session.Id], camp.Participants.Single().SessionsAttended);
        camp.RecordAttendance(session.Id, []);
        Assert.Empty(camp.Participants.Single().SessionsAttended);
    }

    [Fact]
    public void A_camp_for_women_is_for_women()
    {
        var camp = Camp(CampAudience.Women);

        var refused = Assert.Throws<DomainValidationException>(() => camp.Register(Person(gender: Gender.Male), Now));

        Assert.Equal(["personId"], refused.Errors.Keys);
        camp.Register(Person(gender: Gender.Female), Now);
        Assert.Single(camp.Participants);
    }

    [Fact]
    public void A_camp_is_held_once_from_its_last_day_and_then_its_record_is_closed()
    {
        var camp = Camp();
        Assert.Throws<RuleViolationException>(() => camp.Hold(LastDay, Now)); // no sessions
        var session = camp.AddSession(FirstDay, "Local budgets", Now);
        Assert.Throws<RuleViolationException>(() => camp.Hold(LastDay.AddDays(-1), Now));

        camp.Hold(LastDay, Now);

        Assert.Throws<RuleViolationException>(() => camp.Hold(LastDay, Now));
        Assert.Throws<RuleViolationException>(() => camp.AddSession(FirstDay, "Late", Now));
        Assert.Throws<RuleViolationException>(() => camp.Register(Person(), Now));
        Assert.Throws<RuleViolationException>(() => camp.RecordAttendance(session.Id, []));
    }

    [Fact]
    public void Sessions_fall_on_the_camps_days_and_a_person_registers_once()
    {
        var camp = Camp();
        var invalid = Assert.Throws<DomainValidationException>(() => camp.AddSession(LastDay.AddDays(1), " ", Now));
        Assert.Equal(["date", "topic"], invalid.Errors.Keys.Order(StringComparer.Ordinal));

        var person = Person();
        camp.Register(person, Now);
        Assert.Throws<RuleViolationException>(() => camp.Register(person, Now));
    }
}
