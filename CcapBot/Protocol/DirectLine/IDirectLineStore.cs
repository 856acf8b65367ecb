namespace CcapBot.Protocol.DirectLine;

/// <summary>
/// Where web chat conversations and their activities live (the database; implemented in Persistence).
/// Every write that changes what clients see gives the activity a new, higher sequence number: the
/// sequence is the watermark, so "after watermark" finds new messages and updates alike.
/// </summary>
public interface IDirectLineStore
{
    Task<DirectLineConversationInfo?> FindConversationAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>The user's most recent conversation, so a returning browser resumes it.</summary>
    Task<DirectLineConversationInfo?> FindLatestConversationOfUserAsync(string userId, CancellationToken cancellationToken);

    /// <summary>Adds the conversation unless it exists; returns the stored one either way.</summary>
    Task<DirectLineConversationInfo> EnsureConversationAsync(DirectLineConversationInfo conversation, CancellationToken cancellationToken);

    /// <returns>True for the one caller that marked it started (it tells the bot); false if it already was.</returns>
    Task<bool> MarkStartedAsync(string conversationId, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <returns>The new sequence, or null when the conversation does not exist.</returns>
    Task<long?> AppendAsync(string conversationId, string activityId, string json, DateTimeOffset now, CancellationToken cancellationToken);

    Task<StoredActivity?> FindActivityAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>Replaces an activity: the old row goes, the new JSON gets a new sequence (pollers see the update).</summary>
    /// <returns>The new sequence, or null when there is no such activity.</returns>
    Task<long?> ReplaceAsync(string conversationId, string activityId, string json, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> DeleteAsync(string conversationId, string activityId, CancellationToken cancellationToken);

    /// <summary>Activities with a sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<StoredActivity>> ReadAsync(string conversationId, long afterSequence, int max, CancellationToken cancellationToken);

    /// <summary>The highest sequence in the conversation, 0 when it has none.</summary>
    Task<long> LatestSequenceAsync(string conversationId, CancellationToken cancellationToken);
}

public sealed record DirectLineConversationInfo(string Id, string UserId, string? UserName, string? Locale, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt);

/// <param name="Json">The activity as sent to clients (ProtocolJsonContext).</param>
public sealed record StoredActivity(long Sequence, string ActivityId, string Json);
