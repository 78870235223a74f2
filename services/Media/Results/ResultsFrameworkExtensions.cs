namespace Platform.Media.Results;

public static class ResultsFrameworkExtensions
{
    /// <summary>The results framework: facts from every service's events (its consumer is found with the assembly's), actuals, exports.</summary>
    public static IHostApplicationBuilder AddResultsFramework(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ResultsStore>();
        return builder;
    }

    public static WebApplication MapResultsFramework(this WebApplication app)
    {
        app.MapResultsApi();
        return app;
    }
}
