using System.Text.Json;
using CcapBot.Persistence;
using CcapBot.Protocol.Schema;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Conversations.Outbox;

/// <summary>
/// Puts messages in the outbox as part of the caller's unit of work: the row is only added to the caller's
/// context, so the caller's SaveChanges commits it atomically with its domain change (or not at all), and the
/// <see cref="OutboxWorker"/> sends it once it is due.
/// </summary>
/// <remarks>
/// The same idempotency key never yields a second row: a key already in the context or the database is ignored
/// (the methods answer false). Two units of work racing to add the same key both pass that check; the unique
/// index then fails the second one's SaveChanges with a <see cref="DbUpdateException"/>, and the caller re-runs
/// its unit of work on fresh state (the turn pipeline already does this for every DbUpdateException), where the
/// check finds the committed row. The conflict is not swallowed here on purpose: the outbox row and the
/// domain change it belongs to must commit together.
/// </remarks>
public sealed partial class OutboxWriter(TimeProvider clock)
{
    /// <summary>The longest idempotency key (it is a unique index key on SQL Server).</summary>
    public const int MaxKeyLength = 400;

    /// <summary>Sends <paramref name="activity"/> to <paramref name="target"/> at or after <paramref name="dueAt"/>.</summary>
    /// <returns>False when a message with this key was already enqueued (nothing is added).</returns>
    public Task<bool> EnqueueAsync(CcapDbContext db, string idempotencyKey, OutboxTarget target, Activity activity, DateTimeOffset dueAt,
        string? topic = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (target.ConversationId is null && !(target.ChannelId == Channels.MsTeams && target.UserId is { Length: > 0 } && target.TenantId is { Length: > 0 }))
            throw new ArgumentException("A target without a conversation must be a Teams user with a tenant (OutboxTarget.TeamsUser).", nameof(target));
        return AddAsync(db, idempotencyKey, target, activity, dueAt, topic, updateActivityId: null, updateOfKey: null, cancellationToken);
    }

    /// <summary>Replaces the already sent activity <paramref name="activityId"/> in the target's conversation (e.g. the card a user clicked).</summary>
    public Task<bool> EnqueueUpdateAsync(CcapDbContext db, string idempotencyKey, OutboxTarget target, string activityId, Activity activity, DateTimeOffset dueAt,
        string? topic = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(activityId);
        if (target.ConversationId is null) throw new ArgumentException("An update needs the conversation the activity is in.", nameof(target));
        return AddAsync(db, idempotencyKey, target, activity, dueAt, topic, activityId, updateOfKey: null, cancellationToken);
    }

    /// <summary>
    /// Replaces whatever the outbox message <paramref name="updateOfKey"/> sent, in the conversation it was sent to
    /// (resolved at send time, so the original may still be pending). Later updates of the same message win: an
    /// update is dropped when a newer one was already sent.
    /// </summary>
    public async Task<bool> EnqueueUpdateOfAsync(CcapDbContext db, string idempotencyKey, string updateOfKey, Activity activity, DateTimeOffset dueAt,
        string? topic = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(updateOfKey);
        var original = Tracked(db, updateOfKey)
            ?? await db.OutboxMessages.AsNoTracking().FirstOrDefaultAsync(m => m.IdempotencyKey == updateOfKey, cancellationToken)
            ?? throw new InvalidOperationException($"There is no outbox message with key '{updateOfKey}' to update.");
        var target = new OutboxTarget
        {
            ChannelId = original.ChannelId, ServiceUrl = original.ServiceUrl, BotId = original.BotId,
            ConversationId = original.ConversationId, UserId = original.UserId, TenantId = original.TenantId,
        };
        return await AddAsync(db, idempotencyKey, target, activity, dueAt, topic, updateActivityId: null, updateOfKey, cancellationToken);
    }

