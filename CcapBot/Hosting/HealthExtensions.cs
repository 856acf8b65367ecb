using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace CcapBot.Hosting;

public static class HealthExtensions
{
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks();
        return builder;
    }

    /// <summary>
    /// <c>/alive</c>: the process answers (App Service liveness). <c>/ready</c>: the database answers
    /// (readiness; App Service health check path). Neither shows details.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });
        return app;
    }
}
