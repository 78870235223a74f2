using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Platform.Grants.Funding;

/// <summary>
/// A rule of the grant cycle refuses a step now (a call not open, a deadline passed, an envelope spent, a tranche
/// held): the API answers 409 with <see cref="Code"/> and the reason, and nothing changes.
/// </summary>
public sealed class RuleViolationException(string code, string reason) : Exception(reason)
{
    public string Code { get; } = code;
}

/// <summary>Turns a <see cref="RuleViolationException"/> into a 409 problem.</summary>
internal sealed class RuleViolationHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not RuleViolationException violation)
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status409Conflict;
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Not allowed now",
            Detail = violation.Message,
            Extensions = { ["code"] = violation.Code },
        };
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }
}
