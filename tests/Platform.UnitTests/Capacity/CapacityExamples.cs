using Platform.Capacity.Assessments;
using Platform.Capacity.Instruments;
using Platform.Capacity.Participants;

namespace Platform.UnitTests.Capacity;

/// <summary>Instruments, assessments and people the capacity-development tests are made of.</summary>
internal static class CapacityExamples
{
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 12, 1);

    public static Instrument Oca => ProgrammeInstruments.OrganizationalCapacity;

    public static Assessment Draft(AssessmentKind kind = AssessmentKind.Baseline, Instrument? instrument = null, params AssessmentKind[] taken) =>
        Assessment.Start(Guid.NewGuid(), OrganizationType.Cso, Municipality.Marneuli, instrument ?? Oca, kind, taken, [Guid.NewGuid()], [Guid.NewGuid()], Now);

    public static ScoreDraft Score(string subArea, int level) =>
        level >= 3 ? new ScoreDraft(subArea, level, "The board minutes show it.", ["minutes-2026-03.pdf"]) : new ScoreDraft(subArea, level, null, null);

    /// <summary>Every sub-area of the instrument scored <paramref name="level"/> unless <paramref name="levels"/> says otherwise.</summary>
    public static List<ScoreDraft?> AllScored(Instrument instrument, int level, IReadOnlyDictionary<string, int>? levels = null) =>
        [.. instrument.SubAreas.Select(s => Score(s.Code, levels?.GetValueOrDefault(s.Code, level) ?? level))];

    public static Assessment Validated(int level = 2, IReadOnlyDictionary<string, int>? levels = null, Instrument? instrument = null)
    {
        instrument ??= Oca;
        var assessment = Draft(instrument: instrument);
        assessment.Score(instrument, AllScored(instrument, level, levels), Now);
        assessment.Submit(instrument, Now);
        assessment.Validate(instrument, Today, Now);
        return assessment;
    }

    public static Participant Person(string gender = "female", string sector = Sectors.Cso, string? municipality = Municipality.Marneuli, string ageGroup = "25-34") =>
        Participant.Register("Tamar Gelashvili", gender, ageGroup, sector, null, false, municipality, "Programme officer", "tamar@example.ge",
            "+995 599 11 22 33", true, "Capacity development", "capacity-privacy-2026-1", Now);

    public static IDictionary<string, string[]> ErrorsOf(Action action) => Assert.Throws<DomainValidationException>(action).Errors;

    public static string CodeOf(Action action) => Assert.Throws<RuleViolationException>(action).Code;
}