    /// <summary>
    /// Enqueues many new messages with one query for the keys already taken (schedulers enqueue thousands at a
    /// time, and a query per key would grow with them). Keys already enqueued, or repeated in the list, are skipped.
    /// </summary>
    /// <returns>How many rows were added.</returns>
    public async Task<int> EnqueueManyAsync(CcapDbContext db, IReadOnlyList<OutboxRequest> requests, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count == 0) return 0;
        foreach (var request in requests)
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentException.ThrowIfNullOrWhiteSpace(request.IdempotencyKey);
            if (request.IdempotencyKey.Length > MaxKeyLength) throw new ArgumentException($"An idempotency key is at most {MaxKeyLength} characters.", nameof(requests));
            if (request.Target.ConversationId is null && !(request.Target.ChannelId == Channels.MsTeams && request.Target.UserId is { Length: > 0 } && request.Target.TenantId is { Length: > 0 }))
                throw new ArgumentException("A target without a conversation must be a Teams user with a tenant (OutboxTarget.TeamsUser).", nameof(requests));
        }
        var keys = requests.Select(r => r.IdempotencyKey).Distinct(StringComparer.Ordinal).ToList();
        // One JSON parameter, not a parameter per key: thousands of keys would pass SQL Server's 2,100-parameter limit.
        var taken = (await db.OutboxMessages.AsNoTracking().Where(m => EF.Parameter(keys).Contains(m.IdempotencyKey)).Select(m => m.IdempotencyKey).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            foreach (var entry in db.ChangeTracker.Entries<OutboxMessage>()) taken.Add(entry.Entity.IdempotencyKey);
            var added = 0;
            foreach (var request in requests)
            {
                if (!taken.Add(request.IdempotencyKey)) continue;
                db.OutboxMessages.Add(Row(request.IdempotencyKey, request.Target, request.Activity, request.DueAt, request.Topic, updateActivityId: null, updateOfKey: null));
                added++;
            }
            return added;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// The row with this key in the caller's context, if any. Keys never change after Add, so change detection (which
    /// DbSet.Local would run on every call, quadratic for a feature enqueueing hundreds of rows) is not needed.
    /// </summary>
    private static OutboxMessage? Tracked(CcapDbContext db, string idempotencyKey)
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return tracker.Entries<OutboxMessage>().FirstOrDefault(e => e.State != EntityState.Deleted && e.Entity.IdempotencyKey == idempotencyKey)?.Entity;
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

    private async Task<bool> AddAsync(CcapDbContext db, string idempotencyKey, OutboxTarget target, Activity activity, DateTimeOffset dueAt,
        string? topic, string? updateActivityId, string? updateOfKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        if (idempotencyKey.Length > MaxKeyLength) throw new ArgumentException($"An idempotency key is at most {MaxKeyLength} characters.", nameof(idempotencyKey));

        if (Tracked(db, idempotencyKey) is not null || await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == idempotencyKey, cancellationToken))
            return false;

        db.OutboxMessages.Add(Row(idempotencyKey, target, activity, dueAt, topic, updateActivityId, updateOfKey));
        return true;
    }

    private OutboxMessage Row(string idempotencyKey, OutboxTarget target, Activity activity, DateTimeOffset dueAt, string? topic, string? updateActivityId, string? updateOfKey)
    {
        ArgumentNullException.ThrowIfNull(activity);
        // Addressed now (names are known here); the conversation and serviceUrl are set at send time, when a
        // created conversation or a moved serviceUrl is known.
        var addressed = activity with
        {
            Id = null,
            Type = activity.Type ?? ActivityTypes.Message,
            ChannelId = target.ChannelId,
            From = activity.From ?? new ChannelAccount { Id = target.BotId, Name = target.BotName },
            Recipient = activity.Recipient ?? (target.UserId is null ? null : new ChannelAccount { Id = target.UserId, Name = target.UserName }),
        };
        return new OutboxMessage
        {
            IdempotencyKey = idempotencyKey,
            ChannelId = target.ChannelId,
            ServiceUrl = target.ServiceUrl,
            BotId = target.BotId,
            ConversationId = target.ConversationId,
            UserId = target.UserId,
            TenantId = target.TenantId,
            Activity = JsonSerializer.Serialize(addressed, ProtocolJsonContext.Default.Activity),
            UpdateActivityId = updateActivityId,
            UpdateOfKey = updateOfKey,
            Status = OutboxStatus.Pending,
            CreatedAt = clock.GetUtcNow(),
            DueAt = dueAt,
            Topic = topic,
        };
    }
}

/// <summary>One message for <see cref="OutboxWriter.EnqueueManyAsync"/>.</summary>
public sealed record OutboxRequest(string IdempotencyKey, OutboxTarget Target, Activity Activity, DateTimeOffset DueAt, string? Topic = null);
