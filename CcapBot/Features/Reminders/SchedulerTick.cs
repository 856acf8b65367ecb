using System.Data.Common;
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
    Audience audience,
    ILogger<SchedulerTick> log)
{
    public const string CursorName = "tracking";

    public async Task<TickResult> RunAsync(CcapDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var settings = options.Value;
        var cursor = await db.SchedulerCursors.AsNoTracking().FirstOrDefaultAsync(c => c.Name == CursorName, cancellationToken);
        var from = cursor?.TickedUntil ?? now - settings.FirstTickLookback;
        if (from >= now) return new TickResult(from, now, 0, 0, 0, Skipped: true);
        if (now - from > settings.MaxCatchUp)
        {
            LogCatchUpCapped(log, from, now - settings.MaxCatchUp);
            from = now - settings.MaxCatchUp;
        }
        var window = new TickWindow(from, now);

        var coordinatorList = await audience.CoordinatorsAsync(db, cancellationToken);
        var digest = coordinatorList.Any(c => window.Contains(NoticePlanner.DigestOccasion(c.Hours.Zone, now, settings).Occasion));
        var facts = await TickFacts.LoadAsync(db, window, settings, digest, cancellationToken);
        var representatives = await audience.RepresentativesAsync(db, null, cancellationToken);
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

        int? enqueued;
        try
        {
            enqueued = await CommitAsync(db, cursor, now, requests, cancellationToken);
        }
        catch (DbException e) when (IsConflict(e))
        {
            enqueued = null;
        }
        catch (DbUpdateException)
        {
            enqueued = null;
        }
        if (enqueued is null)
        {
            // Another instance committed this window first (it moved the cursor, or inserted the first cursor).
            db.ChangeTracker.Clear();
            LogLostRace(log);
            return new TickResult(from, now, notices.Count, 0, dropped, Skipped: true);
        }
        LogTicked(log, from, now, notices.Count, enqueued.Value, dropped);
        return new TickResult(from, now, notices.Count, enqueued.Value, dropped, Skipped: false);
    }

    /// <summary>
    /// Moves the cursor (only from the version this tick read: compare-and-swap) and inserts the messages, in one
    /// transaction. Null when the cursor had moved: the transaction is rolled back and nothing is written.
    /// </summary>
    private async Task<int?> CommitAsync(CcapDbContext db, SchedulerCursor? cursor, DateTimeOffset now, IReadOnlyList<OutboxRequest> requests, CancellationToken cancellationToken)
    {
        // SQL Server's retrying strategy needs the whole transaction as one retriable unit.
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (cursor is null)
            {
                db.SchedulerCursors.Add(new SchedulerCursor { Name = CursorName, TickedUntil = now });
                await db.SaveChangesAsync(cancellationToken);
            }
            else
            {
                var moved = await db.SchedulerCursors
                    .Where(c => c.Name == CursorName && c.Version == cursor.Version)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.TickedUntil, now).SetProperty(c => c.Version, cursor.Version + 1), cancellationToken);
                if (moved == 0)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    return (int?)null;
                }
            }
            var inserted = await outbox.InsertManyAsync(db, requests, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return inserted;
        });
    }

    /// <summary>A unique-key violation: the first cursor row inserted by another instance at the same moment.</summary>
    private static bool IsConflict(DbException e) =>
        e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } || e is Microsoft.Data.SqlClient.SqlException { Number: 2601 or 2627 };

    [LoggerMessage(EventId = 7200, Level = LogLevel.Debug, Message = "Scheduler tick ({From} → {Until}]: {Planned} planned, {Enqueued} enqueued, {Dropped} dropped")]
    private static partial void LogTicked(ILogger logger, DateTimeOffset from, DateTimeOffset until, int planned, int enqueued, int dropped);

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "Another instance ticked first; this tick wrote nothing")]
    private static partial void LogLostRace(ILogger logger);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Warning, Message = "The scheduler last ticked at {LastTick}; occasions before {CatchUpFrom} are not announced late")]
    private static partial void LogCatchUpCapped(ILogger logger, DateTimeOffset lastTick, DateTimeOffset catchUpFrom);
}
