using CcapBot.Protocol.DirectLine;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Persistence;

/// <summary>
/// Web chat conversations and activities in the database. The activity's <see cref="DirectLineActivity.Sequence"/>
/// (an identity, never reused: SQLite AUTOINCREMENT, SQL Server IDENTITY) is the watermark.
/// </summary>
public sealed class DirectLineStore(CcapDbContext db) : IDirectLineStore
{
    public Task<DirectLineConversationInfo?> FindConversationAsync(string conversationId, CancellationToken cancellationToken) =>
        db.DirectLineConversations.AsNoTracking().Where(c => c.Id == conversationId)
            .Select(c => new DirectLineConversationInfo(c.Id, c.UserId, c.UserName, c.Locale, c.CreatedAt, c.StartedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<DirectLineConversationInfo?> FindLatestConversationOfUserAsync(string userId, CancellationToken cancellationToken) =>
        db.DirectLineConversations.AsNoTracking().Where(c => c.UserId == userId)
            .OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new DirectLineConversationInfo(c.Id, c.UserId, c.UserName, c.Locale, c.CreatedAt, c.StartedAt))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<DirectLineConversationInfo> EnsureConversationAsync(DirectLineConversationInfo conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (await FindConversationAsync(conversation.Id, cancellationToken) is { } existing) return existing;
        db.DirectLineConversations.Add(new DirectLineConversation
        {
            Id = conversation.Id,
            UserId = conversation.UserId,
            UserName = conversation.UserName,
            Locale = conversation.Locale,
            CreatedAt = conversation.CreatedAt,
            LastActivityAt = conversation.CreatedAt,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return conversation;
        }
        catch (DbUpdateException)
        {
            // Another request created it first (primary key); theirs stands.
            db.ChangeTracker.Clear();
            return await FindConversationAsync(conversation.Id, cancellationToken) ?? throw new InvalidOperationException($"Conversation {conversation.Id} could not be stored.");
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public async Task<bool> MarkStartedAsync(string conversationId, DateTimeOffset startedAt, CancellationToken cancellationToken) =>
        await db.DirectLineConversations.Where(c => c.Id == conversationId && c.StartedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.StartedAt, startedAt).SetProperty(c => c.LastActivityAt, startedAt), cancellationToken) == 1;

    public Task<long?> AppendAsync(string conversationId, string activityId, string json, DateTimeOffset now, CancellationToken cancellationToken) =>
        InConversationLockAsync(conversationId, now, async () =>
        {
            var row = new DirectLineActivity { ConversationId = conversationId, ActivityId = activityId, Json = json, CreatedAt = now };
            db.DirectLineActivities.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            return (long?)row.Sequence;
        }, cancellationToken);

    public Task<StoredActivity?> FindActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        db.DirectLineActivities.AsNoTracking().Where(a => a.ConversationId == conversationId && a.ActivityId == activityId)
            .Select(a => new StoredActivity(a.Sequence, a.ActivityId, a.Json))
            .FirstOrDefaultAsync(cancellationToken);

    public Task<long?> ReplaceAsync(string conversationId, string activityId, string json, DateTimeOffset now, CancellationToken cancellationToken) =>
        InConversationLockAsync(conversationId, now, async () =>
        {
            // Delete, then insert: the (conversation, activity id) index is unique, and the new row gets a
            // higher sequence than anything a client has seen.
            var deleted = await db.DirectLineActivities.Where(a => a.ConversationId == conversationId && a.ActivityId == activityId)
                .ExecuteDeleteAsync(cancellationToken);
            if (deleted == 0) return null;
            var row = new DirectLineActivity { ConversationId = conversationId, ActivityId = activityId, Json = json, CreatedAt = now };
            db.DirectLineActivities.Add(row);
            await db.SaveChangesAsync(cancellationToken);
            return (long?)row.Sequence;
        }, cancellationToken);

    public async Task<bool> DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken) =>
        await db.DirectLineActivities.Where(a => a.ConversationId == conversationId && a.ActivityId == activityId).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken) =>
        await db.DirectLineActivities.AsNoTracking()
            .Where(a => a.ConversationId == conversationId && a.Sequence > afterSequence)
            .OrderBy(a => a.Sequence)
            .Take(max)
            .Select(a => new StoredActivity(a.Sequence, a.ActivityId, a.Json))
            .ToListAsync(cancellationToken);

    public async Task<long> LatestSequenceAsync(string conversationId, CancellationToken cancellationToken) =>
        await db.DirectLineActivities.Where(a => a.ConversationId == conversationId).MaxAsync(a => (long?)a.Sequence, cancellationToken) ?? 0;

    /// <summary>
    /// Runs <paramref name="write"/> in a transaction that first updates the conversation row. That row lock
    /// orders writers of one conversation, so their sequences commit in increasing order: a reader never
    /// sees sequence N+1 while N is still uncommitted (SQL Server hands out identities before commit), and
    /// a watermark never skips an activity. Null (nothing written) when the conversation does not exist.
    /// </summary>
    private Task<long?> InConversationLockAsync(string conversationId, DateTimeOffset now, Func<Task<long?>> write, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var locked = await db.DirectLineConversations.Where(c => c.Id == conversationId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LastActivityAt, now), cancellationToken);
            if (locked == 0) return null;
            var sequence = await write();
            if (sequence is null) return null;
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return sequence;
        });
}
