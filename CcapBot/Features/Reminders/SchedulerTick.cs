using CcapBot.Conversations.Outbox;
using CcapBot.Features.Access;
using CcapBot.Features.Tracking;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CcapBot.Features.Reminders;

/// <summary>What one tick did.</summary>
/// <param name="Skipped">Another instance ticked this window first (or it was already covered): nothing was written.</param>
public sealed record TickResult(DateTimeOffset From, DateTimeOffset Until, int Planned, int Enqueued, int Dropped, bool Skipped);

/// <summary>
/// One scheduler tick: reads domain state set-based (<see cref="TickFacts"/>, the recipients, the snoozes), plans
/// the messages whose occasion fell since the previous tick (<see cref="NoticePlanner"/>), delays each into its
/// recipient's working hours and past any snooze or "away", and enqueues them in the outbox together with the
/// moved cursor, in one SaveChanges. The cursor's concurrency token lets only one of several instances commit a
/// window; the idempotency keys make a message impossible to enqueue twice even so. The query count is fixed:
/// it does not grow with partnerships, activities or people.
/// </summary>
public sealed partial class SchedulerTick(
    OutboxWriter outbox,
    TrackingCards cards,
    IOptions<SchedulerOptions> options,
    IOptions<CoordinatorOptions> coordinators,
    ILogger<SchedulerTick> log)
{
    public const string CursorName = "tracking";

    public async Task<TickResult> RunAsync(CcapDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = options.Value;
        var cursor = await db.SchedulerCursors.FirstOrDefaultAsync(c => c.Name == CursorName, cancellationToken);
        var from = cursor?.TickedUntil ?? now - settings.FirstTickLookback;
        if (from >= now) return new TickResult(from, now, 0, 0, 0, Skipped: true);
        if (now - from > settings.MaxCatchUp)
        {
            LogCatchUpCapped(log, from, now - settings.MaxCatchUp);
            from = now - settings.MaxCatchUp;
        }
        var window = new TickWindow(from, now);

        var facts = await TickFacts.LoadAsync(db, window, settings, cancellationToken);
        var representatives = await Recipients.RepresentativesAsync(db, null, cancellationToken);
        var coordinatorList = await Recipients.CoordinatorsAsync(db, coordinators.Value, cancellationToken);
        var snoozes = (await db.ReminderSnoozes.AsNoTracking().Where(s => s.Until > now).Select(s => new { s.ChannelId, s.UserId, s.Subject, s.Until }).ToListAsync(cancellationToken))
            .ToDictionary(s => (s.ChannelId, s.UserId, s.Subject), s => s.Until);

        var notices = new NoticePlanner(facts, window, settings, representatives, coordinatorList, cards).Plan();
        var rendered = new Dictionary<(string, string, string, bool), Protocol.Schema.Activity>();
        var requests = new List<OutboxRequest>(notices.Count);
        var dropped = 0;
        foreach (var notice in notices)
        {
            var notBefore = notice.Release > now ? notice.Release : now;
            if (snoozes.TryGetValue((notice.To.ChannelId, notice.To.UserId, notice.Topic), out var until) && until > notBefore) notBefore = until;
            if (notice.To.Hours.NextSlot(notBefore, notice.Before) is not { } dueAt)
            {
                // No working hour left before the occasion passes (a 1 h meeting reminder at night, a long absence).
                dropped++;
                continue;
            }
            // Messages with the same content for people reading alike are bound once.
            var cacheKey = (notice.ContentKey, notice.To.Language, notice.To.Hours.Zone.Id, notice.To.UniversalActions);
            if (!rendered.TryGetValue(cacheKey, out var activity))
                rendered[cacheKey] = activity = TrackingCards.Message(notice.Render(notice.To), notice.To.Language);
            requests.Add(new OutboxRequest(notice.Key, notice.To.Target, activity, dueAt, notice.Topic));
        }

        var enqueued = await outbox.EnqueueManyAsync(db, requests, cancellationToken);
        if (cursor is null)
        {
            db.SchedulerCursors.Add(new SchedulerCursor { Name = CursorName, TickedUntil = now });
        }
        else
        {
            cursor.TickedUntil = now;
            cursor.Version++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            // Another instance committed this window (the cursor moved, or it inserted the same keys first).
            db.ChangeTracker.Clear();
            LogLostRace(log, e is DbUpdateConcurrencyException ? "cursor moved" : "key taken");
            return new TickResult(from, now, notices.Count, 0, dropped, Skipped: true);
        }
        LogTicked(log, from, now, notices.Count, enqueued, dropped);
        return new TickResult(from, now, notices.Count, enqueued, dropped, Skipped: false);
    }

    [LoggerMessage(EventId = 7200, Level = LogLevel.Debug, Message = "Scheduler tick ({From} → {Until}]: {Planned} planned, {Enqueued} enqueued, {Dropped} dropped")]
    private static partial void LogTicked(ILogger logger, DateTimeOffset from, DateTimeOffset until, int planned, int enqueued, int dropped);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Another instance ticked first ({Reason}); this tick wrote nothing")]
    private static partial void LogLostRace(ILogger logger, string reason);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "The scheduler last ticked at {LastTick}; occasions before {CatchUpFrom} are not announced late")]
    private static partial void LogCatchUpCapped(ILogger logger, DateTimeOffset lastTick, DateTimeOffset catchUpFrom);
}
