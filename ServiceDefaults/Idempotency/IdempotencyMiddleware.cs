using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Npgsql;
using Platform.ServiceDefaults.Data;
using Platform.ServiceDefaults.Security;

namespace Platform.ServiceDefaults.Idempotency;

/// <summary>
/// Makes a POST with an <c>Idempotency-Key</c> header safe to repeat. The command runs in one transaction of the
/// service's database that also writes the key's record with the response: both commit or neither does, so a crash
/// can neither lose the record of a command that ran nor keep the record of one that did not. A repeat with the same
/// body gets the first response again, marked <c>Idempotent-Replayed: true</c>; a repeat while the first still runs
/// waits for it (the key is held until it commits); the same key with a different body gets 422. Keys are
/// scoped to the caller and the route. A 5xx (or an exception) rolls back and leaves the key free to try again.
/// </summary>
internal sealed class IdempotencyMiddleware(RequestDelegate next, IProblemDetailsService problems, IOptions<IdempotencyOptions> options, TimeProvider clock)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeaderName = "Idempotent-Replayed";
    private const int MaxKeyLength = 200;

    public async Task InvokeAsync(HttpContext context)
    {
        if (!HttpMethods.IsPost(context.Request.Method) || !context.Request.Headers.TryGetValue(HeaderName, out var values)
            || context.RequestServices.GetService<ServiceDbContext>() is not { } database)
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength)
        {
            await WriteProblemAsync(context, StatusCodes.Status400BadRequest, "Invalid Idempotency-Key",
                $"The {HeaderName} header must be 1 to {MaxKeyLength} characters.", new Dictionary<string, string[]> { [HeaderName] = ["Must be 1 to 200 characters."] });
            return;
        }

        var seal = IdempotencySeal.For(options.Value.Secret ?? "", $"{context.User.Subject() ?? "anonymous"}:{context.Request.Path}", key);
        var fingerprint = seal.Fingerprint(await ReadBodyAsync(context.Request));
        var db = database.Context;
        var headers = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value);
        var originalBody = context.Response.Body;
        using var buffer = new MemoryStream();
        IdempotencyRecord? existing = null;
        try
        {
            context.Response.Body = buffer;
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
            {
                Reset(context, buffer, headers);
                db.ChangeTracker.Clear();
                // EF would wrap each SaveChanges of the command in a savepoint (two more round trips and a
                // subtransaction); the command's whole transaction is the unit here.
                db.Database.AutoSavepointsEnabled = false;
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                existing = await HoldKeyAsync(db, seal, ct);
                if (existing is not null)
                {
                    return;
                }

                await next(context);
                if (context.Response.StatusCode >= 500)
                {
                    return; // not an answer: rolled back, the client may try again with the same key
                }

                var body = buffer.ToArray();
                var location = context.Response.Headers.Location.ToString() is { Length: > 0 } l ? l : null;
                var resourceId = ResourceIdOf(location, context.Response.ContentType, body);
                var sealedBody = seal.Seal(body);
                FormattableString record =
                    $"INSERT INTO idempotency_records (key_hash, fingerprint, created_at, status_code, content_type, location, sealed_body, resource_id) VALUES ({seal.KeyHash}, {fingerprint}, {clock.GetUtcNow()}, {context.Response.StatusCode}, {context.Response.ContentType}, {location}, {sealedBody}, {resourceId}) ON CONFLICT (key_hash) DO NOTHING";
                int recorded;
                try
                {
                    recorded = await db.Database.ExecuteSqlAsync(record, ct);
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InFailedSqlTransaction)
                {
                    // A statement of the command failed and the endpoint answered instead of throwing. Without the
                    // savepoints the transaction is lost: nothing the command did stands, and its answer is recorded
                    // on its own.
                    await transaction.RollbackAsync(ct);
                    await db.Database.ExecuteSqlAsync(record, ct);
                    return;
                }

                if (recorded == 0)
                {
                    // Recorded meanwhile by a request that did not hold the key (an instance of an earlier version,
                    // during a rolling update): that answer stands, this command's effects are rolled back.
                    await transaction.RollbackAsync(ct);
                    Reset(context, buffer, headers);
                    existing = await db.Set<IdempotencyRecord>().AsNoTracking().SingleAsync(r => r.KeyHash == seal.KeyHash, ct);
                    return;
                }

                await transaction.CommitAsync(ct);
            }, context.RequestAborted);
        }
        finally
        {
            context.Response.Body = originalBody;
        }

        if (existing is not null)
        {
            await AnswerRepeatAsync(context, existing, fingerprint, seal);
            return;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(originalBody, context.RequestAborted);
    }

    /// <summary>
    /// In one round trip: holds the key until the transaction ends (a repeat while this request runs waits here, a
    /// transaction-level advisory lock on the key's hash), then reads the record of a request with this key that has
    /// committed, in a statement of its own so that it sees what committed while it waited. The record is written
    /// once, complete, at the end: no claim row to insert first and update afterwards.
    /// </summary>
    private static async Task<IdempotencyRecord?> HoldKeyAsync(DbContext db, IdempotencySeal seal, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var batch = new NpgsqlBatch(connection, (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction())
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock($1)") { Parameters = { new() { Value = seal.LockId } } },
                new NpgsqlBatchCommand("SELECT fingerprint, status_code, content_type, location, sealed_body FROM idempotency_records WHERE key_hash = $1")
                {
                    Parameters = { new() { Value = seal.KeyHash } },
                },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.NextResultAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        return new IdempotencyRecord
        {
            KeyHash = seal.KeyHash,
            Fingerprint = reader.GetString(0),
            StatusCode = reader.GetInt32(1),
            ContentType = reader.IsDBNull(2) ? null : reader.GetString(2),
            Location = reader.IsDBNull(3) ? null : reader.GetString(3),
            SealedBody = reader.IsDBNull(4) ? null : reader.GetFieldValue<byte[]>(4),
        };
    }

    /// <summary>A retried attempt (the database failed for a moment) starts from the request as it came in.</summary>
    private static void Reset(HttpContext context, MemoryStream buffer, Dictionary<string, StringValues> headers)
    {
        buffer.SetLength(0);
        context.Request.Body.Position = 0;
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers.Clear();
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }
    }

    private async Task AnswerRepeatAsync(HttpContext context, IdempotencyRecord existing, string fingerprint, IdempotencySeal seal)
    {
        if (existing.Fingerprint != fingerprint)
        {
            await WriteProblemAsync(context, StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused",
                "This key was already used for a different request; use a new key for a new command.", null);
            return;
        }

        context.Response.StatusCode = existing.StatusCode;
        context.Response.ContentType = existing.ContentType;
        if (existing.Location is not null)
        {
            context.Response.Headers.Location = existing.Location;
        }

        context.Response.Headers[ReplayedHeaderName] = "true";
        if (existing.SealedBody is { } sealedBody)
        {
            await context.Response.Body.WriteAsync(seal.Open(sealedBody), context.RequestAborted);
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return copy.ToArray();
    }

    /// <summary>The resource the answer is about: the last segment of its Location, or the <c>id</c> of its JSON body.</summary>
    private static Guid? ResourceIdOf(string? location, string? contentType, byte[] body)
    {
        if (location is not null && Guid.TryParse(location.TrimEnd('/').Split('/')[^1], out var fromLocation))
        {
            return fromLocation;
        }

        if (contentType?.Contains("json", StringComparison.OrdinalIgnoreCase) != true || body.Length == 0)
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("id", out var id) && id.TryGetGuid(out var value)
                ? value
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task WriteProblemAsync(HttpContext context, int status, string title, string detail, IDictionary<string, string[]>? errors)
    {
        context.Response.StatusCode = status;
        ProblemDetails problem = errors is null
            ? new ProblemDetails { Status = status, Title = title, Detail = detail }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = title, Detail = detail };
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }
}
