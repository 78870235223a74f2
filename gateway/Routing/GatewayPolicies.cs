using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.ServiceDefaults.Security;

namespace Platform.Gateway.Routing;

/// <summary>The policies routes refer to by name: who may pass, and how often.</summary>
public static class GatewayPolicies
{
    /// <summary>YARP's own name for a route that needs no authentication.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>A caller with a valid token from the platform's token server.</summary>
    public const string Caller = "platform-caller";

    public const string PerClient = "per-client";

    /// <summary>The token server's sign-in and token endpoints: a small budget per client address.</summary>
    public const string SignIn = "sign-in";

    public static IHostApplicationBuilder AddGatewayPolicies(this IHostApplicationBuilder builder, GatewayOptions options)
    {
        builder.AddPlatformAuthentication();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Caller, policy => policy.RequireAuthenticatedUser());

        builder.AddRealClientAddress(options);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<SharedRateLimits>();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(PerClient, context => Limits(context).FixedWindow(PartitionOf(context), options.RateLimitPermits, options.RateLimitWindow));
            // By address only, token or not: a guesser holds no token, and one client's tokens must not buy more guesses.
            limiter.AddPolicy(SignIn, context => Limits(context).FixedWindow(
                $"sign-in:ip:{context.Connection.RemoteIpAddress}", options.SignInRateLimitPermits, options.SignInRateLimitWindow));
            limiter.OnRejected = WriteTooManyRequestsAsync;
        });
        return builder;
    }

    private static SharedRateLimits Limits(HttpContext context) => context.RequestServices.GetRequiredService<SharedRateLimits>();

    /// <summary>A machine client by its client id, a person by their subject, anyone else by address.</summary>
    internal static string PartitionOf(HttpContext context) =>
        context.User.ClientId() is { } clientId && context.User.Subject() is { } subject && subject == clientId ? $"client:{clientId}"
        : context.User.Subject() is { } person ? $"user:{person}"
        : $"ip:{context.Connection.RemoteIpAddress}";

    /// <summary>
    /// When the budget has room again. The local limiter gives it as a <see cref="TimeSpan"/>; the Redis one under a name
    /// of its own, in whole seconds (read only the first way, every shared budget's 429 said "1 s").
    /// </summary>
    private static TimeSpan RetryAfterOf(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
        : lease.TryGetMetadata(RedisRateLimiting.RateLimitMetadataName.RetryAfter, out var seconds) ? TimeSpan.FromSeconds(seconds)
        : TimeSpan.FromSeconds(1);

    private static async ValueTask WriteTooManyRequestsAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var seconds = Math.Max(1, (int)Math.Ceiling(RetryAfterOf(rejected.Lease).TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This client's request budget is spent; try again in {seconds} s.",
            },
        });
    }
}
