namespace CcapBot.Persistence;

/// <summary>
/// How far a scheduler has turned domain state into messages: each tick covers (<see cref="TickedUntil"/>, now].
/// <see cref="Version"/> is the optimistic concurrency token, so when two instances tick at once only one of
/// them commits its messages and moves the cursor; the other's tick changes nothing.
/// </summary>
public sealed class SchedulerCursor
{
    public required string Name { get; set; }
    public DateTimeOffset TickedUntil { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// "Remind me later" on a reminder card: messages about <see cref="Subject"/> wait until <see cref="Until"/> for
/// this person (a channel identity, as the card was pressed).
/// </summary>
public sealed class ReminderSnooze
{
    public long Id { get; set; }
    public required string ChannelId { get; set; }
    public required string UserId { get; set; }
    /// <summary>The outbox topic of the messages it defers (e.g. "tracking.activity:12").</summary>
    public required string Subject { get; set; }
    public DateTimeOffset Until { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// A change someone asked for in words ("activity 2 done"), read back to them and waiting for their yes (or for
/// a choice, when the words named more than one activity). One per user per conversation; a newer one replaces it.
/// </summary>
public sealed class PendingStatusUpdate
{
    public required string ChannelId { get; set; }
    public required string ConversationId { get; set; }
    public required string UserId { get; set; }
    /// <summary>Names this proposal on its card: a button of a replaced proposal does nothing.</summary>
    public required string Token { get; set; }
    /// <summary>The proposal as JSON (written and read by the status-update feature).</summary>
    public required string Proposal { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
