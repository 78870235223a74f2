using Platform.Capacity.Instruments;
using static Platform.UnitTests.Capacity.CapacityExamples;

namespace Platform.UnitTests.Capacity;

public sealed class InstrumentTests
{
    private static List<Dictionary<string, string?>?> Levels(int count) =>
        [.. Enumerable.Range(1, count).Select(l => new Dictionary<string, string?> { ["en"] = $"Level {l}", ["ka"] = $"დონე {l}" })];

    private static DomainDraft Domain(string code, params SubAreaDraft?[] subAreas) => new(code, new() { ["en"] = code }, [.. subAreas]);

    private static SubAreaDraft SubArea(string code, int levels = 4) => new(code, new() { ["en"] = code }, Levels(levels));

    [Fact]
    public void Publishing_a_code_again_makes_the_next_version_with_its_own_structure()
    {
        var v2 = Instrument.Publish("oca-cso", new() { ["en"] = "OCA, revised" },
            [Domain("governance", SubArea("vision-mission"), SubArea("board")), Domain("sustainability", SubArea("strategic-planning"))], latestVersion: 1, Now);

        Assert.Equal(("oca-cso", 2), (v2.Code, v2.Version));
        Assert.Equal(["vision-mission", "board", "strategic-planning"], v2.SubAreas.Select(s => s.Code));
        Assert.Equal("დონე 3", v2.SubAreas.First().Levels[2]["ka"]);
        Assert.Equal("governance", v2.DomainOf("board")?.Code);
        // The shipped version is untouched.
        Assert.Equal(7, Oca.Domains.Count);
    }

    [Fact]
    public void Every_wrong_part_of_a_new_version_is_named_by_its_path()
    {
        var errors = ErrorsOf(() => Instrument.Publish("OCA CSO", new() { ["xx"] = "?" },
            [
                Domain("governance", SubArea("board", levels: 3), null),
                Domain("governance", SubArea("board")),
                new DomainDraft("finance", new() { ["en"] = "Finance" }, []),
            ], 0, Now));

        Assert.Contains("code", errors.Keys);
        Assert.Contains("name.xx", errors.Keys);
        Assert.Contains("domains[0].subAreas[0].levels", errors.Keys);
        Assert.Contains("domains[0].subAreas[1]", errors.Keys);
        Assert.Contains("domains[1].code", errors.Keys);
        Assert.Contains("domains[1].subAreas[0].code", errors.Keys);
        Assert.Contains("domains[2].subAreas", errors.Keys);
    }

    [Fact]
    public void An_instrument_needs_domains_and_descriptors_that_are_not_blank()
    {
        Assert.Contains("domains", ErrorsOf(() => Instrument.Publish("x", new() { ["en"] = "X" }, [], 0, Now)).Keys);
        var blank = new SubAreaDraft("a", new() { ["en"] = "A" }, [.. Levels(3), new Dictionary<string, string?> { ["en"] = " " }]);
        Assert.Contains("domains[0].subAreas[0].levels[3].en", ErrorsOf(() => Instrument.Publish("x", new() { ["en"] = "X" }, [Domain("d", blank)], 0, Now)).Keys);
    }
}
