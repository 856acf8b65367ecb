namespace CcapBot.Persistence;

/// <summary>
/// One user in one conversation: the stored conversation reference for proactive messages plus that
/// user's dialog state. A group chat holds one row per user. <see cref="Version"/> is the optimistic
/// concurrency token: a turn that read an older version loses and re-runs on fresh state.
/// </summary>
public sealed class ConversationMember
{
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public required string UserId { get; set; }

    public string? UserName { get; set; }
    public string? AadObjectId { get; set; }
    public required string ServiceUrl { get; set; }
    public required string BotId { get; set; }
    public string? BotName { get; set; }
    public string? TenantId { get; set; }
    public string? ConversationType { get; set; }
    public bool IsGroup { get; set; }
    /// <summary>The client's locale as last reported (activity.locale).</summary>
    public string? ClientLocale { get; set; }
    /// <summary>IANA zone from the client (Teams localTimezone/clientInfo), a suggestion only.</summary>
    public string? ClientTimeZone { get; set; }
    /// <summary>The user's own language choice ("en"/"vi"); beats <see cref="ClientLocale"/>.</summary>
    public string? Language { get; set; }
    /// <summary>The user's own IANA time zone choice; beats <see cref="ClientTimeZone"/>.</summary>
    public string? TimeZone { get; set; }

    /// <summary>False once the bot was removed or the channel answered 403/404 to a send.</summary>
    public bool Active { get; set; } = true;
    public DateTimeOffset FirstSeenAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? WelcomedAt { get; set; }

    /// <summary>The dialog state (active form, recently closed runs), JSON written by the dialog engine; null when empty.</summary>
    public string? DialogState { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// An inbound activity already handled, keyed as channels re-send it (Teams retries after 15 s).
/// Written in the same transaction as the turn's effects, so a turn happens once or not at all.
/// </summary>
public sealed class ProcessedActivity
{
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public required string ActivityId { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
    /// <summary>For invokes: the answer given, replayed to a retry.</summary>
    public int? InvokeStatus { get; set; }
    public string? InvokeBody { get; set; }
}

/// <summary>
/// A message to send outside a turn (written by features in their own unit of work, sent by the outbox
/// worker). The idempotency key makes enqueueing repeatable; the lease makes sending exclusive.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string IdempotencyKey { get; set; }

    // Where it goes: the stored conversation reference, flattened so rows can be found by conversation.
    public required string ChannelId { get; set; }
    public required string ServiceUrl { get; set; }
    public required string BotId { get; set; }
    /// <summary>Null until the worker creates the Teams 1:1 conversation with <see cref="UserId"/>.</summary>
    public string? ConversationId { get; set; }
    public string? UserId { get; set; }
    public string? TenantId { get; set; }

    /// <summary>Activity JSON (ProtocolJsonContext).</summary>
    public required string Activity { get; set; }
    /// <summary>When set, the activity replaces this earlier one (update in place) instead of being sent.</summary>
    public string? UpdateActivityId { get; set; }
    /// <summary>When set, the activity replaces what the row with this idempotency key sent (resolved at send time).</summary>
    public string? UpdateOfKey { get; set; }

    public OutboxStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>Not before: delivery windows, snooze and backoff all move this.</summary>
    public DateTimeOffset DueAt { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    /// <summary>The id the channel gave the sent activity, for later updates.</summary>
    public string? SentActivityId { get; set; }
    public string? LastError { get; set; }
    /// <summary>Free grouping key for features (e.g. "review:42"), so they can find what they sent.</summary>
    public string? Topic { get; set; }
}

public enum OutboxStatus
{
    Pending = 0,
    Sent = 1,
    /// <summary>Given up: a permanent failure, or retries exhausted. <see cref="OutboxMessage.LastError"/> says why.</summary>
    Dead = 2,
    /// <summary>An update not sent because a later update of the same activity was sent first.</summary>
    Superseded = 3,
}

/// <summary>A conversation of the embedded web chat (local Direct Line).</summary>
public sealed class DirectLineConversation
{
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public string? UserName { get; set; }
    public string? Locale { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    /// <summary>When the bot was told (conversationUpdate); null until a client starts the conversation.</summary>
    public DateTimeOffset? StartedAt { get; set; }
    /// <summary>Last write; appends update it first, which also serialises appends per conversation.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }
}

/// <summary>
/// One activity of a web chat conversation. <see cref="Sequence"/> is the watermark: globally
/// increasing, so "after watermark" is one index seek; an update re-inserts under a new sequence.
/// </summary>
public sealed class DirectLineActivity
{
    public long Sequence { get; set; }
    public required string ConversationId { get; set; }
    public required string ActivityId { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
