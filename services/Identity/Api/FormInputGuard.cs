using System.Text.Json;

namespace Platform.Identity.Api;

/// <summary>
/// The token server's forms (token, introspection, sign-in) are read by OpenIddict and by the account pages, which
/// hand the values to the database: a control character there (a NUL in a client id) became a 500 for an anonymous
/// caller. No field of these forms can hold one, so a form that does is refused before anyone reads it: as an OAuth
/// <c>invalid_request</c> (RFC 6749 §5.2) on the protocol endpoints, as a 400 problem naming the field elsewhere.
/// </summary>
internal sealed class FormInputGuard(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
        {
            IFormCollection form;
            try
            {
                form = await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException)
            {
                await RefuseAsync(context, "body", "The form could not be read.");
                return;
            }

            foreach (var (name, values) in form)
            {
                if (HasControlCharacter(name) || values.Any(v => v is not null && HasControlCharacter(v)))
                {
                    await RefuseAsync(context, HasControlCharacter(name) ? "body" : name, "Control characters are not allowed here.");
                    return;
                }
            }
        }

        await next(context);
    }

    private static bool HasControlCharacter(string value) => value.AsSpan().ContainsAnyInRange('\u0000', '\u001f') || value.Contains('\u007f');

    private static async Task RefuseAsync(HttpContext context, string field, string reason)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        if (context.Request.Path.Value?.Contains("/connect/", StringComparison.Ordinal) == true)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = "invalid_request", error_description = $"{field}: {reason}" }), context.RequestAborted);
            return;
        }

        await TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [reason] }).ExecuteAsync(context);
    }
}
