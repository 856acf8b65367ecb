using CcapBot.Conversations.Outbox;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CcapBot.Hosting;

public static class OutboxExtensions
{
    /// <summary>
    /// The outbox: features enqueue through <see cref="OutboxWriter"/> in their own unit of work; the worker sends.
    /// The worker is a singleton so tests with Outbox:Enabled=false can drive it (RunOnceAsync).
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<OutboxWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxWorker>());
        return builder;
    }
}
