using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Platform.Youth.Common;

/// <summary>A rule of the programme forbids this step now (a full cohort, an overlapping internship, ...): a 409.</summary>
public sealed class NotAllowedNowException(string message) : Exception(message);

/// <summary>
/// Turns <see cref="NotAllowedNowException"/> and a unique-index violation (two requests racing to create the same
/// record) into a 409 problem that says why.
/// </summary>
internal sealed class NotAllowedNowHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var detail = exception switch
        {
            NotAllowedNowException notAllowed => notAllowed.Message,
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } =>
                "This record already exists.",
            _ => null,
        };
        if (detail is null)
        {
            return false;
        }

        context.Response.StatusCode = StatusCodes.Status409Conflict;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "Not allowed now", Detail = detail },
            Exception = exception,
        });
    }
}
