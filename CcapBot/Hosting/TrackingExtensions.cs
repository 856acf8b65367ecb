using CcapBot.Features.Reminders;
using CcapBot.Features.Results;
using CcapBot.Features.Tracking;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CcapBot.Hosting;

public static class TrackingExtensions
{
    /// <summary>
    /// Implementation tracking: the scheduler (check-ins, reminders, digests), status changes, results and their export.
    /// The scheduler is a singleton so tests and the benchmark with Scheduler:Enabled=false can tick it themselves.
    /// </summary>
    public static IHostApplicationBuilder AddTracking(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SchedulerOptions>().BindConfiguration(SchedulerOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ResultsExportOptions>().BindConfiguration(ResultsExportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TrackingCards>();
        services.AddScoped<ActivityChanges>();
        services.AddSingleton<SchedulerTick>();
        services.AddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        // Download links from chat are protected with the app's key ring (shared by instances on App Service).
        services.AddDataProtection();
        services.AddSingleton<ExportLinks>();
        return builder;
    }

    public static WebApplication MapTracking(this WebApplication app)
    {
        app.MapResultsExport();
        return app;
    }
}
