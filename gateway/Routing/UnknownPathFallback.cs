namespace Platform.Gateway.Routing;

/// <summary>Whatever no service route, health endpoint or other endpoint matches is a 404 problem.</summary>
public static class UnknownPathFallback
{
    public static WebApplication MapUnknownPathFallback(this WebApplication app)
    {
        var services = string.Join(", ", app.Services.GetRequiredService<GatewayOptions>().ServiceNames.Select(s => $"/api/{s}/"));
        // A fallback has the lowest order, so every real route wins; the catch-all pattern also takes paths with a dot.
        app.MapFallback("{**path}", (HttpContext context) => TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not found",
                detail: $"Nothing answers at {context.Request.Path}. The services are under {services}."))
            .ExcludeFromDescription();
        return app;
    }
}
