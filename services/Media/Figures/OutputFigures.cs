using Platform.Media.Outputs;

namespace Platform.Media.Figures;

/// <summary>Outputs of one kind (a type, an outlet): how many were entered and how many published.</summary>
public sealed record OutputCount(int Outputs, int Published);

/// <summary>
/// The share of checked outputs the first EU visibility check found compliant: later checks after a fix do not change it,
/// which is what makes it a measure of how well the rules are known.
/// </summary>
public sealed record FirstCheckCompliance(int Checked, int CompliantAtFirstCheck)
{
    public decimal? Percent => Checked == 0 ? null : Math.Round(100m * CompliantAtFirstCheck / Checked, 1);

    public static FirstCheckCompliance Of(IEnumerable<bool?> compliantAtFirstCheck)
    {
        var checkedOutputs = compliantAtFirstCheck.Where(c => c is not null).ToList();
        return new FirstCheckCompliance(checkedOutputs.Count, checkedOutputs.Count(c => c == true));
    }
}

public static class OutputCounts
{
    public static OutputCount Of(IEnumerable<OutputStatus> statuses)
    {
        var list = statuses.ToList();
        return new OutputCount(list.Count, list.Count(s => s == OutputStatus.Published));
    }
}
