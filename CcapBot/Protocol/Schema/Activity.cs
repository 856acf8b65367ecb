using System.Text.Json;
using System.Text.Json.Serialization;

namespace CcapBot.Protocol.Schema;

/// <summary>
/// A Bot Framework activity. Unknown fields are kept in <see cref="Extra"/> and written back, so
/// channel additions round-trip untouched (spec A2005).
/// </summary>
public sealed record Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    /// <summary>Kept as the raw string: the client's offset matters and must not be re-based.</summary>
    public string? LocalTimestamp { get; set; }
    public string? LocalTimezone { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? TextFormat { get; set; }
    public string? AttachmentLayout { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    public string? Locale { get; set; }
    public string? Text { get; set; }
    public string? Speak { get; set; }
    public string? InputHint { get; set; }
    public string? Summary { get; set; }
    public SuggestedActions? SuggestedActions { get; set; }
    public IList<Attachment>? Attachments { get; set; }
    public IList<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? Action { get; set; }
    public string? ReplyToId { get; set; }
    public string? Label { get; set; }
    public string? ValueType { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }
    public ConversationReference? RelatesTo { get; set; }
    public string? Code { get; set; }
    public string? DeliveryMode { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }

    /// <summary>A reply addressed back to the sender of this activity (from/recipient swapped).</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Conversation = Conversation,
        From = Recipient,
        Recipient = From,
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
    };

    /// <summary>The reference to store for proactive messages (bot = recipient, user = from).</summary>
    public ConversationReference GetConversationReference() => new()
    {
        ActivityId = Id,
        User = From,
        Bot = Recipient,
        Conversation = Conversation,
        ChannelId = ChannelId,
        ServiceUrl = ServiceUrl,
        Locale = Locale,
    };

    /// <summary>Reads a string property of <see cref="ChannelData"/>, e.g. <c>tenant.id</c>.</summary>
    public string? ChannelDataString(params string[] path)
    {
        if (ChannelData is not { ValueKind: JsonValueKind.Object } node) return null;
        foreach (var segment in path)
        {
            if (node.ValueKind != JsonValueKind.Object || !node.TryGetProperty(segment, out node)) return null;
        }
        return node.ValueKind == JsonValueKind.String ? node.GetString() : null;
    }

    /// <summary>The Entra tenant of the conversation, wherever the channel put it.</summary>
    public string? TenantId => Conversation?.TenantId ?? ChannelDataString("tenant", "id");
}

public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string Typing = "typing";
    public const string EndOfConversation = "endOfConversation";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string MessageReaction = "messageReaction";
}

public static class Channels
{
    public const string MsTeams = "msteams";
    public const string WebChat = "webchat";
    public const string DirectLine = "directline";
    public const string Emulator = "emulator";
}

public sealed record ChannelAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record ConversationAccount
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? ConversationType { get; set; }
    public bool? IsGroup { get; set; }
    public string? TenantId { get; set; }
    public string? AadObjectId { get; set; }
    public string? Role { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record ConversationReference
{
    public string? ActivityId { get; set; }
    public ChannelAccount? User { get; set; }
    public ChannelAccount? Bot { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public string? ChannelId { get; set; }
    public string? ServiceUrl { get; set; }
    public string? Locale { get; set; }
}

public sealed record Attachment
{
    public string? ContentType { get; set; }
    public string? ContentUrl { get; set; }
    public JsonElement? Content { get; set; }
    public string? Name { get; set; }
    public string? ThumbnailUrl { get; set; }

    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    public static Attachment AdaptiveCard(JsonElement card) => new() { ContentType = AdaptiveCardContentType, Content = card };
}

public sealed record SuggestedActions
{
    public IList<string>? To { get; set; }
    public IList<CardAction>? Actions { get; set; }
}

public sealed record CardAction
{
    public string? Type { get; set; }
    public string? Title { get; set; }
    public JsonElement? Value { get; set; }
    public string? Text { get; set; }
    public string? DisplayText { get; set; }
    public string? Image { get; set; }
}

/// <summary>Connector answer to send/reply/update: the id the channel gave the activity.</summary>
public sealed record ResourceResponse
{
    public string? Id { get; set; }
}

public sealed record ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public IList<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public Activity? Activity { get; set; }
    public JsonElement? ChannelData { get; set; }
    public string? TenantId { get; set; }
}

public sealed record ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ActivityId { get; set; }
    public string? ServiceUrl { get; set; }
}

/// <summary>What the bot answers to an invoke, in the HTTP response (status + body).</summary>
public sealed record InvokeResponse(int Status, JsonElement? Body);

/// <summary>Connector error body: <c>{error:{code,message}}</c>.</summary>
public sealed record ErrorResponse
{
    public ErrorDetail? Error { get; set; }
}

public sealed record ErrorDetail
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}
