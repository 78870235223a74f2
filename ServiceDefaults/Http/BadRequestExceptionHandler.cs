using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Platform.ServiceDefaults.Domain;

namespace Platform.ServiceDefaults.Http;

/// <summary>
/// Turns what a client got wrong into a 400 (or 409) problem instead of a 500: the JSON path of a value that
/// could not be read becomes the field name in <c>errors</c>.
/// </summary>
internal sealed class BadRequestExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } when IsDuplicate(json) => Invalid(DuplicateOf(json), "This key appears more than once (keys are compared ignoring case)."),
            BadHttpRequestException { InnerException: JsonException json } => Invalid(FieldOf(json.Path), ReasonOf(json)),
            DomainValidationException invalid => new HttpValidationProblemDetails(invalid.Errors)
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more validation errors occurred.",
            },
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } bad =>
                new ProblemDetails { Status = bad.StatusCode, Title = "Unsupported media type", Detail = "Send the body as application/json." },
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
                new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = "Request body too large" },
            // A charset .NET does not know (application/json; charset=x-foo): ReadFromJsonAsync throws before reading.
            InvalidOperationException { InnerException: ArgumentException } charset when charset.TargetSite?.DeclaringType == typeof(HttpRequestJsonExtensions) =>
                new ProblemDetails { Status = StatusCodes.Status415UnsupportedMediaType, Title = "Unsupported media type", Detail = "Send the body as application/json in UTF-8." },
            // A value PostgreSQL cannot store as text (a NUL character) that reached the database by a way other than a JSON body.
            _ when UnstorableText(exception) => Invalid("body", StorableStringConverter.Reason),
            BadHttpRequestException bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) =>
                Invalid("body", "A JSON body is required."),
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
            RuleViolationException violation => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Not allowed now",
                Detail = violation.Message,
                Extensions = { ["code"] = violation.Code },
            },
            // Two requests racing to create the same record: the unique index decides, the loser is told.
            DbUpdateException { InnerException: PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } } => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "Not allowed now",
                Detail = "This record already exists.",
                Extensions = { ["code"] = "already-exists" },
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The record was changed by someone else",
                Detail = "Read it again and repeat the change.",
                Extensions = { ["code"] = "concurrent-change" },
            },
            // The database is down or restarting (the retries of the execution strategy did not outlast it): nothing
            // was committed, the client may repeat the command.
            _ when DatabaseUnavailable(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The database cannot be reached",
                Detail = "Nothing was changed. Try again in a few seconds.",
            },
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }

        if (problem.Status == StatusCodes.Status503ServiceUnavailable)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// A failure to reach PostgreSQL, not an error of the statement: no connection (refused, cut, timed out), or the
    /// server shutting down or starting up (class 08 connection exceptions, 57P01-57P03).
    /// </summary>
    internal static bool DatabaseUnavailable(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres when postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || postgres.SqlState is "57P01" or "57P02" or "57P03":
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException:
                    return true; // not a server error: the connection itself failed
            }
        }

        return false;
    }

    private static bool UnstorableText(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // 22021: invalid byte sequence for the encoding (a NUL in text); 22P05: an escape jsonb cannot store (\u0000).
            if (e is PostgresException { SqlState: "22021" or "22P05" })
            {
                return true;
            }
        }

        return false;
    }

    private static HttpValidationProblemDetails Invalid(string field, string reason) =>
        new(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more validation errors occurred.",
        };

    /// <summary><c>$.name.en</c> becomes <c>name.en</c>; a body that is not JSON at all is <c>body</c>.</summary>
    internal static string FieldOf(string? jsonPath)
    {
        if (string.IsNullOrEmpty(jsonPath) || jsonPath == "$")
        {
            return "body";
        }

        var field = jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
        return field.Replace("['", ".", StringComparison.Ordinal).Replace("']", "", StringComparison.Ordinal).TrimStart('.');
    }

    private static bool IsDuplicate(JsonException json) => json.Message.StartsWith("Duplicate", StringComparison.Ordinal);

    /// <summary>The repeated key in the client's terms: its path, each name camelCase (<c>Name</c> sent twice is <c>name</c>).</summary>
    private static string DuplicateOf(JsonException json)
    {
        var field = FieldOf(json.Path);
        var quoted = json.Message.Split('\'');
        if (quoted.Length >= 3 && quoted[1].Length > 0)
        {
            var parent = field.Contains('.', StringComparison.Ordinal) ? field[..field.LastIndexOf('.')] + "." : "";
            field = field == "body" || !field.EndsWith(quoted[1], StringComparison.OrdinalIgnoreCase) ? quoted[1] : parent + quoted[1];
        }

        return string.Join('.', field.Split('.').Select(part => part.Length > 0 ? char.ToLowerInvariant(part[0]) + part[1..] : part));
    }

    private static string ReasonOf(JsonException json) =>
        // System.Text.Json's messages name .NET types; say it in the client's terms.
        json.Message.Contains("could not be mapped", StringComparison.Ordinal)
            ? "This field is not part of the request."
            : json.Message.StartsWith(StorableStringConverter.Reason, StringComparison.Ordinal) ? StorableStringConverter.Reason
            : json.Message.StartsWith(PlausibleDates.Reason, StringComparison.Ordinal) ? PlausibleDates.Reason
            : json.Path is null or "$" ? "The body is not valid JSON." : "The value has the wrong type or is not one of the allowed values.";
}
