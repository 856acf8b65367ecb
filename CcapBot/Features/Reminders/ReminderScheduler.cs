using CcapBot.Persistence;
using Microsoft.Extensions.Options;

namespace CcapBot.Features.Reminders;

/// <summary>Runs a <see cref="SchedulerTick"/> every <see cref="SchedulerOptions.TickInterval"/> on the app's clock.</summary>
public sealed partial class ReminderScheduler(
    IServiceScopeFactory scopes,
    SchedulerTick tick,
    TimeProvider clock,
    IOptions<SchedulerOptions> options,
    ILogger<ReminderScheduler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(log);
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await TickAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The next tick covers this one's window too (the cursor did not move): nothing is lost.
                LogTickFailed(log, e);
            }
            try
            {
                await Task.Delay(settings.TickInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>One tick now, in a scope of its own.</summary>
    public async Task<TickResult> TickAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CcapDbContext>();
        return await tick.RunAsync(db, clock.GetUtcNow(), cancellationToken);
    }

    [LoggerMessage(EventId = 7210, Level = LogLevel.Information, Message = "The tracking scheduler is disabled (Scheduler:Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(EventId = 7211, Level = LogLevel.Error, Message = "A scheduler tick failed; the next one covers its window")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
