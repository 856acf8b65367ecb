using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using CcapBot.Protocol.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CcapBot.Protocol.DirectLine;

/// <summary>
/// What the Direct Line endpoints do once a request is authorised and parsed: start conversations, take
/// the user's activities (store, echo to the stream, hand to the turn pipeline in-process) and the bot's
/// (store or stream, update in place). The web chat is a channel like any other: the turn pipeline sees
/// <c>channelId</c> "webchat" and <c>serviceUrl</c> = this service, and answers through the Connector client.
/// </summary>
public sealed partial class DirectLineChannel(
    IDirectLineStore store,
    DirectLineHub hub,
    IActivityProcessor processor,
    TimeProvider clock,
    IOptions<DirectLineOptions> options,
    ILogger<DirectLineChannel> log)
{
    public ChannelAccount Bot => new() { Id = options.Value.BotId, Name = options.Value.BotName, Role = "bot" };

    public static string NewConversationId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(18));

    public static string NewActivityId() => Guid.CreateVersion7().ToString("N");

    public Task<DirectLineConversationInfo> EnsureConversationAsync(string conversationId, string userId, string? userName, string? locale, CancellationToken cancellationToken) =>
        store.EnsureConversationAsync(new DirectLineConversationInfo(conversationId, userId, userName, locale, clock.GetUtcNow(), null), cancellationToken);

    /// <summary>
    /// Starts the conversation once: the bot gets a <c>conversationUpdate</c> adding itself and the user
    /// (never shown to clients), and its welcome is stored before this returns, so the client's first
    /// read or stream replays it.
    /// </summary>
    /// <returns>True if this call started it.</returns>
    public async Task<bool> StartAsync(DirectLineConversationInfo conversation, string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        if (conversation.StartedAt is not null) return false;
        var now = clock.GetUtcNow();
        if (!await store.MarkStartedAsync(conversation.Id, now, cancellationToken)) return false;
        LogStarted(log, conversation.Id);
        var user = new ChannelAccount { Id = conversation.UserId, Name = conversation.UserName, Role = "user" };
        await processor.ProcessAsync(new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = NewActivityId(),
            Timestamp = now,
            ServiceUrl = serviceUrl,
            ChannelId = Channels.WebChat,
            From = user,
            Recipient = Bot,
            Conversation = new ConversationAccount { Id = conversation.Id },
            MembersAdded = [Bot, user],
            Locale = conversation.Locale,
        }, CancellationToken.None);
        return true;
    }

    /// <summary>
    /// The user's activity: stamped (id, timestamp, serviceUrl, channel, sender from the token, the bot as
    /// recipient), stored and echoed with its <c>channelData.clientActivityID</c> intact (Web Chat marks a
    /// message sent only when that echo arrives with an id), then run as a turn.
    /// </summary>
    /// <returns>The activity's id.</returns>
    public async Task<string> PostFromUserAsync(DirectLineConversationInfo conversation, Activity activity, ChannelAccount sender, string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        ArgumentNullException.ThrowIfNull(activity);
        await StartAsync(conversation, serviceUrl, cancellationToken);

        var now = clock.GetUtcNow();
        var stamped = activity with
        {
            Id = NewActivityId(),
            Timestamp = now,
            ServiceUrl = serviceUrl,
            ChannelId = Channels.WebChat,
            From = sender with { Role = "user" },
            Recipient = Bot,
            Conversation = new ConversationAccount { Id = conversation.Id },
        };
        if (stamped.Type == ActivityTypes.Typing)
        {
            hub.Publish(conversation.Id, Serialize(stamped));
            return stamped.Id;
        }

        await store.AppendAsync(conversation.Id, stamped.Id, Serialize(stamped), now, cancellationToken);
        hub.Changed(conversation.Id);
        // The turn runs to completion even if the browser goes away: a half-done turn is worse than a late one.
        await processor.ProcessAsync(stamped, CancellationToken.None);
        return stamped.Id;
    }

    /// <summary>A bot activity sent or replied (Connector API). Typing goes to the stream only.</summary>
    /// <returns>The new activity's id, or null when the conversation does not exist.</returns>
    public async Task<string?> PostFromBotAsync(string conversationId, Activity activity, string? replyToId, string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var now = clock.GetUtcNow();
        var stamped = activity with
        {
            Id = NewActivityId(),
            Timestamp = now,
            ServiceUrl = serviceUrl,
            ChannelId = Channels.WebChat,
            Conversation = new ConversationAccount { Id = conversationId },
            From = activity.From ?? Bot,
            ReplyToId = replyToId ?? activity.ReplyToId,
        };
        if (stamped.Type == ActivityTypes.Typing)
        {
            if (await store.FindConversationAsync(conversationId, cancellationToken) is null) return null;
            hub.Publish(conversationId, Serialize(stamped));
            return stamped.Id;
        }
        if (await store.AppendAsync(conversationId, stamped.Id, Serialize(stamped), now, cancellationToken) is null) return null;
        hub.Changed(conversationId);
        return stamped.Id;
    }

    /// <summary>
    /// Replaces a bot activity. It keeps its id and original timestamp: Web Chat replaces an activity that
    /// arrives again with the same id, and places it by timestamp, so the card changes where it stands.
    /// </summary>
    /// <returns>False when there is no such activity.</returns>
    public async Task<bool> UpdateFromBotAsync(string conversationId, string activityId, Activity activity, string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (await store.FindActivityAsync(conversationId, activityId, cancellationToken) is not { } existing) return false;
        var original = JsonSerializer.Deserialize(existing.Json, ProtocolJsonContext.Default.Activity) ?? new Activity();
        var replacement = activity with
        {
            Id = activityId,
            Timestamp = original.Timestamp,
            ServiceUrl = serviceUrl,
            ChannelId = Channels.WebChat,
            Conversation = new ConversationAccount { Id = conversationId },
            From = activity.From ?? original.From ?? Bot,
            Recipient = activity.Recipient ?? original.Recipient,
            ReplyToId = activity.ReplyToId ?? original.ReplyToId,
        };
        if (await store.ReplaceAsync(conversationId, activityId, Serialize(replacement), clock.GetUtcNow(), cancellationToken) is null) return false;
        hub.Changed(conversationId);
        return true;
    }

    /// <summary>Removes a bot activity from the history (open clients keep showing it until they reload).</summary>
    public async Task<bool> DeleteFromBotAsync(string conversationId, string activityId, CancellationToken cancellationToken)
    {
        if (!await store.DeleteAsync(conversationId, activityId, cancellationToken)) return false;
        hub.Changed(conversationId);
        return true;
    }

    /// <summary><c>{"activities":[…],"watermark":"…"}</c> from stored JSON, without re-serialising it.</summary>
    public static byte[] ActivitySet(IEnumerable<string> activities, string? watermark)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("activities");
            foreach (var activity in activities) writer.WriteRawValue(activity, skipInputValidation: true);
            writer.WriteEndArray();
            if (watermark is not null) writer.WriteString("watermark", watermark);
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static string Serialize(Activity activity) => JsonSerializer.Serialize(activity, ProtocolJsonContext.Default.Activity);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Debug, Message = "Web chat conversation {ConversationId} started")]
    private static partial void LogStarted(ILogger logger, string conversationId);
}
