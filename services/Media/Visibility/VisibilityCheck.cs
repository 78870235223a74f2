using Platform.Media.Outputs;
using Platform.ServiceDefaults.Domain;

namespace Platform.Media.Visibility;

/// <summary>The points of the EU visibility checklist, as codes a client can act on.</summary>
public static class VisibilityPoint
{
    public const string EuEmblem = "eu-emblem";
    public const string FundingStatement = "funding-statement";
    public const string EmblemWithStatement = "emblem-with-statement";
    public const string Disclaimer = "disclaimer";
    public const string PartnerLogos = "partner-logos";

    public static readonly IReadOnlyList<string> All = [EuEmblem, FundingStatement, EmblemWithStatement, Disclaimer, PartnerLogos];
}

/// <summary>A point of the checklist the output failed, and what is missing, in words.</summary>
public sealed record FailedPoint(string Point, string Missing);

/// <summary>What the checker saw on the material, as a client sends it.</summary>
public sealed record Checklist(
    bool? EuEmblemPresent,
    bool? FundingStatementPresent,
    string? FundingStatementText,
    bool? EmblemAndStatementTogether,
    bool? DisclaimerPresent,
    bool? PartnerLogosNotMoreProminent,
    string? Notes);

/// <summary>
/// One recorded EU visibility check of an output: who checked it, when, and what they saw. Checks are never changed:
/// a check after a fix is a new one, so the history says whether the output was compliant at its first check.
/// </summary>
public sealed class VisibilityCheck
{
    public const int MaxNotesLength = 2000;
    public const int MaxStatementLength = 300;

    private VisibilityCheck() { }

    public Guid Id { get; private set; }

    public Guid OutputId { get; private set; }

    public int Number { get; private set; }

    public string CheckedBy { get; private set; } = "";

    public DateTimeOffset CheckedAt { get; private set; }

    public bool EuEmblemPresent { get; private set; }

    public bool FundingStatementPresent { get; private set; }

    /// <summary>The statement as printed on the material, when the checker copied it; it must be the reference text.</summary>
    public string? FundingStatementText { get; private set; }

    public bool EmblemAndStatementTogether { get; private set; }

    /// <summary>Required for publications; not asked of other outputs.</summary>
    public bool? DisclaimerPresent { get; private set; }

    public bool PartnerLogosNotMoreProminent { get; private set; }

    public string? Notes { get; private set; }

    /// <summary>The points failed, with what is missing; empty when compliant.</summary>
    public List<FailedPoint> Failed { get; private set; } = [];

    public bool Compliant => Failed.Count == 0;

    internal static VisibilityCheck Record(MediaOutput output, int number, Checklist checklist, string checkedBy, DateTimeOffset now)
    {
        var errors = new ValidationErrors();
        Required(checklist.EuEmblemPresent, "euEmblemPresent", errors);
        Required(checklist.FundingStatementPresent, "fundingStatementPresent", errors);
        Required(checklist.EmblemAndStatementTogether, "emblemAndStatementTogether", errors);
        Required(checklist.PartnerLogosNotMoreProminent, "partnerLogosNotMoreProminent", errors);
        if (output.Type == OutputType.Publication)
        {
            Required(checklist.DisclaimerPresent, "disclaimerPresent", errors);
        }

        errors.MaxLength(checklist.FundingStatementText, "fundingStatementText", MaxStatementLength);
        errors.MaxLength(checklist.Notes, "notes", MaxNotesLength);
        errors.ThrowIfAny();

        var check = new VisibilityCheck
        {
            Id = Guid.CreateVersion7(now),
            OutputId = output.Id,
            Number = number,
            CheckedBy = checkedBy,
            CheckedAt = now,
            EuEmblemPresent = checklist.EuEmblemPresent!.Value,
            FundingStatementPresent = checklist.FundingStatementPresent!.Value,
            FundingStatementText = string.IsNullOrWhiteSpace(checklist.FundingStatementText) ? null : checklist.FundingStatementText.Trim(),
            EmblemAndStatementTogether = checklist.EmblemAndStatementTogether!.Value,
            DisclaimerPresent = output.Type == OutputType.Publication ? checklist.DisclaimerPresent : null,
            PartnerLogosNotMoreProminent = checklist.PartnerLogosNotMoreProminent!.Value,
            Notes = string.IsNullOrWhiteSpace(checklist.Notes) ? null : checklist.Notes.Trim(),
        };
        check.Failed = Assess(check, output);
        return check;
    }

    private static List<FailedPoint> Assess(VisibilityCheck check, MediaOutput output)
    {
        var statement = FundingStatement.In(output.Language);
        var failed = new List<FailedPoint>();
        if (!check.EuEmblemPresent)
        {
            failed.Add(new(VisibilityPoint.EuEmblem, "The EU emblem."));
        }

        if (!check.FundingStatementPresent)
        {
            failed.Add(new(VisibilityPoint.FundingStatement, $"The funding statement in the output's language ({output.Language}): \"{statement}\"."));
        }
        else if (check.FundingStatementText is { } text && !FundingStatement.Matches(output.Language, text))
        {
            failed.Add(new(VisibilityPoint.FundingStatement, $"The statement printed is not the funding statement in {output.Language}: \"{statement}\"."));
        }

        // Together means both present and side by side: with either missing they cannot be.
        if (!check.EmblemAndStatementTogether || !check.EuEmblemPresent || !check.FundingStatementPresent)
        {
            failed.Add(new(VisibilityPoint.EmblemWithStatement, "The EU emblem and the funding statement shown together."));
        }

        if (output.Type == OutputType.Publication && check.DisclaimerPresent != true)
        {
            failed.Add(new(VisibilityPoint.Disclaimer, "The EU disclaimer a publication carries."));
        }

        if (!check.PartnerLogosNotMoreProminent)
        {
            failed.Add(new(VisibilityPoint.PartnerLogos, "Partners' logos no more prominent than the EU emblem."));
        }

        return failed;
    }

    private static void Required(bool? value, string field, ValidationErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, "Required: true or false.");
        }
    }
}
