namespace Platform.ServiceDefaults.Domain;

/// <summary>
/// A rule of the programme refuses a step now (a call not open, a deadline passed, an envelope spent, a cohort full):
/// the API answers 409 with <see cref="Code"/> and the reason, and nothing changes.
/// </summary>
public sealed class RuleViolationException(string code, string reason) : Exception(reason)
{
    /// <summary>A stable, kebab-case code a client can act on (<c>deadline-passed</c>, <c>places-taken</c>, ...).</summary>
    public string Code { get; } = code;
}
