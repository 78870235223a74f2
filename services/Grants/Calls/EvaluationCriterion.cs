namespace Platform.Grants.Calls;

/// <summary>
/// One thing evaluators score (relevance, feasibility, ...): scored from 0 to <see cref="MaxScore"/>; its
/// <see cref="Weight"/> is its share, in percent, of the weighted total. A call's weights sum to 100.
/// </summary>
public sealed record EvaluationCriterion(string Code, string Name, int Weight, int MaxScore);
